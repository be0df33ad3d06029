package br.com.sopdesk.outbox.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One delivery's way: back-off, giving up, holding what may have arrived, and a person's resend. */
class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    static final Backoff QUALITOR = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(300), 0);

    static Delivery claimed() {
        Delivery d = Delivery.queued(NOW);
        d.claim("server", NOW.plusSeconds(60));
        return d;
    }

    @Test
    void theBackoffDoublesFromItsFirstWaitUpToItsLongest() {
        assertEquals(Duration.ofSeconds(5), QUALITOR.after(0));
        assertEquals(Duration.ofSeconds(10), QUALITOR.after(1));
        assertEquals(Duration.ofSeconds(160), QUALITOR.after(5));
        assertEquals(Duration.ofSeconds(300), QUALITOR.after(6));
        assertEquals(Duration.ofSeconds(300), QUALITOR.after(60), "no overflow after many attempts");
        assertFalse(QUALITOR.givesUpAfter(1000), "Qualitor deliveries never give up on their own");
    }

    @Test
    void aLostAnswerIsRememberedAcrossLaterCleanFailuresAndTheErrorClearedOnSuccess() {
        Delivery d = claimed();
        d.retryLater("timeout", NOW, QUALITOR, true);
        assertEquals(DeliveryState.QUEUED, d.getState());
        assertEquals(NOW.plusSeconds(10), d.getNextAttemptAt());
        assertNull(d.getClaimedBy());
        d.claim("server", NOW.plusSeconds(60));
        d.retryLater("HTTP 503", NOW, QUALITOR, false);
        assertTrue(d.isOutcomeUnknown(), "the first attempt may still have delivered it");
        assertEquals("HTTP 503", d.getLastError());
        d.claim("server", NOW.plusSeconds(60));
        d.done();
        assertEquals(DeliveryState.DONE, d.getState());
        assertNull(d.getLastError());
        assertNull(d.getClaimedUntil());
    }

    @Test
    void aBackoffWithALimitGivesUpAsRefused() {
        Backoff twice = new Backoff(Duration.ofSeconds(15), Duration.ofHours(1), 2);
        Delivery d = claimed();
        d.retryLater("SMTP 451", NOW, twice, false);
        assertEquals(DeliveryState.QUEUED, d.getState());
        d.claim("server", NOW.plusSeconds(60));
        d.retryLater("SMTP 451", NOW, twice, false);
        assertEquals(DeliveryState.REFUSED, d.getState());
    }

    @Test
    void aRefusedDeliveryIsSentAgainByAPersonWithoutACheckAndStillLooksFirstAfterALostAnswer() {
        Delivery d = claimed();
        d.retryLater("timeout", NOW, QUALITOR, true);
        d.claim("server", NOW.plusSeconds(60));
        d.refused("x".repeat(1500));
        assertEquals(1000, d.getLastError().length(), "kept short");
        d.resend(NOW.plusSeconds(600), false);
        assertEquals(DeliveryState.QUEUED, d.getState());
        assertEquals(NOW.plusSeconds(600), d.getNextAttemptAt(), "due at once");
        assertTrue(d.isOutcomeUnknown());
    }

    @Test
    void aHeldDeliveryGoesAgainOnlyOnceAPersonCheckedAndThenWithoutLooking() {
        Delivery d = claimed();
        d.held("cannot check");
        assertEquals(DeliveryState.HELD, d.getState());
        assertTrue(d.isOutcomeUnknown());
        assertThrows(IllegalStateException.class, () -> d.resend(NOW, false));
        assertEquals(DeliveryState.HELD, d.getState());
        d.resend(NOW, true);
        assertEquals(DeliveryState.QUEUED, d.getState());
        assertFalse(d.isOutcomeUnknown());
        assertThrows(IllegalStateException.class, () -> d.resend(NOW, true), "only a refused or held one");
    }

    @Test
    void onlyANewDeliveryIsClaimedBeforeItIsStored() {
        Delivery d = Delivery.queued(NOW);
        d.claimFirst("server", NOW.plusSeconds(60));
        assertEquals(1, d.getAttempts());
        assertEquals("server", d.getClaimedBy());
        assertThrows(IllegalStateException.class, () -> d.claimFirst("other", NOW));
    }

    @Test
    void finishedStatesAreTheOnesNotOnTheirWay() {
        for (DeliveryState s : DeliveryState.values()) {
            assertEquals(!s.isOnItsWay() && s != DeliveryState.HELD, DeliveryState.FINISHED.contains(s), s.name());
        }
    }
}
