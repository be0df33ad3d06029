package br.com.sopdesk.ticket.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.platform.InvalidState;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.ticket.entity.SummaryState;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The database steps of attaching the walk summary, each in its own short transaction so none stays
 * open while Qualitor is called; the claims are the outbox's.
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

    /** What to send for the ticket's summary, read once its claim is held. */
    public Summary summary(long id) {
        Ticket t = em.find(Ticket.class, id);
        return new Summary(t.getQualitorNumber(), WalkSummary.fileName(t), WalkSummary.content(t), t.isSummaryOutcomeUnknown());
    }

    /** A summary Qualitor now has: the ticket it belongs to, and whether this attempt sent it (or found it there). */
    public record Attached(long id, boolean sentNow) {
    }

    public Ticket attached(long id, boolean sentNow) {
        Ticket t = em.find(Ticket.class, id);
        record(t, sentNow);
        return t;
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
            t.getSummaryDelivery().done();
            audit.record(t.getCreatedBy(), "chamado.resumo-anexado", "chamado " + t.getId(),
                    WalkSummary.fileName(t) + " na demanda " + t.getQualitorNumber()
                            + (sentNow ? "" : " (já estava anexado: nada reenviado)") + " após " + t.getSummaryAttempts() + " tentativa(s)");
        }
    }

    /** Qualitor refused the file, or a lost answer cannot be checked (called inside the outbox's transaction): audited. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void ended(Ticket t, Undelivered why) {
        audit.record(t.getCreatedBy(), "chamado.resumo-recusado", "chamado " + t.getId(), truncate(why.getMessage()));
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
        } catch (InvalidState e) {
            throw new TicketActionRefused(e.text());
        }
        audit.record(agent, "chamado.resumo-reenvio", "chamado " + id, checkedInQualitor ? "conferido no Qualitor: sem o resumo" : "após recusa");
        return t;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
