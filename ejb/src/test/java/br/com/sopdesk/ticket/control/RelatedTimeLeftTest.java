package br.com.sopdesk.ticket.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import br.com.sopdesk.platform.Text;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The time left on a related demand, without the truncation that showed "0 h" for an hour overdue. */
class RelatedTimeLeftTest {

    @Test
    void hoursWhileThereIsTimeMinutesInTheLastHour() {
        assertEquals("5 h", pt(Duration.ofMinutes(5 * 60 + 59), false));
        assertEquals("1 h", pt(Duration.ofMinutes(60), false));
        assertEquals("59 min", pt(Duration.ofMinutes(59).plusSeconds(30), false));
        assertEquals("0 min", pt(Duration.ofSeconds(20), false));
    }

    @Test
    void overdueSaysSoFromTheFirstSecond() {
        assertEquals("prazo vencido há 1 min", pt(Duration.ofSeconds(-1), false));
        assertEquals("prazo vencido há 45 min", pt(Duration.ofMinutes(-45), false));
        assertEquals("prazo vencido há 1 h", pt(Duration.ofMinutes(-61), false));
        assertEquals("prazo vencido há 26 h", pt(Duration.ofHours(-26), false));
        assertEquals(-1, RelatedTickets.minutesOf(Duration.ofSeconds(-1)));
        assertEquals(-1, Math.floorDiv(RelatedTickets.minutesOf(Duration.ofMinutes(-10)), 60L), "hoursLeft is negative once overdue");
    }

    @Test
    void aPausedClockSaysItIsPaused() {
        assertEquals("pausado, faltam 3 h", pt(Duration.ofMinutes(200), true));
    }

    @Test
    void inEnglishWhenTheReaderChoseEnglish() {
        assertEquals("5 h", RelatedTickets.timeLeft(Duration.ofMinutes(5 * 60 + 59), false).in(Locale.ENGLISH));
        assertEquals("overdue by 45 min", RelatedTickets.timeLeft(Duration.ofMinutes(-45), false).in(Locale.ENGLISH));
        assertEquals("overdue by 26 h", RelatedTickets.timeLeft(Duration.ofHours(-26), false).in(Locale.ENGLISH));
        assertEquals("paused, 3 h left", RelatedTickets.timeLeft(Duration.ofMinutes(200), true).in(Locale.ENGLISH));
    }

    private static String pt(Duration left, boolean paused) {
        return RelatedTickets.timeLeft(left, paused).in(Text.PT_BR);
    }

    @Test
    void closedSituations() {
        assertEquals(true, RelatedTickets.closed("Encerrado"));
        assertEquals(true, RelatedTickets.closed("Concluído"));
        assertEquals(false, RelatedTickets.closed("Aguardando atendimento"));
    }
}
