package br.com.sopdesk.ticket.control;

import br.com.sopdesk.ticket.entity.SummaryState;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketSent;
import br.com.sopdesk.ticket.entity.TicketState;
import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.qualitor.QualitorException;
import jakarta.ejb.EJB;
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

    @EJB
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
            transferIfTeam(t, number);
            sentEvents.fire(new TicketSent(t));
        }
        return t;
    }

    /** A category that names a Qualitor team gets its new demand moved there, once, through the demand outbox. */
    private void transferIfTeam(Ticket t, String number) {
        String team = t.getClassification().getQualitorTeam();
        if (team != null) {
            em.persist(DemandAction.transfer(number, team, t.getClassification().getCategory(), t.getSopId(), t.getSopVersion(),
                    t.getCreatedBy()));
        }
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

    /**
     * Qualitor refused the ticket (kept as {@code REJECTED} with the refusal's kind and its plain
     * message, for a person to fix and send again), or a lost answer cannot be checked (held as
     * {@code HELD} until a person looks in Qualitor); returns the ticket.
     */
    public Ticket refused(long id, QualitorException e) {
        Ticket t = em.find(Ticket.class, id);
        if (t.getState() != TicketState.SENDING) {
            return t;
        }
        String error = truncate(e.getMessage());
        if (e instanceof QualitorException.Unverifiable) {
            t.held(error);
            audit.record(t.getCreatedBy(), "chamado.retido", "chamado " + id, "verificar no Qualitor antes de reenviar");
        } else {
            t.rejected(error, e instanceof QualitorException.Refused r ? r.kind().name() : null);
            audit.record(t.getCreatedBy(), "chamado.recusado", "chamado " + id,
                    e instanceof QualitorException.Refused r ? r.kind().name() + ": " + detailOf(r) : error);
        }
        return t;
    }

    /** Qualitor's code and words only: the plain sentence may name the customer's e-mail. */
    private static String detailOf(QualitorException.Refused r) {
        return truncate("código " + r.errorCode() + ": " + r.qualitorMessage());
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
        } catch (IllegalStateException e) {
            throw new TicketActionRefused(e.getMessage());
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
            throw new TicketActionRefused("Só um chamado retido para conferência recebe o número encontrado no Qualitor (situação: "
                    + t.getState() + ").");
        }
        t.sent(number, "", now);
        audit.record(agent, "chamado.encontrado", "chamado " + id, "demanda Qualitor " + number + " informada após conferência");
        transferIfTeam(t, number);
        sentEvents.fire(new TicketSent(t));
        return t;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
