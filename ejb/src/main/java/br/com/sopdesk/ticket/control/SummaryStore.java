package br.com.sopdesk.ticket.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.ticket.entity.SummaryState;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database steps of attaching the walk summary, each in its own short transaction so none stays
 * open while Qualitor is called. Claims are conditional updates on the ticket row, as in
 * {@link OutboxStore}: of several instances, exactly one attaches each summary.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SummaryStore {

    /** What goes to Qualitor: the demand, the file, and whether an earlier attempt may have delivered it. */
    public record Summary(String number, String fileName, byte[] content, boolean mayAlreadyExist) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    /** Ids of summaries due now: claimed by an instance whose lease ran out, then pending and due. */
    public List<Long> due(Instant now, int max) {
        List<Long> due = new ArrayList<>(em.createNamedQuery(Ticket.SUMMARY_LAPSED, Long.class)
                .setParameter("now", Utc.of(now))
                .setMaxResults(max)
                .getResultList());
        if (due.size() < max) {
            due.addAll(em.createNamedQuery(Ticket.SUMMARY_DUE, Long.class)
                    .setParameter("now", Utc.of(now))
                    .setMaxResults(max - due.size())
                    .getResultList());
        }
        return due;
    }

    /**
     * Claims the summary until {@code now + lease} and reads what to send, in one transaction;
     * empty when another instance holds it or it is not due. Taking over an expired claim marks its
     * outcome unknown.
     */
    public Optional<Summary> claim(long id, Instant now, Duration lease) {
        for (String query : new String[] {Ticket.SUMMARY_CLAIM, Ticket.SUMMARY_RECLAIM}) {
            int claimed = em.createNamedQuery(query)
                    .setParameter("id", id)
                    .setParameter("now", Utc.of(now))
                    .setParameter("lease", Utc.of(now.plus(lease)))
                    .executeUpdate();
            if (claimed == 1) {
                Ticket t = em.find(Ticket.class, id);
                return Optional.of(new Summary(t.getQualitorNumber(), WalkSummary.fileName(t), WalkSummary.content(t),
                        t.isSummaryOutcomeUnknown()));
            }
        }
        return Optional.empty();
    }

    /** A summary Qualitor now has: the ticket it belongs to, and whether this attempt sent it (or found it there). */
    public record Attached(long id, boolean sentNow) {
    }

    public void attached(long id, boolean sentNow) {
        record(em.find(Ticket.class, id), sentNow);
    }

    /**
     * Records several attached summaries in one transaction, read in one query: what the hand-off's
     * threads collected while another of them was recording ({@link SummaryHandOff}).
     */
    public void attachedAll(List<Attached> done) {
        java.util.Map<Long, Boolean> sentNow = new java.util.HashMap<>();
        done.forEach(a -> sentNow.put(a.id(), a.sentNow()));
        em.createNamedQuery(Ticket.BY_IDS, Ticket.class).setParameter("ids", sentNow.keySet()).getResultList()
                .forEach(t -> record(t, sentNow.get(t.getId())));
    }

    private void record(Ticket t, boolean sentNow) {
        if (t != null && t.getSummaryState() == SummaryState.SENDING) {
            t.summaryAttached();
            audit.record(t.getCreatedBy(), "chamado.resumo-anexado", "chamado " + t.getId(),
                    WalkSummary.fileName(t) + " na demanda " + t.getQualitorNumber()
                            + (sentNow ? "" : " (já estava anexado: nada reenviado)") + " após " + t.getSummaryAttempts() + " tentativa(s)");
        }
    }

    public void retryLater(long id, String error, Instant now, Duration maxBackoff, boolean mayHaveArrived) {
        Ticket t = em.find(Ticket.class, id);
        if (t.getSummaryState() == SummaryState.SENDING) {
            t.summaryRetryLater(truncate(error), now, maxBackoff, mayHaveArrived);
        }
    }

    public void refused(long id, String error) {
        Ticket t = em.find(Ticket.class, id);
        if (t.getSummaryState() == SummaryState.SENDING) {
            t.summaryRefused(truncate(error));
            audit.record(t.getCreatedBy(), "chamado.resumo-recusado", "chamado " + id, truncate(error));
        }
    }

    /**
     * A person attaches a refused summary again (see {@link Ticket#summaryResend}): pending and due
     * now, for the outbox; audited.
     *
     * @throws TicketActionRefused when the summary is in no state to be attached again
     */
    public Ticket resend(long id, String agent, Instant now, boolean checkedInQualitor) {
        Ticket t = em.find(Ticket.class, id);
        try {
            t.summaryResend(now, checkedInQualitor);
        } catch (IllegalStateException e) {
            throw new TicketActionRefused(e.getMessage());
        }
        audit.record(agent, "chamado.resumo-reenvio", "chamado " + id, checkedInQualitor ? "conferido no Qualitor: sem o resumo" : "após recusa");
        return t;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
