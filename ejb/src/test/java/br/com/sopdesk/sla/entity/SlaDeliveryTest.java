package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import br.com.sopdesk.outbox.entity.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An alert's delivery in the words supervisors know, on the outbox's at-most-once way. */
class SlaDeliveryTest {

    private static final Instant NOW = Instant.parse("2025-11-18T13:00:00Z");
    /** The SLA alerts' cadence ({@code AlertDeliveries}). */
    private static final Backoff SLA = new Backoff(Duration.ofSeconds(15), Duration.ofHours(1), 8);

    private static SlaDelivery delivery() {
        return new SlaDelivery(1L, SlaDelivery.EMAIL, "sup@example.com", NOW);
    }

    private static void claimed(SlaDelivery d) {
        d.getDelivery().claim("server", NOW.plusSeconds(60));
    }

    @Test
    void newDeliveryIsPendingUntilItsFirstDueTime() {
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
        claimed(d);
        d.getDelivery().retryLater("timeout", NOW, SLA, false);
        claimed(d);
        assertEquals("SENDING", d.getState());
        d.sent(NOW.plusSeconds(40));
        assertEquals("SENT", d.getState());
        assertEquals(NOW.plusSeconds(40), d.getSentAt());
        assertNull(d.getLastError());
    }

    @Test
    void failuresWaitTwiceAsLongEachTimeThenGiveUpAsFailed() {
        SlaDelivery d = delivery();
        long[] expected = {30, 60, 120, 240, 480, 960, 1920};
        for (int attempt = 1; attempt <= 7; attempt++) {
            claimed(d);
            Instant now = NOW.plus(Duration.ofHours(attempt));
            d.getDelivery().retryLater("SMTP 451", now, SLA, false);
            assertEquals("PENDING", d.getState(), "attempt " + attempt);
            assertEquals(now.plusSeconds(expected[attempt - 1]), d.getNotBefore(), "attempt " + attempt);
        }
        Instant retry = d.getNotBefore();
        claimed(d);
        d.getDelivery().retryLater("still failing", NOW.plusSeconds(3000), SLA, false);
        assertEquals("FAILED", d.getState());
        assertEquals(retry, d.getNotBefore(), "no further retry planned");
        assertEquals("still failing", d.getLastError());
    }

    @Test
    void aSendWhoseOutcomeIsUnknownIsUncertainAndARecordAfterItMakesItSent() {
        SlaDelivery d = delivery();
        claimed(d);
        d.getDelivery().held("envio interrompido");
        assertEquals("UNCERTAIN", d.getState());
        d.sent(NOW.plusSeconds(200));
        assertEquals("SENT", d.getState(), "the send is known to have gone out after all");
        SlaDelivery w = delivery();
        w.withdraw("não enviado: x");
        w.sent(NOW);
        assertEquals("WITHDRAWN", w.getState(), "a withdrawn delivery is not marked sent");
    }

    @Test
    void aStaleAlertIsWithdrawnWithItsReasonButWhatWentOutStaysSent() {
        SlaDelivery d = delivery();
        claimed(d);
        d.withdraw("não enviado: demanda com retorno registrado em 18/11/2025 06:00, antes do envio");
        assertEquals("WITHDRAWN", d.getState());
        assertEquals("não enviado: demanda com retorno registrado em 18/11/2025 06:00, antes do envio", d.getLastError());
        SlaDelivery sent = delivery();
        claimed(sent);
        sent.sent(NOW);
        sent.withdraw("x");
        assertEquals("SENT", sent.getState(), "what went out is not withdrawn");
    }
}
