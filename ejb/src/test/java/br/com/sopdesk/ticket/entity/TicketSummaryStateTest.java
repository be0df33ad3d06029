package br.com.sopdesk.ticket.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.outbox.entity.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ticket's walk summary: pending from the start, retried without forgetting a possibly delivered file. */
class TicketSummaryStateTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(300), 0);

    private static Ticket ticket() {
        return new Ticket("perda-de-senha", 1, "t", Map.of(), "", Map.of(),
                new Intake("11222333000181", "Padaria", "Cliente não localiza a senha.", "(51) 99999-0000", "(51) 3333-0000", "a@b.com.br"),
                new Classification("5", "32", "4", "2"), 24, "agent", Instant.now());
    }

    @Test
    void aNewTicketHasItsSummaryPending() {
        assertEquals(SummaryState.PENDING, ticket().getSummaryState());
    }

    @Test
    void aLostAnswerIsRememberedAcrossLaterFailuresAndClearedErrorOnSuccess() {
        Ticket t = ticket();
        t.getSummaryDelivery().retryLater("timeout", Instant.now(), BACKOFF, true);
        assertTrue(t.isSummaryOutcomeUnknown());
        t.getSummaryDelivery().retryLater("HTTP 503", Instant.now(), BACKOFF, false);
        assertTrue(t.isSummaryOutcomeUnknown(), "a later clean failure does not forget that the file may be there");
        assertEquals(SummaryState.PENDING, t.getSummaryState());
        assertEquals("HTTP 503", t.getSummaryError());
        t.getSummaryDelivery().done();
        assertEquals(SummaryState.ATTACHED, t.getSummaryState());
        assertNull(t.getSummaryError());
    }

    @Test
    void aRefusalIsKeptAndNotPending() {
        Ticket t = ticket();
        t.getSummaryDelivery().refused("Ws - Campo obrigatório não informado: nmarquivo");
        assertEquals(SummaryState.REFUSED, t.getSummaryState());
        assertFalse(t.isSummaryOutcomeUnknown());
    }

    @Test
    void aSummaryWhoseAnswerWasLostIsAttachedAgainOnlyAfterAPersonCheckedTheDemand() {
        Ticket t = ticket();
        t.getSummaryDelivery().retryLater("HTTP 500", Instant.now(), BACKOFF, true);
        t.getSummaryDelivery().held("confira na demanda antes de anexar de novo");
        assertThrows(IllegalStateException.class, () -> t.summaryResend(Instant.now(), false));
        assertEquals(SummaryState.REFUSED, t.getSummaryState());
        t.summaryResend(Instant.now(), true);
        assertEquals(SummaryState.PENDING, t.getSummaryState());
        assertFalse(t.isSummaryOutcomeUnknown(), "checked: the next attempt attaches without asking");
        assertNull(t.getSummaryError());
        assertThrows(IllegalStateException.class, () -> t.summaryResend(Instant.now(), true), "only a refused summary");
    }

    @Test
    void aPlainRefusalIsAttachedAgainWithoutACheck() {
        Ticket t = ticket();
        t.getSummaryDelivery().refused("Ws - Anexo inválido");
        t.summaryResend(Instant.now(), false);
        assertEquals(SummaryState.PENDING, t.getSummaryState());
    }
}
