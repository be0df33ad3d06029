package br.com.sopdesk.ticket.control;

import br.com.sopdesk.outbox.control.DeliveryStore;
import br.com.sopdesk.qualitor.control.SendingPauses;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What a pause of sending to Qualitor means for the tickets ({@link SendingPauses}): when it starts,
 * the streak's refused tickets go back to the queue (in the pause's transaction); when an
 * administrator resumes, the queued tickets are due at once.
 */
@ApplicationScoped
public class PausedSending {

    @EJB
    OutboxStore store;

    @EJB
    DeliveryStore deliveries;

    void paused(@Observes SendingPauses.Paused paused) {
        store.requeueByPause(paused.tickets(), paused.why(), paused.at());
    }

    void resumed(@Observes SendingPauses.Resumed resumed) {
        deliveries.retryAllNow(QualitorOutbox.QUEUE, resumed.at());
    }
}
