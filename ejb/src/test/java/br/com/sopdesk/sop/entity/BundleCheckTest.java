package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopBundleJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad bundle is refused with the exact line and the reason. */
class BundleCheckTest {

    private static final String GOOD = """
            {
              "id": "teste",
              "version": 2,
              "title": "Teste",
              "start": "q",
              "nodes": [
                {"id": "q", "kind": "QUESTION", "title": "Pergunta",
                 "options": [{"value": "a", "label": "A", "next": "fim"}, {"value": "b", "label": "B", "next": "sobe"}]},
                {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}
              ],
              "qualitor": {"ticketType": "5", "category": "40"}
            }
            """;

    private static List<BundleCheck.Problem> problems(String json) {
        return assertThrows(InvalidBundleException.class, () -> SopBundleJson.read(json)).problems();
    }

    @Test
    void aGoodBundleIsRead() {
        SopBundle bundle = SopBundleJson.read(GOOD);
        assertEquals(2, bundle.version());
        assertEquals(24, bundle.sla().returnHours(), "24-hour return by default");
    }

    @Test
    void syntaxErrorsGiveTheLine() {
        List<BundleCheck.Problem> p = problems(GOOD.replace("\"title\": \"Teste\",", "\"title\": \"Teste\""));
        assertEquals(1, p.size());
        assertEquals(5, p.get(0).line(), p.toString());
        assertTrue(p.get(0).reason().startsWith("JSON inválido"), p.toString());
    }

    @Test
    void anOptionLeadingNowhereIsNamedWithItsLine() {
        List<BundleCheck.Problem> p = problems(GOOD.replace("\"next\": \"sobe\"", "\"next\": \"sumiu\""));
        assertEquals(1, p.size(), p.toString());
        assertEquals(8, p.get(0).line());
        assertTrue(p.get(0).reason().contains("'sumiu', que não existe"), p.toString());
    }

    @Test
    void escalatingWithoutQualitorMappingIsRefused() {
        List<BundleCheck.Problem> p = problems(GOOD.replace(",\n  \"qualitor\": {\"ticketType\": \"5\", \"category\": \"40\"}", ""));
        assertTrue(p.get(0).reason().contains("categorização do Qualitor"), p.toString());
    }

    @Test
    void unknownKindIsRefused() {
        List<BundleCheck.Problem> p = problems(GOOD.replace("\"kind\": \"QUESTION\"", "\"kind\": \"PERGUNTA\""));
        assertTrue(p.get(0).reason().contains("não corresponde a um pacote de SOP"), p.toString());
    }

    @Test
    void cyclesAndUnreachableNodesAreRefused() {
        String cyclic = GOOD.replace("{\"id\": \"sobe\", \"kind\": \"OUTCOME\", \"outcome\": \"ESCALATE\", \"title\": \"Escalar\"}",
                "{\"id\": \"sobe\", \"kind\": \"STEP\", \"title\": \"Volta\", \"next\": \"q\"}");
        assertTrue(problems(cyclic).get(0).reason().contains("ciclo"), problems(cyclic).toString());
        String orphan = GOOD.replace("\"next\": \"sobe\"", "\"next\": \"fim\"");
        List<BundleCheck.Problem> p = problems(orphan);
        assertTrue(p.get(0).reason().contains("'sobe' não é alcançável"), p.toString());
        assertEquals(9, p.get(0).line());
    }

    @Test
    void badIdAndDuplicateNodesAreRefused() {
        assertTrue(problems(GOOD.replace("\"id\": \"teste\"", "\"id\": \"Teste Inválido\"")).get(0).reason().startsWith("id inválido"));
        String dup = GOOD.replace("{\"id\": \"fim\", \"kind\": \"OUTCOME\", \"outcome\": \"SOLVED\", \"title\": \"Fim\"}",
                "{\"id\": \"fim\", \"kind\": \"OUTCOME\", \"outcome\": \"SOLVED\", \"title\": \"Fim\"},\n    {\"id\": \"fim\", \"kind\": \"OUTCOME\", \"outcome\": \"SOLVED\", \"title\": \"Fim 2\"}");
        assertTrue(problems(dup).get(0).reason().contains("repetido"), problems(dup).toString());
    }

    @Test
    void aFollowOutcomeNeedsItsSopAndAWarrantyPartItsQuestionsAndAnswers() {
        List<BundleCheck.Problem> follow = problems(GOOD.replace("\"outcome\": \"SOLVED\"", "\"outcome\": \"FOLLOW\""));
        assertTrue(follow.toString().contains("FOLLOW e precisa do id do SOP"), follow.toString());
        assertEquals("perda-de-senha", SopBundleJson.read(GOOD.replace("\"outcome\": \"SOLVED\"", "\"outcome\": \"FOLLOW\", \"sop\": \"perda-de-senha\""))
                .node("fim").sop());

        String warranty = ",\n  \"warranty\": {\"caseQuestion\": \"q\", \"withinAnswers\": {\"q\": \"b\"}, \"letterNode\": \"fim\"}";
        SopBundle good = SopBundleJson.read(GOOD.replace("\"category\": \"40\"}", "\"category\": \"40\"}" + warranty));
        assertEquals("q", good.warranty().caseQuestion());
        List<BundleCheck.Problem> p = problems(GOOD.replace("\"category\": \"40\"}", "\"category\": \"40\"},\n  \"warranty\": "
                + "{\"fixedCase\": \"senha\", \"caseQuestion\": \"q\", \"dateField\": \"data\", \"withinAnswers\": {\"q\": \"c\"}, \"letterNode\": \"q\"}"));
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.toString().contains("withinAnswers") && p.toString().contains("q = c"), p.toString());
    }

    /** GOOD with a step "ler" before the question, carrying the given reading JSON. */
    private static String withReading(String reading) {
        return GOOD.replace("\"start\": \"q\"", "\"start\": \"ler\"")
                .replace("\"nodes\": [\n", "\"nodes\": [\n    {\"id\": \"ler\", \"kind\": \"STEP\", \"title\": \"Leia\", \"next\": \"q\",\n     \"reading\": "
                        + reading + "},\n");
    }

    @Test
    void aStepMayRequireReadingADocumentByAddressOrByText() {
        SopReading url = SopBundleJson.read(withReading("{\"title\": \"Manual\", \"url\": \"https://kb.example.com/a1\"}")).node("ler").reading();
        assertEquals(new SopReading("Manual", "https://kb.example.com/a1", null), url);
        SopReading text = SopBundleJson.readText(withReading("{\"title\": \"Aviso\", \"text\": \"Nunca peça a senha.\"}")).node("ler").reading();
        assertEquals("Nunca peça a senha.", text.text());
        assertNull(SopBundleJson.read(GOOD).node("q").reading(), "no reading unless given");
    }

    @Test
    void aReadingIsReadFromYamlLikeTheOtherNodeFields() {
        String yaml = """
                id: teste-leitura
                version: 1
                title: Teste
                start: ler
                nodes:
                  - id: ler
                    kind: STEP
                    title: Leia
                    next: fim
                    reading:
                      title: Manual do A1
                      url: https://kb.example.com/a1
                  - id: fim
                    kind: OUTCOME
                    outcome: SOLVED
                    title: Fim
                """;
        assertEquals(new SopReading("Manual do A1", "https://kb.example.com/a1", null), SopBundleJson.readText(yaml).node("ler").reading());
    }

    @Test
    void aReadingNeedsAStepATitleAndExactlyOneSafeDocument() {
        List<BundleCheck.Problem> onQuestion = problems(GOOD.replace("\"title\": \"Pergunta\",",
                "\"title\": \"Pergunta\", \"reading\": {\"title\": \"Manual\", \"url\": \"https://kb.example.com\"},"));
        assertEquals(1, onQuestion.size(), onQuestion.toString());
        assertTrue(onQuestion.get(0).reason().contains("nó 'q': só um passo"), onQuestion.toString());
        assertEquals(7, onQuestion.get(0).line(), "the node's line");

        assertTrue(problems(withReading("{\"url\": \"https://kb.example.com\"}")).toString().contains("precisa de um título"));
        assertTrue(problems(withReading("{\"title\": \"Manual\"}")).toString().contains("um endereço (url) ou um texto (text), não os dois"));
        assertTrue(problems(withReading("{\"title\": \"M\", \"url\": \"https://kb.example.com\", \"text\": \"t\"}")).toString()
                .contains("não os dois"));
        for (String bad : List.of("javascript:alert(1)", "https://kb.example.com/\\\"><script>", "ftp://kb.example.com")) {
            List<BundleCheck.Problem> p = problems(withReading("{\"title\": \"M\", \"url\": \"" + bad + "\"}"));
            assertTrue(p.toString().contains("nó 'ler': o endereço da leitura obrigatória deve ser http"), bad + " " + p);
        }
    }

    @Test
    void aReadingStaysWithinTheTextLimits() {
        SopLimits small = new SopLimits(1_048_576, 500, 50, 20, 50);
        SopBundle bundle = SopBundleJson.read(withReading("{\"title\": \"Manual\", \"text\": \"" + "x".repeat(21) + "\"}"));
        List<BundleCheck.Problem> p = BundleCheck.problems(bundle, null, small);
        assertTrue(p.stream().anyMatch(x -> x.reason().equals("nó 'ler': um texto da leitura obrigatória ultrapassa o limite de 20 caracteres")), p.toString());
        SopBundle longTitle = SopBundleJson.read(withReading("{\"title\": \"" + "T".repeat(21) + "\", \"url\": \"https://kb.example.com\"}"));
        assertTrue(BundleCheck.problems(longTitle, null, small).toString().contains("ultrapassa o limite de 20"));
        assertEquals(List.of(), BundleCheck.problems(longTitle, null, SopLimits.DEFAULTS));
    }

    /** GOOD with a second escalation, to category 41, beside the SOP's own (40). */
    private static final String TWO_CATEGORIES = GOOD
            .replace("{\"value\": \"b\", \"label\": \"B\", \"next\": \"sobe\"}",
                    "{\"value\": \"b\", \"label\": \"B\", \"next\": \"sobe\"}, {\"value\": \"c\", \"label\": \"C\", \"next\": \"outra\"}")
            .replace("{\"id\": \"fim\",",
                    "{\"id\": \"outra\", \"kind\": \"OUTCOME\", \"outcome\": \"ESCALATE\", \"title\": \"Outra fila\",\n"
                            + "                 \"qualitor\": {\"category\": \"41\", \"severity\": \"3\"}},\n                {\"id\": \"fim\",");

    @Test
    void anEscalationMayHaveItsOwnCategoryOverTheSopsClassification() {
        SopBundle bundle = SopBundleJson.read(TWO_CATEGORIES);
        QualitorMapping own = bundle.classification(bundle.node("outra"));
        assertEquals(new QualitorMapping("5", "41", null, "3", null), own, "its category and severity, the SOP's ticket type");
        assertEquals(bundle.qualitor(), bundle.classification(bundle.node("sobe")), "an outcome without its own: the SOP's");
        assertEquals(List.of("", "outra"), List.copyOf(bundle.classifications().keySet()));
    }

    @Test
    void anEscalationsOwnClassificationStillNeedsATicketTypeAndACategory() {
        String noSopMapping = TWO_CATEGORIES.replace(",\n  \"qualitor\": {\"ticketType\": \"5\", \"category\": \"40\"}", "");
        List<BundleCheck.Problem> p = problems(noSopMapping);
        assertTrue(p.stream().anyMatch(x -> x.reason().contains("desfecho 'outra' abre chamado com categorização própria")
                && x.line() == 10), "at the outcome's line: " + p);
        assertTrue(p.stream().anyMatch(x -> x.reason().contains("categorização do Qualitor")), "'sobe' has none at all: " + p);
    }

    @Test
    void onlyAnEscalationHasItsOwnClassification() {
        List<BundleCheck.Problem> p = problems(GOOD.replace("\"outcome\": \"SOLVED\", \"title\": \"Fim\"",
                "\"outcome\": \"SOLVED\", \"title\": \"Fim\", \"qualitor\": {\"category\": \"41\"}"));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).reason().contains("desfecho 'fim' tem categorização própria"), p.toString());
    }

    /** GOOD whose solved outcome records the call in Qualitor, in category 42. */
    private static final String RECORDED = GOOD.replace("\"outcome\": \"SOLVED\", \"title\": \"Fim\"",
            "\"outcome\": \"SOLVED\", \"title\": \"Fim\", \"record\": true, \"qualitor\": {\"category\": \"42\"}");

    @Test
    void aSolvedOutcomeMayRecordTheCallWithItsOwnCategory() {
        SopBundle bundle = SopBundleJson.read(RECORDED);
        SopWalk walk = SopWalk.of(bundle, java.util.Map.of("q", "a"));
        assertTrue(walk.recordsCall() && walk.opensTicket() && !walk.escalates(), "a recorded call opens a ticket without escalating");
        assertEquals("42", bundle.classification(walk.current()).category());
        SopWalk plain = SopWalk.of(SopBundleJson.read(GOOD), java.util.Map.of("q", "a"));
        assertTrue(!plain.recordsCall() && !plain.opensTicket(), "a plain solved outcome opens nothing");
    }

    @Test
    void onlyASolvedOutcomeRecordsTheCallAndItNeedsAClassification() {
        List<BundleCheck.Problem> escalation = problems(GOOD.replace("\"outcome\": \"ESCALATE\", \"title\": \"Escalar\"",
                "\"outcome\": \"ESCALATE\", \"title\": \"Escalar\", \"record\": true"));
        assertEquals(1, escalation.size(), escalation.toString());
        assertTrue(escalation.get(0).reason().contains("desfecho 'sobe' tem record, mas só um desfecho SOLVED"), escalation.toString());

        String onlyRecorded = RECORDED.replace("\"next\": \"sobe\"", "\"next\": \"fim\"")
                .replace("{\"id\": \"sobe\", \"kind\": \"OUTCOME\", \"outcome\": \"ESCALATE\", \"title\": \"Escalar\"},", "")
                .replace(",\n  \"qualitor\": {\"ticketType\": \"5\", \"category\": \"40\"}", "");
        List<BundleCheck.Problem> p = problems(onlyRecorded);
        assertTrue(p.stream().anyMatch(x -> x.reason().contains("desfecho 'fim' abre chamado com categorização própria")), p.toString());
    }
}
