package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaDeliveryTest {

    private static final Instant NOW = Instant.parse("2025-11-18T13:00:00Z");

    /** The claim query moves it to SENDING and increments {@code attempts} in the database; here we set both as it would. */
    private static void claimed(SlaDelivery d, int attempts) {
        try {
            Field f = SlaDelivery.class.getDeclaredField("attempts");
            f.setAccessible(true);
            f.setInt(d, attempts);
            state(d, SlaDelivery.SENDING);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void state(SlaDelivery d, String state) {
        try {
            Field f = SlaDelivery.class.getDeclaredField("state");
            f.setAccessible(true);
            f.set(d, state);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static SlaDelivery delivery() {
        return new SlaDelivery(1L, SlaDelivery.EMAIL, "sup@example.com", NOW);
    }

    @Test
    void newDeliveryIsPending() {
        SlaDelivery d = delivery();
        assertEquals("PENDING", d.getState());
        assertEquals(NOW, d.getNotBefore());
        assertEquals(0, d.getAttempts());
        assertEquals(SlaDelivery.EMAIL, d.getChannel());
        assertEquals("sup@example.com", d.getRecipient());
    }

    @Test
    void sentClearsTheError() {
        SlaDelivery d = delivery();
        claimed(d, 1);
        d.failed("timeout", NOW);
        claimed(d, 2);
        d.sent(NOW.plusSeconds(40));
        assertEquals("SENT", d.getState());
        assertEquals(NOW.plusSeconds(40), d.getSentAt());
        assertNull(d.getLastError());
    }

    @Test
    void failuresWaitTwiceAsLongEachTime() {
        SlaDelivery d = delivery();
        long[] expected = {30, 60, 120, 240, 480, 960, 1920};
        for (int attempt = 1; attempt <= 7; attempt++) {
            claimed(d, attempt);
            Instant now = NOW.plus(Duration.ofHours(attempt));
            d.failed("SMTP 451", now);
            assertEquals("PENDING", d.getState(), "attempt " + attempt);
            assertEquals(now.plusSeconds(expected[attempt - 1]), d.getNotBefore(), "attempt " + attempt);
            assertEquals("SMTP 451", d.getLastError());
        }
    }

    @Test
    void aFailureBeforeAnyClaimWaitsFifteenSeconds() {
        SlaDelivery d = delivery();
        claimed(d, 0);
        d.failed("x", NOW);
        assertEquals(NOW.plusSeconds(15), d.getNotBefore());
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        SlaDelivery d = delivery();
        claimed(d, 7);
        d.failed("x", NOW);
        Instant retry = d.getNotBefore();
        claimed(d, 8);
        d.failed("still failing", NOW.plusSeconds(3000));
        assertEquals("FAILED", d.getState());
        assertEquals(retry, d.getNotBefore(), "no further retry planned");
        assertEquals("still failing", d.getLastError());
    }

    @Test
    void errorTextIsKeptShort() {
        SlaDelivery d = delivery();
        claimed(d, 1);
        d.failed(null, NOW);
        assertEquals("falha", d.getLastError());
        claimed(d, 2);
        d.failed("e".repeat(3000), NOW);
        assertEquals(1000, d.getLastError().length());
    }

    @Test
    void onlyADeliveryBeingSentCanFail() {
        SlaDelivery pending = delivery();
        pending.failed("x", NOW.plusSeconds(99));
        assertEquals("PENDING", pending.getState());
        assertEquals(NOW, pending.getNotBefore(), "a PENDING delivery is not pushed back");
        assertNull(pending.getLastError());

        SlaDelivery sent = delivery();
        claimed(sent, 1);
        sent.sent(NOW);
        sent.failed("late failure record", NOW);
        assertEquals("SENT", sent.getState(), "a sent delivery never goes back to PENDING");

        SlaDelivery uncertain = delivery();
        claimed(uncertain, 1);
        state(uncertain, SlaDelivery.UNCERTAIN);
        uncertain.failed("x", NOW);
        assertEquals("UNCERTAIN", uncertain.getState(), "a lapsed send is never retried");
    }

    @Test
    void aSendRecordedAfterItsClaimLapsedIsSent() {
        SlaDelivery d = delivery();
        claimed(d, 1);
        state(d, SlaDelivery.UNCERTAIN);
        d.sent(NOW.plusSeconds(200));
        assertEquals("SENT", d.getState());
        SlaDelivery w = delivery();
        w.withdraw("não enviado: x");
        w.sent(NOW);
        assertEquals("WITHDRAWN", w.getState(), "a withdrawn delivery is not marked sent");
    }

    @Test
    void aStaleAlertIsWithdrawnWithItsReason() {
        SlaDelivery d = delivery();
        claimed(d, 1);
        d.withdraw("não enviado: demanda com retorno registrado em 18/11/2025 06:00, antes do envio");
        assertEquals("WITHDRAWN", d.getState());
        assertEquals("não enviado: demanda com retorno registrado em 18/11/2025 06:00, antes do envio", d.getLastError());
        SlaDelivery sent = delivery();
        claimed(sent, 1);
        sent.sent(NOW);
        sent.withdraw("x");
        assertEquals("SENT", sent.getState(), "what went out is not withdrawn");
    }
}
