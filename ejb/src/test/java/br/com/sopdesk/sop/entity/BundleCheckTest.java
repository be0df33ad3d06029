package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
