package br.com.sopdesk.demand.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.outbox.entity.Backoff;
import br.com.sopdesk.outbox.entity.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A reiteration or restart on its way to Qualitor: queued with a key, retried, never forgetting a lost answer. */
class DemandActionOutboxTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(300), 0);
    private static final Instant NOW = Instant.parse("2026-11-23T12:59:00Z");

    private static DemandAction reiteration() {
        return new DemandAction(DemandAction.Kind.REITERATE, "48213", "Cliente sem retorno após 24 horas.", "reiterar-demanda", 1, "agent", NOW);
    }

    @Test
    void aNewRequestIsQueuedWithAShortKeyOfItsOwn() {
        DemandAction a = reiteration();
        assertEquals(DemandAction.State.PENDING, a.getState());
        assertTrue(a.isQueued());
        assertEquals(12, a.getActionKey().length());
        assertNotEquals(a.getActionKey(), reiteration().getActionKey());
        assertFalse(DemandAction.QUEUED_KINDS.contains(DemandAction.Kind.CLOSE), "closing is answered on the spot");
    }

    @Test
    void aLostAnswerIsRememberedAcrossLaterFailuresAndTheErrorClearedOnSuccess() {
        DemandAction a = reiteration();
        Instant now = Instant.parse("2026-11-23T13:00:00Z");
        a.getDelivery().claim("server", now);
        a.getDelivery().retryLater("timeout", now, BACKOFF, true);
        assertEquals(DemandAction.State.PENDING, a.getState());
        assertTrue(a.isOutcomeUnknown());
        a.getDelivery().claim("server", now);
        a.getDelivery().retryLater("HTTP 503", now, BACKOFF, false);
        assertTrue(a.isOutcomeUnknown(), "still unknown: the first attempt may have written it");
        assertEquals("HTTP 503", a.getLastError());
        a.done(NOW);
        assertEquals(DemandAction.State.DONE, a.getState());
        assertNull(a.getLastError());
        assertFalse(a.isQueued());
    }

    @Test
    void aRefusalIsFinal() {
        DemandAction a = reiteration();
        a.failed("x".repeat(1500));
        assertEquals(DemandAction.State.FAILED, a.getState());
        assertEquals(1000, a.getLastError().length());
        assertTrue(DemandAction.State.FINISHED.contains(a.getDelivery().getState()));
        assertFalse(DemandAction.State.FINISHED.contains(DeliveryState.SENDING));
        assertFalse(DemandAction.State.FINISHED.contains(DeliveryState.QUEUED));
    }
}
