package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
