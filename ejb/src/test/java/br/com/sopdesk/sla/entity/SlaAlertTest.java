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
        assertTrue(a.getExplanation().length() <= 4000);
        assertTrue(a.getExplanation().contains("[…]"), "one long line: its start and end, the middle marked");
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
        for (String blank : new String[] {null, "", "   "}) {
            assertEquals("Escreva um comentário para reconhecer o alerta.",
                    assertThrows(IllegalArgumentException.class, () -> SlaAlert.acknowledgementComment(blank)).getMessage());
        }
    }

    @Test
    void theCommentIsTrimmedAndLongOnesAreCut() {
        assertEquals("Liguei para o cliente.", SlaAlert.acknowledgementComment("  Liguei para o cliente.  "));
        assertEquals(1000, SlaAlert.acknowledgementComment("z".repeat(1500)).length());
    }

    @Test
    void aLongTimelineKeepsItsStartAndItsLatestEvents() {
        StringBuilder t = new StringBuilder("17/11/2025 10:00  criado: Demanda D-1 registrada");
        for (int i = 0; i < 200; i++) {
            t.append("\n17/11/2025 10:").append(String.format("%02d", i % 60)).append("  sincronizado: Qualitor: situação \"Em atendimento ").append(i).append('"');
        }
        t.append("\n18/11/2025 10:00  vencido: Prazo de retorno vencido sem retorno registrado no Qualitor");
        t.append("\n18/11/2025 10:00  alerta: Prazo estourado — prazo 18/11/2025 10:00");
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 7L);
        String kept = new SlaAlert(clock, SlaClock.BREACH, NOW, "i", t.toString()).getExplanation();
        assertTrue(kept.length() <= 4000, "fits the column: " + kept.length());
        assertTrue(kept.startsWith("17/11/2025 10:00  criado: Demanda D-1 registrada\n[… "), kept.substring(0, 120));
        assertTrue(kept.endsWith("vencido: Prazo de retorno vencido sem retorno registrado no Qualitor\n18/11/2025 10:00  alerta: Prazo estourado — prazo 18/11/2025 10:00"),
                "the due time and the alert are kept");
        assertTrue(kept.contains("Em atendimento 199\"\n18/11/2025 10:00  vencido"), "the latest events, whole lines");
        int omitted = Integer.parseInt(kept.replaceAll("(?s).*\\[… (\\d+) evento\\(s\\) omitido\\(s\\) …\\].*", "$1"));
        assertEquals(203, 1 + omitted + kept.split("\n").length - 2, "every line is either kept or counted as omitted");
        String shortOne = "17/11/2025 10:00  criado: x\n17/11/2025 11:00  alerta: y";
        assertEquals(shortOne, new SlaAlert(clock, SlaClock.BREACH, NOW, "i", shortOne).getExplanation(), "a short one is whole");
    }

    @Test
    void anAlertGoesStaleWhenTheClockIsMetAcknowledgedOrItsDeadlineMoved() {
        java.time.ZoneId sp = java.time.ZoneId.of("America/Sao_Paulo");
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 7L);
        SlaAlert a = new SlaAlert(clock, SlaClock.AT_RISK, NOW, "i", "x");
        assertEquals(java.util.Optional.empty(), a.staleness(clock, sp));

        SlaAlert acked = new SlaAlert(clock, SlaClock.AT_RISK, NOW, "i", "x");
        set(acked, "acknowledgedAt", br.com.sopdesk.platform.Utc.of(NOW.plusSeconds(60)));
        set(acked, "acknowledgedBy", "sup");
        assertEquals("não enviado: alerta já reconhecido por sup em 18/11/2025 10:01", acked.staleness(clock, sp).orElseThrow());

        clock.met(SlaClockTest.t0(20), "teste", new java.util.ArrayList<>(), sp);
        assertEquals("não enviado: demanda com retorno registrado em 18/11/2025 06:00, antes do envio", a.staleness(clock, sp).orElseThrow());

        SlaClock paused = SlaClockTest.started();
        SlaClockTest.setId(paused, 8L);
        SlaAlert b = new SlaAlert(paused, SlaClock.AT_RISK, NOW, "i", "x");
        WorkCalendar cal = new WorkCalendar.AllHours();
        paused.observe(SlaClockTest.waiting("15", "Aguardando cliente"), SlaClockTest.t0(2), cal, SlaClockTest.CADENCE, sp);
        paused.observe(SlaClockTest.working(), SlaClockTest.t0(3), cal, SlaClockTest.CADENCE, sp);
        assertEquals("não enviado: prazo revisto (versão 2) antes do envio", b.staleness(paused, sp).orElseThrow());
    }

    private static void set(SlaAlert a, String field, Object value) {
        try {
            java.lang.reflect.Field f = SlaAlert.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(a, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
