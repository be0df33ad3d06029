package br.com.sopdesk.ticket.control;

import br.com.sopdesk.outbox.control.DeliveryStore;
import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.control.SendingQueue;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;

/**
 * The tickets' side of a pause of sending to Qualitor: when a streak of refusals pauses sending,
 * the tickets refused in it go back to the queue (it was not their fault); when an administrator
 * resumes, the waiting tickets become due at once.
 */
@Stateless
public class PausedTickets implements SendingQueue {

    @PersistenceContext
    EntityManager em;

    @EJB
    DeliveryStore deliveries;

    @Override
    public int requeueRefused(Collection<Long> tickets, Text why, Instant now) {
        int requeued = 0;
        for (Long id : tickets) {
            Ticket t = em.find(Ticket.class, id);
            if (t != null && t.getState() == TicketState.REJECTED) {
                t.requeuedByPause(why.stored(Delivery.ERROR_LENGTH), now);
                requeued++;
            }
        }
        return requeued;
    }

    @Override
    public int retryNow(Instant now) {
        return deliveries.retryAllNow(QualitorOutbox.QUEUE, now);
    }
}
