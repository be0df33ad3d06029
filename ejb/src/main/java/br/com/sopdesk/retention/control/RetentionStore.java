package br.com.sopdesk.retention.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.platform.JobLease;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The retention job's database steps, each its own short transaction: take the job's lease, then
 * anonymize one batch at a time. Every update is conditional ({@code anonymized_at is null}), so a
 * batch that two instances reach anyway is done once and counted once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionStore {

    static final String JOB = "retention";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    /** Takes the retention job for {@code holder} until {@code now + lease}; false while another holds it. */
    public boolean takeLease(String holder, Instant now, Duration lease) {
        return em.createNamedQuery(JobLease.TAKE)
                .setParameter("name", JOB)
                .setParameter("holder", holder)
                .setParameter("until", Utc.of(now.plus(lease)))
                .setParameter("now", Utc.of(now))
                .executeUpdate() == 1;
    }

    /**
     * Anonymizes up to {@code max} finished tickets created before {@code cutoff}: the customer's
     * document, name, description, phones and e-mail become {@link Ticket#ANONYMIZED}, the SOP's own
     * fields (CEI, dates...) are deleted. Returns how many this call anonymized.
     */
    public int anonymizeTickets(Instant cutoff, Instant now, int max) {
        List<Long> ids = em.createNamedQuery(Ticket.PAST_RETENTION, Long.class)
                .setParameter("finished", TicketState.FINISHED)
                .setParameter("cutoff", Utc.of(cutoff))
                .setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        int done = em.createNamedQuery(Ticket.ANONYMIZE)
                .setParameter("mark", Ticket.ANONYMIZED)
                .setParameter("now", Utc.of(now))
                .setParameter("ids", ids)
                .setParameter("finished", TicketState.FINISHED)
                .executeUpdate();
        // the ids are numbers read from the database, never text from outside
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        em.createNativeQuery("DELETE FROM ticket_field WHERE ticket_id IN (" + idList + ")").executeUpdate();
        // the certificate facts read from the customer's certificate (holder, CPF, birth date...) go too
        em.createNativeQuery("DELETE FROM ticket_certificate WHERE ticket_id IN (" + idList + ")").executeUpdate();
        // the SLA clock keeps its times and outcome for the attainment figures, not the customer's name
        em.createNativeQuery("UPDATE sla_clock SET customer_name = '" + Ticket.ANONYMIZED + "' WHERE ticket_id IN (" + idList + ")")
                .executeUpdate();
        return done;
    }

    /** Anonymizes up to {@code max} finished demand requests created before {@code cutoff} (the customer's reason). */
    public int anonymizeDemandActions(Instant cutoff, Instant now, int max) {
        List<Long> ids = em.createNamedQuery(DemandAction.PAST_RETENTION, Long.class)
                .setParameter("finished", DemandAction.State.FINISHED)
                .setParameter("cutoff", Utc.of(cutoff))
                .setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(DemandAction.ANONYMIZE)
                .setParameter("mark", Ticket.ANONYMIZED)
                .setParameter("now", Utc.of(now))
                .setParameter("ids", ids)
                .setParameter("finished", DemandAction.State.FINISHED)
                .executeUpdate();
    }

    /** One audit entry per run, with counts only (never whose data it was). */
    public void recordRun(int tickets, int demandActions, RetentionPolicy policy) {
        audit.record(null, "retencao.anonimizados", "dados pessoais",
                tickets + " chamado(s) e " + demandActions + " pedido(s) de demanda anonimizados (retenção de "
                        + policy.days() + " dias)");
    }
}
