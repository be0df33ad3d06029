package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.SopBundleJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lost-password seed bundle (000) parsed from its shipped JSON and walked down every branch. */
class SopWalkTest {

    private static SopBundle lostPassword() throws IOException {
        try (InputStream in = SopWalkTest.class.getClassLoader().getResourceAsStream("sops/000-perda-de-senha.json")) {
            return SopBundleJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> ids(SopWalk walk) {
        return walk.path().stream().map(SopNode::id).toList();
    }

    @Test
    void startsByAskingTheCertificateType() throws IOException {
        SopWalk walk = SopWalk.of(lostPassword(), Map.of());
        assertEquals("tipo", walk.current().id());
        assertFalse(walk.finished());
    }

    @Test
    void a1WithAttemptsExhaustedEscalates() throws IOException {
        SopBundle sop = lostPassword();
        SopWalk walk = SopWalk.of(sop, Map.of("tipo", "A1", "a1-esgotou", "sim"));
        assertEquals(List.of("tipo", "a1-documentacao", "a1-esgotou", "escalar"), ids(walk));
        assertTrue(walk.escalates());
        assertEquals("Perda de senha - certificado A1 (arquivo), instalação pela primeira vez", sop.ticketTitle(walk.usedAnswers()),
                "the title shows the option's label, not its stored code");
        assertTrue(walk.describeDecisions().contains("Tentativas esgotadas: Sim"), walk.describeDecisions());
    }

    @Test
    void a1PasswordFoundIsSolvedOnTheCall() throws IOException {
        SopWalk walk = SopWalk.of(lostPassword(), Map.of("tipo", "A1", "a1-esgotou", "nao"));
        assertTrue(walk.finished());
        assertEquals(SopNode.Outcome.SOLVED, walk.current().outcome());
    }

    @Test
    void a3TriesUnblockingBeforeEscalating() throws IOException {
        SopWalk walk = SopWalk.of(lostPassword(), Map.of("tipo", "A3", "a3-resolveu", "nao"));
        assertEquals(List.of("tipo", "a3-desbloqueio", "a3-resolveu", "escalar"), ids(walk));
        assertTrue(walk.escalates());
    }

    @Test
    void answersOffThePathDoNotCount() throws IOException {
        SopWalk walk = SopWalk.of(lostPassword(), Map.of("tipo", "A3", "a1-esgotou", "sim"));
        assertEquals("a3-resolveu", walk.current().id());
        assertEquals(Map.of("tipo", "A3"), walk.usedAnswers());
    }

    @Test
    void anUnknownAnswerLeavesTheQuestionOpen() throws IOException {
        assertEquals("tipo", SopWalk.of(lostPassword(), Map.of("tipo", "A2")).current().id());
    }

    @Test
    void aCyclicBundleIsRefused() {
        SopBundle cyclic = new SopBundle("c", 1, "x", "Cíclico", null, null, null, "a",
                List.of(new SopNode("a", SopNode.Kind.STEP, "A", "", null, "b", null, null),
                        new SopNode("b", SopNode.Kind.STEP, "B", "", null, "a", null, null)),
                null, null, null, null);
        assertThrows(IllegalStateException.class, () -> SopWalk.of(cyclic, Map.of()));
    }

    /** A step with a required reading, then a question, solved or escalated. */
    private static SopBundle withReading() {
        return SopBundleJson.read("""
                {"id": "leitura", "version": 1, "title": "Leitura", "start": "ler",
                 "nodes": [
                   {"id": "ler", "kind": "STEP", "title": "Leia o manual", "next": "q",
                    "reading": {"title": "Manual do A1", "url": "https://kb.example.com/a1"}},
                   {"id": "q", "kind": "QUESTION", "title": "Resolveu?",
                    "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "sobe"}]},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Resolvido"},
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"}],
                 "qualitor": {"ticketType": "5", "category": "40"}}
                """);
    }

    @Test
    void aRequiredReadingHoldsTheWalkAtItsStepUntilConfirmed() {
        SopWalk walk = SopWalk.of(withReading(), Map.of("q", "sim"));
        assertEquals("ler", walk.current().id());
        assertFalse(walk.finished());
        assertEquals("Manual do A1", walk.pendingReading().title());
        assertEquals(Map.of(), walk.usedAnswers(), "the answer past the reading does not count yet");
        assertEquals("ler", SopWalk.of(withReading(), Map.of("ler", "sim")).current().id(), "only \"lido\" confirms");
    }

    @Test
    void aConfirmedReadingLetsTheWalkGoOnAndIsRecorded() {
        SopWalk open = SopWalk.of(withReading(), Map.of("ler", "lido"));
        assertEquals("q", open.current().id());
        assertNull(open.pendingReading());

        SopWalk walk = SopWalk.of(withReading(), Map.of("ler", "lido", "q", "nao"));
        assertEquals(List.of("ler", "q", "sobe"), ids(walk));
        assertTrue(walk.escalates());
        assertEquals(List.of("ler", "q"), List.copyOf(walk.usedAnswers().keySet()), "in path order");
        assertEquals("lido", walk.usedAnswers().get("ler"));
        assertEquals("- Leitura obrigatória: Manual do A1: lida\n- Resolveu?: Não\n", walk.describeDecisions());
    }
}
