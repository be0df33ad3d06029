package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaAlertTest {

    private static final Instant NOW = Instant.parse("2025-11-18T13:00:00Z");

    private static SlaAlert alert(String level) {
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 42L);
        return new SlaAlert(clock, level, NOW, "instance-1", "explicação");
    }

    @Test
    void copiesTheClocksIdentityAndDeadline() {
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 7L);
        SlaAlert a = new SlaAlert(clock, SlaClock.AT_RISK, NOW, "x".repeat(200), "y".repeat(5000));
        assertEquals(7L, a.getClockId());
        assertEquals(clock.getDemandNumber(), a.getDemandNumber());
        assertEquals(clock.getPolicyCode(), a.getPolicyCode());
        assertEquals(SlaClock.AT_RISK, a.getLevel());
        assertEquals(1, a.getDeadlineVersion());
        assertEquals(clock.getDeadlineAt(), a.getDeadlineAt());
        assertEquals(NOW, a.getRaisedAt());
        assertEquals(120, a.getRaisedBy().length());
        assertEquals(4000, a.getExplanation().length());
        assertTrue(a.getExplanation().endsWith("..."));
        assertNull(a.getAcknowledgedAt());
    }

    @Test
    void onlyTheBreachIsABreach() {
        assertTrue(alert(SlaClock.BREACH).breach());
        assertFalse(alert(SlaClock.AT_RISK).breach());
        assertFalse(alert("REMINDER_1").breach());
    }

    @Test
    void acknowledgeNeedsAComment() {
        SlaAlert a = alert(SlaClock.BREACH);
        for (String blank : new String[] {null, "", "   "}) {
            assertEquals("Escreva um comentário para reconhecer o alerta.",
                    assertThrows(IllegalArgumentException.class, () -> a.acknowledge("sup", blank, NOW)).getMessage());
        }
        assertNull(a.getAcknowledgedAt());
    }

    @Test
    void acknowledgeRecordsWhoWhenAndWhat() {
        SlaAlert a = alert(SlaClock.BREACH);
        a.acknowledge("sup", "  Liguei para o cliente.  ", NOW.plusSeconds(60));
        assertEquals("sup", a.getAcknowledgedBy());
        assertEquals("Liguei para o cliente.", a.getAckComment());
        assertEquals(NOW.plusSeconds(60), a.getAcknowledgedAt());
    }

    @Test
    void acknowledgeOnlyOnce() {
        SlaAlert a = alert(SlaClock.BREACH);
        a.acknowledge("sup", "Feito.", NOW);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> a.acknowledge("outro", "De novo.", NOW.plusSeconds(5)));
        assertEquals("Este alerta já foi reconhecido por sup.", e.getMessage());
        assertEquals("sup", a.getAcknowledgedBy());
        assertEquals("Feito.", a.getAckComment());
        assertEquals(NOW, a.getAcknowledgedAt());
    }

    @Test
    void longCommentsAreCut() {
        SlaAlert a = alert(SlaClock.AT_RISK);
        a.acknowledge("sup", "z".repeat(1500), NOW);
        assertEquals(1000, a.getAckComment().length());
    }
}
