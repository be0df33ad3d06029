package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static br.com.sopdesk.sla.entity.SlaTime.SP;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlaAlertTest {

    private static final Instant NOW = Instant.parse("2025-11-18T13:00:00Z");

    private static SlaAlert alert(String level) {
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 42L);
        return new SlaAlert(clock, level, NOW, "instance-1", List.of());
    }

    @Test
    void copiesTheClocksIdentityAndDeadline() {
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 7L);
        SlaAlert a = new SlaAlert(clock, AlertSchedule.AT_RISK, NOW, "x".repeat(200), List.of());
        assertEquals(7L, a.getClockId());
        assertEquals(clock.getDemandNumber(), a.getDemandNumber());
        assertEquals(clock.getPolicy().getCode(), a.getPolicyCode());
        assertEquals(AlertSchedule.AT_RISK, a.getLevel());
        assertEquals(1, a.getDeadlineVersion());
        assertEquals(clock.getDeadlineAt(), a.getDeadlineAt());
        assertEquals(NOW, a.getRaisedAt());
        assertEquals(120, a.getRaisedBy().length());
        assertNull(a.getAcknowledgedAt());
    }

    @Test
    void onlyTheBreachIsABreach() {
        assertTrue(alert(AlertSchedule.BREACH).breach());
        assertFalse(alert(AlertSchedule.AT_RISK).breach());
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
        List<Happening> story = new ArrayList<>();
        SlaClockTest.start(SlaClockTest.policy(false, 1440, 75, 60), SlaClockTest.T0, SlaClockTest.T0, story);
        for (int i = 0; i < 200; i++) {
            story.add(Happening.synced(SlaClockTest.t0(0, i), "Em atendimento " + i, null));
        }
        story.add(Happening.due(SlaClockTest.t0(24), true, null));
        story.add(new Happening(SlaClockTest.t0(24), "ALERT", "event.ALERT", SlaText.level(AlertSchedule.BREACH), SlaText.time(SlaClockTest.t0(24))));
        String stored = Explanation.encode(story, SlaAlert.MAX_EXPLANATION);
        assertTrue(stored.length() <= 4000, "fits the column: " + stored.length());
        String kept = Explanation.render(stored, SlaText.PT, SP);
        assertTrue(kept.startsWith("17/11/2025 10:00  criado: Demanda D-1 registrada; prazo 18/11/2025 10:00 (horário de Brasília) (RET24: Retorno 24 h)\n[… "),
                kept.substring(0, 120));
        assertTrue(kept.endsWith("vencido: Prazo de retorno vencido sem retorno registrado no Qualitor\n18/11/2025 10:00  alerta: Prazo estourado — prazo 18/11/2025 10:00"),
                "the due time and the alert are kept");
        assertTrue(kept.contains("Em atendimento 199\"\n18/11/2025 10:00  vencido"), "the latest events, whole lines");
        int omitted = Integer.parseInt(kept.replaceAll("(?s).*\\[… (\\d+) evento\\(s\\) omitido\\(s\\) …\\].*", "$1"));
        assertEquals(203, 1 + omitted + kept.split("\n").length - 2, "every line is either kept or counted as omitted");
    }

    @Test
    void aShortTimelineIsWholeAndReadsInTheReadersLanguage() {
        List<Happening> story = new ArrayList<>();
        SlaClockTest.start(SlaClockTest.policy(false, 1440, 75, 60), SlaClockTest.T0, SlaClockTest.T0, story);
        story.add(new Happening(SlaClockTest.t0(18), "ALERT", "event.ALERT", SlaText.level(AlertSchedule.AT_RISK), SlaText.time(SlaClockTest.t0(24))));
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 7L);
        SlaAlert a = new SlaAlert(clock, AlertSchedule.AT_RISK, NOW, "i", story);
        assertEquals("17/11/2025 10:00  criado: Demanda D-1 registrada; prazo 18/11/2025 10:00 (horário de Brasília) (RET24: Retorno 24 h)\n"
                + "18/11/2025 04:00  alerta: Em risco — prazo 18/11/2025 10:00", a.explanation(SlaText.PT, SP));
        assertEquals("2025-11-17 10:00  created: Demand D-1 registered; deadline 2025-11-18 10:00 (Brasilia Time) (RET24: Retorno 24 h)\n"
                + "2025-11-18 04:00  alert: At risk — deadline 2025-11-18 10:00", a.explanation(Locale.ENGLISH, SP));
    }

    @Test
    void anExplanationWrittenBeforeCodesIsShownAsWritten() {
        String written = "17/11/2025 10:00  criado: Demanda D-1 registrada\n18/11/2025 10:00  alerta: Prazo estourado";
        assertEquals(written, Explanation.render(written, Locale.ENGLISH, SP));
        assertEquals("Demanda D-1 registrada; prazo 18/11/2025 10:00 (horário de Brasília)",
                SlaText.decode("Demanda D-1 registrada; prazo 18/11/2025 10:00 (horário de Brasília)").render(Locale.ENGLISH, SP),
                "a timeline line written before codes, too");
    }

    @Test
    void anAlertGoesStaleWhenTheClockIsMetAcknowledgedOrItsDeadlineMoved() {
        java.time.ZoneId sp = java.time.ZoneId.of("America/Sao_Paulo");
        SlaClock clock = SlaClockTest.started();
        SlaClockTest.setId(clock, 7L);
        SlaAlert a = new SlaAlert(clock, AlertSchedule.AT_RISK, NOW, "i", List.of());
        assertEquals(java.util.Optional.empty(), a.staleness(clock));

        SlaAlert acked = new SlaAlert(clock, AlertSchedule.AT_RISK, NOW, "i", List.of());
        set(acked, "acknowledgedAt", br.com.sopdesk.platform.Utc.of(NOW.plusSeconds(60)));
        set(acked, "acknowledgedBy", "sup");
        assertEquals("não enviado: alerta já reconhecido por sup em 18/11/2025 10:01", shown(acked.staleness(clock, sp).orElseThrow()));

        clock.met(SlaClockTest.t0(20), true, new ArrayList<>());
        assertEquals("não enviado: demanda com retorno registrado em 18/11/2025 06:00, antes do envio", shown(a.staleness(clock).orElseThrow()));

        SlaClock paused = SlaClockTest.started();
        SlaClockTest.setId(paused, 8L);
        SlaAlert b = new SlaAlert(paused, AlertSchedule.AT_RISK, NOW, "i", List.of());
        WorkCalendar cal = new WorkCalendar.AllHours();
        paused.observe(SlaClockTest.waiting("15", "Aguardando cliente"), SlaClockTest.t0(2), cal, SlaClockTest.CADENCE);
        paused.observe(SlaClockTest.working(), SlaClockTest.t0(3), cal, SlaClockTest.CADENCE);
        assertEquals("não enviado: prazo revisto (versão 2) antes do envio", shown(b.staleness(paused).orElseThrow()));
        assertEquals("not sent: deadline revised (version 2) before the send", SlaText.decode(b.staleness(paused).orElseThrow()).render(Locale.ENGLISH, sp));
    }

    /** A withdrawal reason as the delivery keeps it, shown to a pt-BR reader. */
    private static String shown(String stored) {
        return SlaText.decode(stored).render(SlaText.PT, ZoneId.of("America/Sao_Paulo"));
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
