package br.com.sopdesk.demand.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

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

    @Inject
    Clock clock;

    /**
     * What a new demand needs next, queued once through the outbox in the caller's transaction: a
     * recorded call's demand is closed (no team acts on it); otherwise, when its category names a
     * Qualitor team, the demand is moved there.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void followUp(Ticket t) {
        String team = t.getClassification().getQualitorTeam();
        if (t.isRecordedCall()) {
            em.persist(DemandAction.closeSolved(t.getQualitorNumber(), t.getId(), t.getSopId(), t.getSopVersion(), t.getCreatedBy(),
                    clock.instant()));
        } else if (team != null) {
            em.persist(DemandAction.transfer(t.getQualitorNumber(), team, t.getClassification().getCategory(), t.getSopId(),
                    t.getSopVersion(), t.getCreatedBy(), clock.instant()));
        }
    }

    public DemandAction find(long id) {
        return em.find(DemandAction.class, id);
    }

    /** A restart's demand is at its workflow step (moved now, or found there after a lost answer). */
    public void stepMoved(long id) {
        em.find(DemandAction.class, id).stepMoved(clock.instant());
    }

    /** Records Qualitor's situation of a demand on the ticket that opened it (after closing it). */
    public void situation(String demandNumber, String situation) {
        em.createQuery("update Ticket t set t.qualitorSituation = :situation, t.version = t.version + 1 where t.qualitorNumber = :number")
                .setParameter("situation", situation).setParameter("number", demandNumber).executeUpdate();
    }

    /** Qualitor has it (done now, or found done after a lost answer). */
    public DemandAction done(long id, boolean writtenNow) {
        DemandAction a = em.find(DemandAction.class, id);
        if (a.getState() == DemandAction.State.SENDING) {
            a.done(clock.instant());
            audit.record(a.getCreatedBy(), switch (a.getKind()) {
                        case REITERATE -> "demanda.reiterada";
                        case TRANSFER -> "demanda.transferida";
                        case CLOSE_SOLVED -> "demanda.encerrada";
                        default -> "demanda.reiniciada";
                    }, "demanda " + a.getDemandNumber(), (a.getKind() == DemandAction.Kind.TRANSFER
                            ? "na equipe " + a.getTarget() + " do Qualitor (" + a.getReason() + ")"
                            : a.getKind() == DemandAction.Kind.CLOSE_SOLVED
                            ? "atendimento resolvido no primeiro contato, registrado e encerrado (" + a.getReason() + ")"
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
                    case CLOSE_SOLVED -> "demanda.encerramento-falhou";
                    default -> "demanda.reinicio-falhou";
                }, "demanda " + a.getDemandNumber(), why.detail());
    }
}
