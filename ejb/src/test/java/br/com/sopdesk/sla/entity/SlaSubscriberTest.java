package br.com.sopdesk.sla.entity;

import static br.com.sopdesk.sla.entity.SlaTime.SP;
import static br.com.sopdesk.sla.entity.SlaTime.sp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaSubscriberTest {

    private static SlaSubscriber quiet(String from, String until) {
        SlaSubscriber s = new SlaSubscriber("supervisora");
        s.settings("supervisora@example.com.br", from, until, true);
        return s;
    }

    @Test
    void newSubscriberIsActive() {
        SlaSubscriber s = new SlaSubscriber("ana");
        assertEquals("ana", s.getUsername());
        assertTrue(s.isActive());
    }

    @Test
    void settingsStoreTrimmedAddressAndNormalisedTimes() {
        SlaSubscriber s = new SlaSubscriber("ana");
        s.settings("  ana@example.com ", " 22:00", "07:00 ", false);
        assertEquals("ana@example.com", s.getEmail());
        assertEquals("22:00", s.getQuietFrom());
        assertEquals("07:00", s.getQuietUntil());
        assertFalse(s.isActive());
        s.settings("ana@example.com", "", null, true);
        assertNull(s.getQuietFrom());
        assertNull(s.getQuietUntil());
    }

    @Test
    void refusesInvalidAddresses() {
        SlaSubscriber s = new SlaSubscriber("ana");
        for (String bad : new String[] {null, "", "ana", "ana@", "ana@example", "a b@example.com", "a@b@c.com"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.settings(bad, null, null, true), "e-mail " + bad);
            assertEquals("Informe um e-mail válido para receber os alertas.", e.getMessage());
        }
    }

    @Test
    void refusesHalfQuietHours() {
        SlaSubscriber s = new SlaSubscriber("ana");
        String msg = "Informe o início e o fim do horário sem alertas, ou nenhum dos dois.";
        assertEquals(msg, assertThrows(IllegalArgumentException.class,
                () -> s.settings("ana@example.com", "22:00", " ", true)).getMessage());
        assertEquals(msg, assertThrows(IllegalArgumentException.class,
                () -> s.settings("ana@example.com", null, "07:00", true)).getMessage());
    }

    @Test
    void refusesInvalidTimesWithoutChangingAnything() {
        SlaSubscriber s = quiet("22:00", "07:00");
        assertEquals("Horário sem alertas inválido (use HH:MM).", assertThrows(IllegalArgumentException.class,
                () -> s.settings("outra@example.com", "22h", "07:00", false)).getMessage());
        assertEquals("supervisora@example.com.br", s.getEmail());
        assertEquals("22:00", s.getQuietFrom());
        assertTrue(s.isActive());
    }

    @Test
    void withoutQuietHoursSendsAtOnce() {
        SlaSubscriber s = quiet(null, null);
        Instant night = sp("2025-11-17T03:00");
        assertEquals(night, s.sendableAt(night, SP));
    }

    @Test
    void quietHoursWithinTheDayHoldUntilTheyEnd() {
        SlaSubscriber s = quiet("12:00", "14:00");
        assertEquals(sp("2025-11-17T11:59"), s.sendableAt(sp("2025-11-17T11:59"), SP));
        assertEquals(sp("2025-11-17T14:00"), s.sendableAt(sp("2025-11-17T12:00"), SP));
        assertEquals(sp("2025-11-17T14:00"), s.sendableAt(sp("2025-11-17T13:59"), SP));
        assertEquals(sp("2025-11-17T14:00"), s.sendableAt(sp("2025-11-17T14:00"), SP));
        assertEquals(sp("2025-11-17T20:00"), s.sendableAt(sp("2025-11-17T20:00"), SP));
    }

    @Test
    void quietHoursSpanningMidnight() {
        SlaSubscriber s = quiet("22:00", "07:00");
        assertEquals(sp("2025-11-17T21:59"), s.sendableAt(sp("2025-11-17T21:59"), SP));
        assertEquals(sp("2025-11-18T07:00"), s.sendableAt(sp("2025-11-17T22:00"), SP));
        assertEquals(sp("2025-11-18T07:00"), s.sendableAt(sp("2025-11-17T23:30"), SP));
        assertEquals(sp("2025-11-18T07:00"), s.sendableAt(sp("2025-11-18T00:00"), SP));
        assertEquals(sp("2025-11-18T07:00"), s.sendableAt(sp("2025-11-18T06:59"), SP));
        assertEquals(sp("2025-11-18T07:00"), s.sendableAt(sp("2025-11-18T07:00"), SP));
        // Saturday night to Sunday morning; month end.
        assertEquals(sp("2025-12-01T07:00"), s.sendableAt(sp("2025-11-30T23:00"), SP));
    }

    @Test
    void quietHoursAreInBrasiliaTime() {
        SlaSubscriber s = quiet("22:00", "07:00");
        // 01:30 UTC = 22:30 in Brasília: quiet. 23:00 UTC = 20:00: not quiet.
        assertEquals(Instant.parse("2025-11-18T10:00:00Z"), s.sendableAt(Instant.parse("2025-11-18T01:30:00Z"), SP));
        Instant evening = Instant.parse("2025-11-17T23:00:00Z");
        assertEquals(evening, s.sendableAt(evening, SP));
    }
}
