package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ClockPolicyTest {

    private static final Instant AT = Instant.parse("2025-11-17T13:00:00Z");

    private static String refused(String name, int duration, String start, String end, int atRisk, int reminder) {
        ClockPolicy p = new ClockPolicy("RET24");
        return assertThrows(IllegalArgumentException.class,
                () -> p.define(name, duration, true, start, end, null, atRisk, reminder, "admin", AT)).getMessage();
    }

    @Test
    void definesEveryRuleAtOnce() {
        ClockPolicy p = new ClockPolicy("RET24");
        p.define("  Retorno em 24 h ", 1440, true, " 08:00", "18:00 ", " Aguardando cliente; 12 ", 75, 60, "admin", AT);
        assertEquals("RET24", p.getCode());
        assertEquals("Retorno em 24 h", p.getName());
        assertEquals(1440, p.getRules().getDurationMinutes());
        assertEquals(Duration.ofHours(24), p.getRules().duration());
        assertTrue(p.getRules().isBusinessHours());
        assertEquals("08:00", p.getRules().getWorkStart());
        assertEquals("18:00", p.getRules().getWorkEnd());
        assertEquals("Aguardando cliente; 12", p.getRules().getPauseSituations());
        assertEquals(75, p.getRules().getAtRiskPercent());
        assertEquals(60, p.getRules().getReminderMinutes());
        assertEquals("admin", p.getUpdatedBy());
        assertEquals(AT, p.getUpdatedAt());
    }

    @Test
    void blankPauseSituationsMeanNone() {
        ClockPolicy p = new ClockPolicy("X");
        p.define("X", 60, false, "08:00", "18:00", "   ", 50, 0, "admin", AT);
        assertNull(p.getRules().getPauseSituations());
    }

    @Test
    void refusesAPolicyWithoutName() {
        assertEquals("Informe o nome da política.", refused(null, 1440, "08:00", "18:00", 75, 60));
        assertEquals("Informe o nome da política.", refused("  ", 1440, "08:00", "18:00", 75, 60));
    }

    @Test
    void refusesDurationsOutsideOneMinuteToNinetyDays() {
        String msg = "O prazo deve ficar entre 1 minuto e 90 dias (em minutos).";
        assertEquals(msg, refused("P", 0, "08:00", "18:00", 75, 60));
        assertEquals(msg, refused("P", -5, "08:00", "18:00", 75, 60));
        assertEquals(msg, refused("P", 60 * 24 * 90 + 1, "08:00", "18:00", 75, 60));
        ClockPolicy p = new ClockPolicy("P");
        p.define("P", 1, false, "08:00", "18:00", null, 75, 0, "a", AT);
        p.define("P", 60 * 24 * 90, false, "08:00", "18:00", null, 75, 0, "a", AT);
        assertEquals(129_600, p.getRules().getDurationMinutes());
    }

    @Test
    void refusesAtRiskPercentOutsideOneToNinetyNine() {
        String msg = "O alerta de risco deve ficar entre 1% e 99% do prazo.";
        assertEquals(msg, refused("P", 1440, "08:00", "18:00", 0, 60));
        assertEquals(msg, refused("P", 1440, "08:00", "18:00", 100, 60));
        ClockPolicy p = new ClockPolicy("P");
        p.define("P", 1440, false, "08:00", "18:00", null, 1, 0, "a", AT);
        p.define("P", 1440, false, "08:00", "18:00", null, 99, 0, "a", AT);
        assertEquals(99, p.getRules().getAtRiskPercent());
    }

    @Test
    void refusesNegativeReminderInterval() {
        assertEquals("O intervalo de lembrete não pode ser negativo (0 = sem lembretes).",
                refused("P", 1440, "08:00", "18:00", 75, -1));
    }

    @Test
    void refusesTimesThatAreNotHhMm() {
        assertEquals("Horário inválido: \"8h\" (use HH:MM).", refused("P", 1440, "8h", "18:00", 75, 60));
        assertEquals("Horário inválido: \"25:00\" (use HH:MM).", refused("P", 1440, "08:00", "25:00", 75, 60));
        assertEquals("Horário inválido: \"null\" (use HH:MM).", refused("P", 1440, null, "18:00", 75, 60));
    }

    @Test
    void refusesWorkingHoursThatDoNotEndAfterTheyStart() {
        assertEquals("O expediente deve terminar depois de começar.", refused("P", 1440, "18:00", "08:00", 75, 60));
        assertEquals("O expediente deve terminar depois de começar.", refused("P", 1440, "08:00", "08:00", 75, 60));
    }

    @Test
    void aRefusedDefinitionChangesNothing() {
        ClockPolicy p = new ClockPolicy("P");
        p.define("Antes", 1440, false, "08:00", "18:00", null, 75, 60, "a", AT);
        assertThrows(IllegalArgumentException.class,
                () -> p.define("Depois", 60, true, "18:00", "08:00", null, 75, 60, "b", AT));
        assertEquals("Antes", p.getName());
        assertEquals(1440, p.getRules().getDurationMinutes());
        assertFalse(p.getRules().isBusinessHours());
    }

    @Test
    void calendarFollowsTheBusinessHoursFlag() {
        ClockPolicy p = new ClockPolicy("P");
        p.define("P", 1440, false, "08:00", "18:00", null, 75, 60, "a", AT);
        assertInstanceOf(WorkCalendar.AllHours.class, p.getRules().calendar(SlaTime.SP, d -> false));
        p.define("P", 1440, true, "09:00", "17:30", null, 75, 60, "a", AT);
        var cal = assertInstanceOf(WorkCalendar.BusinessHours.class, p.getRules().calendar(SlaTime.SP, d -> false));
        assertEquals(LocalTime.of(9, 0), cal.start());
        assertEquals(LocalTime.of(17, 30), cal.end());
        assertEquals(SlaTime.SP, cal.zone());
    }

    @Test
    void listedMatchesCodeOrNameIgnoringAccentsCaseAndSpaces() {
        String list = "Aguardando cliente; 12\n Pendente de informação do solicitante , AGUARDANDO-DOC";
        assertTrue(PolicyRules.listed(list, "12", "Outra coisa"));
        assertTrue(PolicyRules.listed(list, "99", "aguardando CLIENTE"));
        assertTrue(PolicyRules.listed(list, null, "  Aguardando Cliente  "));
        assertTrue(PolicyRules.listed(list, "7", "pendente de informacao do solicitante"));
        assertTrue(PolicyRules.listed(list, "aguardando-doc", null));
        assertTrue(PolicyRules.listed("Aguardando informação", "1", "AGUARDANDO INFORMAÇÃO"));
        assertTrue(PolicyRules.listed("aguardando informacao", "1", "Aguardando Informação"));
    }

    @Test
    void listedNeedsAWholeEntry() {
        String list = "Aguardando cliente;12";
        assertFalse(PolicyRules.listed(list, "1", "Aguardando"));
        assertFalse(PolicyRules.listed(list, "123", "Em atendimento"));
        assertFalse(PolicyRules.listed(list, "1", "Aguardando cliente externo"));
        assertFalse(PolicyRules.listed(list, null, null));
    }

    @Test
    void listedIsFalseWithoutAList() {
        assertFalse(PolicyRules.listed(null, "12", "Aguardando cliente"));
        assertFalse(PolicyRules.listed("  ", "12", "Aguardando cliente"));
        assertFalse(PolicyRules.listed(";;,\n", "", ""));
    }
}
