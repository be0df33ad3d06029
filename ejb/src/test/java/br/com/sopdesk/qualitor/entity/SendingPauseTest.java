package br.com.sopdesk.qualitor.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same unexplained refusal for several different tickets in a row pauses sending; anything else does not. */
class SendingPauseTest {

    private static final Instant NOW = Instant.parse("2026-12-05T13:00:00Z");
    private static final String WORDS = "Ws - Usuário ou senha inválidos.";

    private static SendingPause pause() {
        SendingPause p = new SendingPause();
        p.clear(NOW);
        return p;
    }

    @Test
    void threeDifferentTicketsRefusedTheSameWayPauseAndRememberQualitorsWords() {
        SendingPause p = pause();
        assertEquals(SendingPause.Outcome.COUNTED, p.refused(1, "1", WORDS, 3, NOW));
        assertEquals(SendingPause.Outcome.COUNTED, p.refused(2, "1", WORDS, 3, NOW));
        assertFalse(p.isPaused());
        assertEquals(SendingPause.Outcome.PAUSED_NOW, p.refused(3, "1", WORDS, 3, NOW));
        assertTrue(p.isPaused());
        assertEquals(WORDS, p.getPausedMessage());
        assertEquals("1", p.getPausedCode());
        assertEquals(List.of(1L, 2L, 3L), p.streakTickets(), "the streak's tickets go back to the queue");
        assertEquals(SendingPause.Outcome.ALREADY_PAUSED, p.refused(4, "1", WORDS, 3, NOW));
    }

    @Test
    void theSameTicketRefusedAgainCountsOnce() {
        SendingPause p = pause();
        p.refused(7, "1", WORDS, 3, NOW);
        p.refused(7, "1", WORDS, 3, NOW);
        assertEquals(SendingPause.Outcome.COUNTED, p.refused(7, "1", WORDS, 3, NOW));
        assertEquals(1, p.getStreakCount());
        assertFalse(p.isPaused());
    }

    @Test
    void otherWordsOrAnotherCodeStartANewStreak() {
        SendingPause p = pause();
        p.refused(1, "1", WORDS, 3, NOW);
        p.refused(2, "1", WORDS, 3, NOW);
        assertEquals(SendingPause.Outcome.COUNTED, p.refused(3, "1", "Ws - Outra coisa.", 3, NOW));
        assertEquals(1, p.getStreakCount());
        assertEquals(SendingPause.Outcome.COUNTED, p.refused(4, "2", "Ws - Outra coisa.", 3, NOW));
        assertEquals(1, p.getStreakCount(), "another code is another refusal");
        assertFalse(p.isPaused());
    }

    @Test
    void anAcceptedTicketEndsTheStreakAndThePause() {
        SendingPause p = pause();
        p.refused(1, "1", WORDS, 2, NOW);
        p.refused(2, "1", WORDS, 2, NOW);
        assertTrue(p.clear(NOW), "it was paused");
        assertTrue(p.isClear());
        assertEquals(SendingPause.Outcome.COUNTED, p.refused(3, "1", WORDS, 2, NOW), "a new streak starts from one");
    }

    @Test
    void whilePausedOneProbeGoesPerPeriod() {
        SendingPause p = pause();
        assertFalse(p.probe(NOW, Duration.ofSeconds(60)), "nothing to probe when not paused");
        p.refused(1, "1", WORDS, 2, NOW);
        p.refused(2, "1", WORDS, 2, NOW);
        assertFalse(p.probe(NOW.plusSeconds(30), Duration.ofSeconds(60)), "the pause itself counts as the first try");
        assertTrue(p.probe(NOW.plusSeconds(61), Duration.ofSeconds(60)));
        assertFalse(p.probe(NOW.plusSeconds(62), Duration.ofSeconds(60)), "one per period, whichever instance asks");
        assertTrue(p.probe(NOW.plusSeconds(122), Duration.ofSeconds(60)));
    }
}
