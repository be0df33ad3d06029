package br.com.sopdesk.sla.control;

import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.Observation;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.WorkCalendar;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scan's database steps, each its own short transaction (Qualitor is read between them, never
 * inside one): claim due clocks, then settle one clock at a time — take in what Qualitor showed,
 * raise the alert levels now due into the ledger, plan the next due time, release the claim.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SlaWork {

    private static final Duration SYNC_RETRY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    SlaSettings settings;

    @Inject
    SlaAlerts alerts;

    /**
     * Claims up to {@code max} due clocks for this scan: a conditional update, so of several
     * instances scanning at once each clock goes to one. Returns the claimed ids.
     */
    public List<Long> claim(Instant now, String token, int max) {
        List<Long> due = em.createNamedQuery(SlaClock.DUE, Long.class)
                .setParameter("now", Utc.of(now)).setMaxResults(max).getResultList();
        return claimIds(due, now, token);
    }

    /** Claims the given clocks if still due and unclaimed (the naive scan's found set). */
    public List<Long> claimIds(List<Long> ids, Instant now, String token) {
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createNamedQuery(SlaClock.CLAIM)
                .setParameter("ids", ids).setParameter("token", token)
                .setParameter("lease", Utc.of(now.plus(settings.lease()))).setParameter("now", Utc.of(now))
                .executeUpdate();
        return em.createNamedQuery(SlaClock.CLAIMED, Long.class).setParameter("token", token).getResultList();
    }

    /** The demand to read in Qualitor first, when the clock's sync is due. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> syncTarget(long id, Instant now) {
        SlaClock clock = em.find(SlaClock.class, id);
        return clock != null && clock.syncDue(now) ? Optional.of(clock.getDemandNumber()) : Optional.empty();
    }

    /**
     * Settles a claimed clock: applies the observation (or the failed read), raises every level
     * now due, and releases it. Returns how many alerts this call put in the ledger.
     */
    public int settle(long id, Observation observed, boolean syncFailed, Instant now) {
        SlaClock clock = em.find(SlaClock.class, id);
        if (clock == null) {
            return 0;
        }
        WorkCalendar calendar = clock.calendar(settings.zone(), settings.holidays());
        List<Happening> timeline = new ArrayList<>();
        if (observed != null) {
            timeline.addAll(clock.observe(observed, now, calendar, settings.cadence(), settings.zone()));
        } else if (syncFailed) {
            clock.syncFailed(now, SYNC_RETRY);
        } else if (clock.syncDue(now)) {
            clock.scheduleSync(now, settings.cadence());
        }
        int raised = 0;
        for (Optional<String> level = clock.dueLevel(now); level.isPresent(); level = clock.dueLevel(now)) {
            List<Happening> before = new ArrayList<>(timeline);
            clock.levelRaised(level.get(), now, timeline);
            List<Happening> added = timeline.subList(before.size(), timeline.size());
            if (alerts.raise(clock, level.get(), now, before, added)) {
                raised++;
            }
        }
        clock.release();
        timeline.forEach(h -> em.persist(new SlaEvent(clock.getId(), h)));
        return raised;
    }
}
