package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopBundleJson;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The rules of the seed documents (000 to 004) that the seed bundles encode, one test per rule
 * ({@code docs/seed-rules.md} names each): content the agent reads, the ticket Relacionamento gets,
 * and the words on the way.
 */
class SeedRulesTest {

    private static Map<String, SopBundle> seeds() throws IOException {
        return SeedBundlesTest.seeds().stream().collect(Collectors.toMap(SopBundle::id, Function.identity()));
    }

    /** Every sentence of a bundle an agent reads: titles, texts, lists, option labels, field labels and help. */
    private static Stream<String> sentences(SopBundle b) {
        return Stream.of(Stream.of(b.title(), b.summary()),
                b.nodes().stream().flatMap(n -> Stream.of(Stream.of(n.title(), n.text()), n.checks().stream(), n.guidance().stream(),
                        n.ticketNotes().stream(), n.options().stream().map(SopOption::label)).flatMap(s -> s)),
                b.fields().stream().flatMap(f -> Stream.of(f.label(), f.help()))).flatMap(s -> s).filter(s -> s != null);
    }

    private static String allText(SopNode n) {
        return String.join("\n", Stream.of(Stream.of(n.title(), n.text()), n.checks().stream(), n.guidance().stream(), n.ticketNotes().stream())
                .flatMap(s -> s).filter(s -> s != null).toList());
    }

    @Test
    void thePortalsOpenATicketProcedureIsWalkedToTheRequestAndProtocolNumbers() throws IOException {
        SopBundle sop = seeds().get("abrir-chamado-portal");
        assertEquals("004", sop.seed());
        SopWalk walk = SopWalk.of(sop, Map.of());
        assertEquals(List.of("abrir", "secao", "solicitacao", "formulario", "registrado", "aberto"),
                walk.path().stream().map(SopNode::id).toList());
        assertEquals(SopNode.Outcome.SOLVED, walk.current().outcome(), "the customer opens it in the portal: no ticket from SOP Desk");
        assertTrue(allText(sop.node("abrir")).contains("[Abrir chamado]"));
        assertTrue(allText(sop.node("secao")).contains("seção"));
        assertTrue(allText(sop.node("solicitacao")).contains("[Solicitação]"));
        assertTrue(allText(sop.node("formulario")).contains("[Anexo]") && allText(sop.node("formulario")).contains("[Enviar]"));
        String registered = allText(sop.node("registrado"));
        assertTrue(registered.contains("número da solicitação") && registered.contains("protocolo de atendimento"), registered);
        assertTrue(registered.contains("é nessa mensagem") && registered.contains("[Fechar]"), "where the protocol is shown: " + registered);
        assertEquals("acompanhar-demanda", sop.node("aberto").see(), "following it up leads to the follow-demand SOP");
    }

    @Test
    void theVideoConferenceSopKeepsTheSeedsLines() throws IOException {
        String all = sentences(seeds().get("emissao-videoconferencia")).collect(Collectors.joining("\n"));
        for (String line : List.of("Essa interferência pode causar recusa do processo", "será necessário refazer o processo",
                "perda do certificado", "solicitar ajuda ao Agente caso esteja com dificuldades", "caso não tenha, oriente a clicar no link",
                "gerada no momento do agendamento", "é gerada a senha oficial")) {
            assertTrue(all.contains(line), line);
        }
        assertFalse(all.contains("o cliente cria"), "the password is generated, not created by the customer");
    }

    @Test
    void aStepsTutorialVideoIsAWebAddressAndAbsentWhileEmpty() throws IOException {
        Map<String, SopBundle> seeds = seeds();
        assertNull(seeds.get("abrir-chamado-portal").node("registrado").video(), "an empty link is no link");
        String raw = SeedBundlesTest.resource("sops/004-abrir-chamado-portal.json");
        assertTrue(raw.contains("\"video\": \"\""), "the seed shows the administrator where the link goes");
        for (String file : List.of("004-atualizar-cadastro", "004-acompanhar-demanda", "004-reiterar-demanda", "004-reiniciar-demanda")) {
            assertTrue(SeedBundlesTest.resource("sops/" + file + ".json").contains("\"video\": \"\""), file + " keeps the seed's \"Ver vídeo\" places");
        }
        String withVideo = raw.replace("\"video\": \"\"", "\"video\": \"https://videos.example.com/abrir-chamado\"");
        assertEquals("https://videos.example.com/abrir-chamado", SopBundleJson.read(withVideo).node("registrado").video());
        String script = raw.replace("\"video\": \"\"", "\"video\": \"javascript:alert(1)\"");
        InvalidBundleException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidBundleException.class, () -> SopBundleJson.read(script));
        assertTrue(refused.getMessage().contains("http:// ou https://"), refused.getMessage());
    }

    @Test
    void everyEscalationAsksWhatWasTriedAndTheA3PathOfLostPasswordAsksForTheMedia() throws IOException {
        Map<String, SopBundle> seeds = seeds();
        for (SopBundle b : seeds.values()) {
            b.nodes().stream().filter(SopNode::escalates).forEach(n -> assertTrue(
                    n.ticketNotes().stream().anyMatch(t -> t.contains("solução tentada")), b.id() + " " + n.id()));
        }
        SopBundle lost = seeds.get("perda-de-senha");
        FieldSpec media = lost.fieldsFor(Map.of("tipo", "A3", "a3-resolveu", "nao")).stream().filter(f -> f.name().equals("midia"))
                .findFirst().orElseThrow();
        assertTrue(media.required());
        assertTrue(lost.fieldsFor(Map.of("tipo", "A1", "a1-esgotou", "sim")).stream().noneMatch(f -> f.name().equals("midia")),
                "an A1 file has no media");
        assertEquals("midia-senha-formatacao", lost.node("a3-desbloqueio").see(), "the A3 step links the per-vendor PIN/PUK steps");
        assertNotNull(seeds.get(lost.node("a3-desbloqueio").see()));
    }

    @Test
    void ticketTitlesShowTheOptionsLabelsNeverTheirCodes() throws IOException {
        Map<String, SopBundle> seeds = seeds();
        assertEquals("Garantia: revogação e reemissão (Esqueceu de incluir a CEI ou o PIS)",
                seeds.get("garantia-revogacao").ticketTitle(Map.of("caso", "cei-pis", "prazo-14", "sim")));
        assertEquals("Falha ao alterar senha ou formatar a mídia: Token SafeNet ou cartão GEMALTO",
                seeds.get("midia-senha-formatacao").ticketTitle(Map.of("fabricante", "safenet", "operacao-safenet", "senha", "resolveu", "nao")));
        for (SopBundle b : seeds.values()) {
            for (SopWalk w : SeedBundlesTest.allWalks(b)) {
                String template = b.qualitor() == null ? null : b.qualitor().titleTemplate();
                if (!w.escalates() || template == null) {
                    continue;
                }
                String title = b.ticketTitle(w.usedAnswers());
                w.usedAnswers().forEach((question, code) -> {
                    if (template.contains("{" + question + "}")) {
                        String label = b.node(question).option(code).label();
                        assertTrue(title.contains(label), b.id() + ": " + title);
                        assertFalse(title.contains("(" + code + ")") || title.contains(" " + code + ":"), b.id() + ": " + title);
                    }
                });
            }
        }
    }

    @Test
    void aRealCeiHasTwelveDigitsAndTheHexStepReadsTheSeedsExample() throws IOException {
        SopBundle cei = seeds().get("sem-matricula-cei");
        FieldSpec field = cei.fields().get(0);
        assertEquals(FieldSpec.Type.CEI, field.type());
        assertTrue(field.help().contains("12 dígitos") && field.help().contains("1234567"), field.help());
        assertFalse(FieldRules.valid(FieldSpec.Type.CEI, "1234567", LocalDate.of(2026, 12, 6)), "the seed's shortened example is not a real CEI");
        assertTrue(FieldRules.valid(FieldSpec.Type.CEI, "123456789012", LocalDate.of(2026, 12, 6)));
        String step = cei.node("ler-cei").text();
        assertTrue(step.contains("31 32 33 34 35 36 37 → 1 2 3 4 5 6 7") && step.contains("1234567"), step);
        assertTrue(step.contains("o par 3X é o dígito X") && step.contains("12 pares"), step);
    }

    @Test
    void checksAreQuestionsForTheCustomerAndInstructionsStandApart() throws IOException {
        for (SopBundle b : seeds().values()) {
            for (SopNode n : b.nodes()) {
                n.checks().forEach(c -> assertTrue(c.endsWith("?"), b.id() + "/" + n.id() + " check is not a question: " + c));
                Stream.concat(n.guidance().stream(), n.ticketNotes().stream())
                        .forEach(i -> assertFalse(i.endsWith("?"), b.id() + "/" + n.id() + " instruction is a question: " + i));
                if (n.escalates()) {
                    assertFalse(n.ticketNotes().isEmpty(), b.id() + ": what to write in the ticket");
                }
            }
        }
    }

    @Test
    void theFollowDemandSopPromisesNoListItDoesNotHave() throws IOException {
        SopBundle follow = seeds().get("acompanhar-demanda");
        assertTrue(follow.fields().isEmpty());
        sentences(follow).forEach(s -> assertFalse(s.contains("ao informar o CNPJ"), s));
    }

    @Test
    void theSeedsUseTheRevisedWords() throws IOException {
        List<Executable> checks = seeds().values().stream().flatMap(SeedRulesTest::sentences).<Executable>map(s -> () -> {
            for (String old : List.of("corrompeu ao baixar", "Na aba que se abre", "passa do limite")) {
                assertFalse(s.contains(old), old + " in: " + s);
            }
        }).toList();
        org.junit.jupiter.api.Assertions.assertAll(checks);
        assertEquals("O arquivo foi corrompido no download", seeds().get("garantia-revogacao").node("caso").option("corrompido").label());
        assertTrue(seeds().get("midia-senha-formatacao").node("safenet-senha").text().contains("Na janela que se abre"));
    }

    @Test
    void aSopWithoutCertificateTypesSaysNothingItAppliesTo() throws IOException {
        seeds().values().stream().filter(b -> "004".equals(b.seed()))
                .forEach(b -> assertEquals("", b.appliesTo(), b.id() + ": the page hides \"Aplica-se a\" when this is empty"));
    }
}
