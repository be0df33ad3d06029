package br.com.sopdesk.retention.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.platform.JobLease;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @EJB
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
     * document, name, description, solution tried, phones and e-mail become {@link Ticket#ANONYMIZED}, the SOP's own
     * fields (CEI, dates...) are deleted. Returns how many this call anonymized.
     */
    public int anonymizeTickets(Instant cutoff, Instant now, int max) {
        List<Long> ids = em.createNamedQuery(Ticket.PAST_RETENTION, Long.class)
                .setParameter("finished", TicketState.FINISHED_DELIVERIES)
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
                .setParameter("finished", TicketState.FINISHED_DELIVERIES)
                .executeUpdate();
        // the ids are numbers read from the database, never text from outside
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        em.createNativeQuery("DELETE FROM ticket_field WHERE ticket_id IN (" + idList + ")").executeUpdate();
        // the certificate facts read from the customer's certificate (holder, CPF, birth date...) go too
        em.createNativeQuery("DELETE FROM ticket_certificate WHERE ticket_id IN (" + idList + ")").executeUpdate();
        // the warranty decision stays for the figures; the agent's free-text reason for an exception goes
        em.createNativeQuery("UPDATE ticket_warranty SET exception_reason = NULL WHERE ticket_id IN (" + idList + ")").executeUpdate();
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

    /**
     * Clears up to {@code max} supervisors' free-text comments written before {@code cutoff}: the
     * acknowledgement comment of an alert ({@code sla_alert.ack_comment}) and the line it left on
     * the clock's timeline ({@code sla_event} of kind {@code ACKNOWLEDGED}), which may name the
     * customer or quote them. Who acknowledged, when and which alert stay. Returns how many rows
     * this call cleared (alerts and timeline lines together).
     */
    public int anonymizeSlaComments(Instant cutoff, int max) {
        String mark = Ticket.ANONYMIZED;
        List<?> alerts = em.createNativeQuery("SELECT id FROM sla_alert WHERE acknowledged_at < ?1 AND ack_comment IS NOT NULL"
                        + " AND ack_comment <> ?2 ORDER BY id")
                .setParameter(1, Utc.of(cutoff)).setParameter(2, mark).setMaxResults(max).getResultList();
        int done = 0;
        if (!alerts.isEmpty()) {
            done += em.createNativeQuery("UPDATE sla_alert SET ack_comment = ?1 WHERE id IN (" + ids(alerts) + ") AND ack_comment <> ?1")
                    .setParameter(1, mark).executeUpdate();
        }
        List<?> events = em.createNativeQuery("SELECT id FROM sla_event WHERE kind IN (" + COMMENT_KINDS + ") AND at < ?1"
                        + " AND detail IS NOT NULL AND detail <> ?2 ORDER BY id")
                .setParameter(1, Utc.of(cutoff)).setParameter(2, mark).setMaxResults(max).getResultList();
        if (!events.isEmpty()) {
            done += em.createNativeQuery("UPDATE sla_event SET detail = ?1 WHERE id IN (" + ids(events) + ") AND detail <> ?1")
                    .setParameter(1, mark).executeUpdate();
        }
        return done;
    }

    /** Timeline lines that carry a person's free text (SlaClocks writes the comment into them). */
    static final String COMMENT_KINDS = "'ACKNOWLEDGED'";

    /** Ids read from the database (numbers, never text from outside) as a SQL list. */
    private static String ids(List<?> ids) {
        return ids.stream().map(id -> String.valueOf(((Number) id).longValue())).collect(Collectors.joining(","));
    }

    /**
     * Deletes up to {@code max} records of SOP walks started before {@code cutoff} (who walked
     * which SOP, the path and its outcome; the ticket they led to keeps its own data), and the daily
     * counts of the days before the cut-off's. Returns how many walk records this call deleted.
     */
    public int deleteWalks(Instant cutoff, int max) {
        List<?> ids = em.createNativeQuery("SELECT id FROM sop_walk_record WHERE started_at < ?1 ORDER BY started_at")
                .setParameter(1, Utc.of(cutoff)).setMaxResults(max).getResultList();
        // the walks' daily counts go with them (whole days before the cut-off's)
        em.createNativeQuery("DELETE FROM sop_walk_day WHERE walk_day < ?1")
                .setParameter(1, java.sql.Date.valueOf(cutoff.atZone(java.time.ZoneOffset.UTC).toLocalDate())).executeUpdate();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("DELETE FROM sop_walk_record WHERE id IN (" + ids(ids) + ")").executeUpdate();
    }

    /** One audit entry per run, with counts only (never whose data it was). */
    public void recordRun(int tickets, int demandActions, int comments, int walks, RetentionPolicy policy, int walkDays) {
        audit.record(null, "retencao.anonimizados", "dados pessoais",
                tickets + " chamado(s), " + demandActions + " pedido(s) de demanda e " + comments
                        + " comentário(s) de SLA anonimizados (retenção de " + policy.days() + " dias); " + walks
                        + " registro(s) de percurso de SOP apagados (retenção de " + walkDays + " dias)");
    }
}
