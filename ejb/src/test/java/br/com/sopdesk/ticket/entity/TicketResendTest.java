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

/** A refused or held ticket goes out again only when a person sends it, with the same key. */
class TicketResendTest {

    private static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(300), 0);

    /** What the outbox does when Qualitor refuses the ticket. */
    private static void refuse(Ticket t, String error, String kind) {
        t.getDelivery().refused(error);
        t.ended(kind);
    }

    /** What the outbox does when a lost answer cannot be checked. */
    private static void hold(Ticket t, String error) {
        t.getDelivery().held(error);
        t.ended(null);
    }

    private static Ticket ticket() {
        return new Ticket("perda-de-senha", 1, "t", Map.of(), "", Map.of(),
                new Intake("11222333000181", "Padaria", "Cliente não localiza a senha.", "(51) 99999-0000", "(51) 3333-0000", "a@b.com.br"),
                new Classification("5", "32", "4", "2"), 24, "agent", NOW);
    }

    @Test
    void aRefusedTicketIsQueuedAgainWithTheSameKeyAndTheRefusalCleared() {
        Ticket t = ticket();
        String key = t.getSubmissionKey();
        refuse(t, "O CNPJ 11.222.333/0001-81 não está cadastrado como cliente no Qualitor", "CUSTOMER_NOT_FOUND");
        assertEquals(TicketState.REJECTED, t.getState());
        assertEquals("CUSTOMER_NOT_FOUND", t.getRefusal());

        t.resend(NOW.plusSeconds(600), false);
        assertEquals(TicketState.QUEUED, t.getState());
        assertEquals(key, t.getSubmissionKey());
        assertNull(t.getRefusal());
        assertNull(t.getLastError());
        assertEquals(NOW.plusSeconds(600), t.getNextAttemptAt(), "due at once");
    }

    @Test
    void aRefusalAfterALostAnswerKeepsLookingBeforeTheNextAttempt() {
        Ticket t = ticket();
        t.getDelivery().retryLater("timeout", NOW, BACKOFF, true);
        refuse(t, "recusado", "OTHER");
        t.resend(NOW, false);
        assertTrue(t.isOutcomeUnknown(), "the earlier attempt may still have created it");
    }

    @Test
    void aHeldTicketNeedsThePersonToConfirmTheyCheckedQualitor() {
        Ticket t = ticket();
        t.getDelivery().retryLater("timeout", NOW, BACKOFF, true);
        hold(t, "verificar no Qualitor antes de reenviar");
        assertEquals(TicketState.HELD, t.getState());
        assertEquals(Ticket.UNVERIFIABLE, t.getRefusal());
        assertFalse(TicketState.HELD.isFinished(), "a held ticket waits for a person: retention leaves it alone");

        assertThrows(IllegalStateException.class, () -> t.resend(NOW, false));
        assertEquals(TicketState.HELD, t.getState());
        t.resend(NOW, true);
        assertEquals(TicketState.QUEUED, t.getState());
        assertFalse(t.isOutcomeUnknown(), "checked by a person: the next attempt opens it without looking");
    }

    @Test
    void onlyRefusedOrHeldTicketsAreSentAgain() {
        Ticket queued = ticket();
        assertThrows(IllegalStateException.class, () -> queued.resend(NOW, true));
        Ticket sent = ticket();
        sent.sent("48213", "Aguardando atendimento", NOW);
        assertThrows(IllegalStateException.class, () -> sent.resend(NOW, true));
        assertEquals(TicketState.SENT, sent.getState());
    }

    @Test
    void aRefusalThatTurnsOutToBeTheInstallationsPutsTheTicketBackSayingWhy() {
        Ticket t = ticket();
        String key = t.getSubmissionKey();
        refuse(t, "Ws - Usuário ou senha inválidos.", "OTHER");
        t.requeuedByPause("Envios ao Qualitor pausados: ...", NOW);
        assertEquals(TicketState.QUEUED, t.getState());
        assertNull(t.getRefusal());
        assertEquals("Envios ao Qualitor pausados: ...", t.getLastError(), "the agent sees why it waits");
        assertEquals(NOW, t.getNextAttemptAt());
        assertEquals(key, t.getSubmissionKey());
        Ticket held = ticket();
        held.getDelivery().retryLater("timeout", NOW, BACKOFF, true);
        hold(held, "verificar no Qualitor");
        held.requeuedByPause("x", NOW);
        assertEquals(TicketState.HELD, held.getState(), "only a refused ticket goes back: a held one waits for a person");
    }
}
