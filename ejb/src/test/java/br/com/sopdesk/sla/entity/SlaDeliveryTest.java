package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaDeliveryTest {

    private static final Instant NOW = Instant.parse("2025-11-18T13:00:00Z");

    /** The claim query increments {@code attempts} in the database; here we set it as the query would. */
    private static void claimed(SlaDelivery d, int attempts) {
        try {
            Field f = SlaDelivery.class.getDeclaredField("attempts");
            f.setAccessible(true);
            f.setInt(d, attempts);
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
        d.failed("e".repeat(3000), NOW);
        assertEquals(1000, d.getLastError().length());
    }
}
