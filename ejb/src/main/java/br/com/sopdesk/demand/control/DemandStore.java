package br.com.sopdesk.demand.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The demand courier's database steps, each in its own short transaction so none stays open while
 * Qualitor is called. Outcomes are audited (never with the customer's reason).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemandStore {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    /** A category that names a Qualitor team gets its new demand moved there, once, through the outbox (in the caller's transaction). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void transferIfTeam(Ticket t) {
        String team = t.getClassification().getQualitorTeam();
        if (team != null) {
            em.persist(DemandAction.transfer(t.getQualitorNumber(), team, t.getClassification().getCategory(), t.getSopId(),
                    t.getSopVersion(), t.getCreatedBy()));
        }
    }

    public DemandAction find(long id) {
        return em.find(DemandAction.class, id);
    }

    /** A restart's demand is at its workflow step (moved now, or found there after a lost answer). */
    public void stepMoved(long id) {
        em.find(DemandAction.class, id).stepMoved();
    }

    /** Qualitor has the entry (written now, or found there after a lost answer). */
    public DemandAction done(long id, boolean writtenNow) {
        DemandAction a = em.find(DemandAction.class, id);
        if (a.getState() == DemandAction.State.SENDING) {
            a.done();
            audit.record(a.getCreatedBy(), switch (a.getKind()) {
                        case REITERATE -> "demanda.reiterada";
                        case TRANSFER -> "demanda.transferida";
                        default -> "demanda.reiniciada";
                    }, "demanda " + a.getDemandNumber(), (a.getKind() == DemandAction.Kind.TRANSFER
                            ? "na equipe " + a.getTarget() + " do Qualitor (" + a.getReason() + ")"
                            : "registrado no histórico do Qualitor" + a.restartStep().map(step -> ", na etapa " + step).orElse(""))
                            + " após " + a.getAttempts() + " tentativa(s)" + (writtenNow ? "" : " (já estava lá: nada reenviado)"));
        }
        return a;
    }

    /** Qualitor refused it, or a lost answer cannot be checked (inside the outbox's transaction): audited, kept for a person. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void ended(DemandAction a, Undelivered why) {
        audit.record(a.getCreatedBy(), switch (a.getKind()) {
                    case REITERATE -> "demanda.reiteracao-falhou";
                    case TRANSFER -> "demanda.transferencia-falhou";
                    default -> "demanda.reinicio-falhou";
                }, "demanda " + a.getDemandNumber(), why.detail());
    }
}
