package br.com.sopdesk.insight.control;

import br.com.sopdesk.platform.JobLease;
import br.com.sopdesk.platform.Utc;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The walk-days job's database steps, each its own short transaction: take the job's lease, count
 * one day's walks into {@code sop_walk_day} (replacing what that day held) and move the mark of the
 * last day counted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WalkDayStore {

    static final String JOB = "walk-days";

    @PersistenceContext
    EntityManager em;

    /** Takes the job for {@code holder} until {@code now + lease}; false while another holds it. */
    public boolean takeLease(String holder, Instant now, Duration lease) {
        return em.createNamedQuery(JobLease.TAKE).setParameter("name", JOB).setParameter("holder", holder)
                .setParameter("until", Utc.of(now.plus(lease))).setParameter("now", Utc.of(now)).executeUpdate() == 1;
    }

    /** The last day counted, if any. */
    public Optional<LocalDate> rolledThrough() {
        Object day = em.createNativeQuery("SELECT rolled_through FROM sop_walk_rollup WHERE id = 1").getSingleResult();
        return Optional.ofNullable(day).map(WalkDayStore::date);
    }

    /** The day in {@code zone} the first recorded walk started on, if any. */
    public Optional<Instant> firstStart() {
        Object first = em.createNativeQuery("SELECT MIN(started_at) FROM sop_walk_record").getSingleResult();
        return Optional.ofNullable(first).map(WalkDayStore::instant);
    }

    /** Counts the walks started in {@code [from, to)} as {@code day}, replacing what the day held, and marks it counted. */
    public void roll(LocalDate day, Instant from, Instant to) {
        Date sqlDay = Date.valueOf(day);
        em.createNativeQuery("DELETE FROM sop_walk_day WHERE walk_day = ?1").setParameter(1, sqlDay).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO sop_walk_day (walk_day, sop_id, state, category, last_node, walks)
                SELECT CAST(?1 AS DATE), sop_id, st, cat, node, COUNT(*) FROM (
                  SELECT sop_id, CASE WHEN state = 'OPEN' THEN 'ABANDONED' ELSE state END AS st,
                    CASE WHEN state = 'ESCALATED' THEN COALESCE(category, '') ELSE '' END AS cat,
                    CASE WHEN state IN ('OPEN', 'ABANDONED') THEN last_node ELSE '' END AS node
                  FROM sop_walk_record WHERE started_at >= ?2 AND started_at < ?3) r
                GROUP BY sop_id, st, cat, node""")
                .setParameter(1, sqlDay).setParameter(2, Utc.of(from)).setParameter(3, Utc.of(to)).executeUpdate();
        em.createNativeQuery("UPDATE sop_walk_rollup SET rolled_through = ?1 WHERE id = 1 AND (rolled_through IS NULL OR rolled_through < ?1)")
                .setParameter(1, sqlDay).executeUpdate();
    }

    static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    static Instant instant(Object value) {
        return value instanceof java.time.LocalDateTime t ? Utc.instant(t) : Utc.instant(((java.sql.Timestamp) value).toLocalDateTime());
    }
}
