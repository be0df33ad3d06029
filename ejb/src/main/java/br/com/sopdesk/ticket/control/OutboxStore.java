package br.com.sopdesk.ticket.control;

import br.com.sopdesk.ticket.entity.SummaryState;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketSent;
import br.com.sopdesk.ticket.entity.TicketState;
import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.platform.InvalidState;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.platform.InstanceName;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

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

    @EJB
    AuditLog audit;

    @Inject
    Event<TicketSent> sentEvents;

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
                t.claimSummary(InstanceName.get(), summaryUntil);
            }
            audit.record(t.getCreatedBy(), "chamado.enviado", "chamado " + id, "demanda Qualitor " + number + " após " + t.getAttempts() + " tentativa(s)");
            sentEvents.fire(new TicketSent(t));
        }
        return t;
    }

    /**
     * The ticket's way ended without a number (called inside the outbox's transaction): refused, kept
     * with the refusal's kind for a person to fix and send again; or held, until a person looks in
     * Qualitor. Audited with Qualitor's code and words only (the plain sentence may name the customer).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void ended(Ticket t, Undelivered why) {
        t.ended(why.refusal());
        if (t.getState() == TicketState.HELD) {
            audit.record(t.getCreatedBy(), "chamado.retido", "chamado " + t.getId(), "verificar no Qualitor antes de reenviar");
        } else {
            audit.record(t.getCreatedBy(), "chamado.recusado", "chamado " + t.getId(), truncate(why.detail()));
        }
    }

    /**
     * A person sends a refused or held ticket again, with the same submission key: queued and due
     * now (the caller pushes it). Audited with who and why.
     *
     * @throws TicketActionRefused when the ticket is in no state to be sent again
     */
    public Ticket resend(long id, String agent, Instant now, boolean checkedInQualitor) {
        Ticket t = em.find(Ticket.class, id);
        String before = t.getState() == TicketState.HELD ? "retido (conferido no Qualitor: não existe)"
                : "recusado" + (t.getRefusal() == null ? "" : " (" + t.getRefusal() + ")");
        try {
            t.resend(now, checkedInQualitor);
        } catch (InvalidState e) {
            throw new TicketActionRefused(e.text());
        }
        audit.record(agent, "chamado.reenvio", "chamado " + id, "reenviado após " + before + "; chave " + t.getSubmissionKey());
        return t;
    }

    /**
     * A person found in Qualitor the ticket a held submission had created: its number is recorded
     * as if Qualitor had answered (the SLA clock starts), and nothing is sent.
     *
     * @throws TicketActionRefused when the ticket is not held
     */
    public Ticket found(long id, String number, String agent, Instant now) {
        Ticket t = em.find(Ticket.class, id);
        if (t.getState() != TicketState.HELD) {
            throw new TicketActionRefused(Text.of("ticket.found.not-held", t.getState()));
        }
        t.sent(number, "", now);
        audit.record(agent, "chamado.encontrado", "chamado " + id, "demanda Qualitor " + number + " informada após conferência");
        sentEvents.fire(new TicketSent(t));
        return t;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
