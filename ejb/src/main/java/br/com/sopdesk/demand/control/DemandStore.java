package br.com.sopdesk.demand.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.platform.Utc;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demand outbox's database steps, each in its own short transaction so none stays open while
 * Qualitor is called. Claims are conditional updates on the row: of several instances, exactly one
 * sends each reiteration or restart. Outcomes are audited (never with the customer's reason).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemandStore {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    public List<Long> due(Instant now, int max) {
        return em.createNamedQuery(DemandAction.DUE, Long.class)
                .setParameter("sent", DemandAction.QUEUED_KINDS)
                .setParameter("pending", DemandAction.State.PENDING)
                .setParameter("sending", DemandAction.State.SENDING)
                .setParameter("now", Utc.of(now))
                .setMaxResults(max)
                .getResultList();
    }

    /** Claims the request until {@code now + lease}; taking over an expired claim marks its outcome unknown. */
    public boolean claim(long id, Instant now, Duration lease) {
        for (String query : new String[] {DemandAction.CLAIM, DemandAction.RECLAIM}) {
            var update = em.createNamedQuery(query)
                    .setParameter("id", id)
                    .setParameter("sending", DemandAction.State.SENDING)
                    .setParameter("now", Utc.of(now))
                    .setParameter("lease", Utc.of(now.plus(lease)));
            if (DemandAction.CLAIM.equals(query)) {
                update.setParameter("pending", DemandAction.State.PENDING);
            }
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        return false;
    }

    public DemandAction find(long id) {
        return em.find(DemandAction.class, id);
    }

    /** Qualitor has the entry (written now, or found there after a lost answer). */
    public void done(long id, boolean writtenNow) {
        DemandAction a = em.find(DemandAction.class, id);
        if (a.getState() == DemandAction.State.SENDING) {
            a.done();
            audit.record(a.getCreatedBy(), switch (a.getKind()) {
                        case REITERATE -> "demanda.reiterada";
                        case TRANSFER -> "demanda.transferida";
                        default -> "demanda.reiniciada";
                    }, "demanda " + a.getDemandNumber(), (a.getKind() == DemandAction.Kind.TRANSFER
                            ? "na equipe " + a.getTarget() + " do Qualitor (" + a.getReason() + ")" : "registrado no histórico do Qualitor")
                            + " após " + a.getAttempts() + " tentativa(s)" + (writtenNow ? "" : " (já estava lá: nada reenviado)"));
        }
    }

    public void retryLater(long id, String error, Instant now, Duration maxBackoff, boolean mayHaveApplied) {
        DemandAction a = em.find(DemandAction.class, id);
        if (a.getState() == DemandAction.State.SENDING) {
            a.retryLater(error, now, maxBackoff, mayHaveApplied);
        }
    }

    /** Qualitor refused it (or a lost answer cannot be checked): kept with the message, for a person. */
    public void failed(long id, String error, String auditDetail) {
        DemandAction a = em.find(DemandAction.class, id);
        if (a.getState() == DemandAction.State.SENDING) {
            a.failed(error);
            audit.record(a.getCreatedBy(), switch (a.getKind()) {
                        case REITERATE -> "demanda.reiteracao-falhou";
                        case TRANSFER -> "demanda.transferencia-falhou";
                        default -> "demanda.reinicio-falhou";
                    },
                    "demanda " + a.getDemandNumber(), auditDetail);
        }
    }
}
