package br.com.sopdesk.ticket.control;

import br.com.sopdesk.ticket.entity.SummaryState;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketSent;
import br.com.sopdesk.ticket.entity.TicketState;
import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.platform.Utc;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's database steps, each in its own short transaction so no transaction stays open
 * while Qualitor is called. Claims are conditional updates: of several instances draining at once,
 * exactly one wins each ticket.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<TicketSent> sentEvents;

    /** Ids of tickets due for an attempt now: claimed by an instance whose lease ran out, then queued and due. */
    public List<Long> due(Instant now, int max) {
        List<Long> due = new ArrayList<>(em.createNamedQuery(Ticket.LAPSED, Long.class)
                .setParameter("now", Utc.of(now))
                .setMaxResults(max)
                .getResultList());
        if (due.size() < max) {
            due.addAll(em.createNamedQuery(Ticket.DUE, Long.class)
                    .setParameter("now", Utc.of(now))
                    .setMaxResults(max - due.size())
                    .getResultList());
        }
        return due;
    }

    /**
     * Claims the ticket for this instance until {@code now + lease}; false when it is not due or
     * another instance holds it. Taking over an expired claim marks the outcome unknown: the
     * instance that held it may have died after Qualitor created the ticket.
     */
    public boolean claim(long id, String instance, Instant now, Duration lease) {
        for (String query : new String[] {Ticket.CLAIM, Ticket.RECLAIM}) {
            int claimed = em.createNamedQuery(query)
                    .setParameter("id", id)
                    .setParameter("instance", instance)
                    .setParameter("now", Utc.of(now))
                    .setParameter("lease", Utc.of(now.plus(lease)))
                    .executeUpdate();
            if (claimed == 1) {
                return true;
            }
        }
        return false;
    }

    public Ticket find(long id) {
        return em.find(Ticket.class, id);
    }

    /**
     * Records Qualitor's number (a number is never thrown away, even if the lease had run out);
     * returns the ticket. With {@code summaryUntil}, this instance also claims the walk summary
     * until then, to attach it at once.
     */
    public Ticket sent(long id, String number, String situation, Instant now, Instant summaryUntil) {
        Ticket t = em.find(Ticket.class, id);
        if (t.getState() != TicketState.SENT) {
            t.sent(number, situation, now);
            if (summaryUntil != null && t.getSummaryState() == SummaryState.PENDING) {
                t.claimSummary(summaryUntil);
            }
            audit.record(t.getCreatedBy(), "chamado.enviado", "chamado " + id, "demanda Qualitor " + number + " após " + t.getAttempts() + " tentativa(s)");
            sentEvents.fire(new TicketSent(t));
        }
        return t;
    }

    /** Back to the queue after a failure that may pass; returns the ticket. */
    public Ticket retryLater(long id, String error, Instant now, Duration maxBackoff, boolean mayHaveBeenCreated) {
        Ticket t = em.find(Ticket.class, id);
        if (t.getState() == TicketState.SENDING) {
            t.retryLater(truncate(error), now, maxBackoff, mayHaveBeenCreated);
        }
        return t;
    }

    /** How many queued tickets are pausing between attempts. */
    public long waiting(Instant now) {
        return em.createNamedQuery(Ticket.WAITING, Long.class).setParameter("now", Utc.of(now)).getSingleResult();
    }

    /** Qualitor is back: every pausing ticket is due now instead of at the end of its back-off. */
    public int retryAllNow(Instant now) {
        return em.createNamedQuery(Ticket.RETRY_NOW).setParameter("now", Utc.of(now)).executeUpdate();
    }

    /** Qualitor refused it; returns the ticket. */
    public Ticket rejected(long id, String error) {
        Ticket t = em.find(Ticket.class, id);
        if (t.getState() == TicketState.SENDING) {
            t.rejected(truncate(error));
            audit.record(t.getCreatedBy(), "chamado.recusado", "chamado " + id, truncate(error));
        }
        return t;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
