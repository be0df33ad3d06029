package br.com.sopdesk.sla.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.Observation;
import br.com.sopdesk.sla.entity.ReadPriority;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.SyncAllowance;
import br.com.sopdesk.sla.entity.SyncBudget;
import br.com.sopdesk.sla.entity.TallyKey;
import br.com.sopdesk.sla.entity.WorkCalendar;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scan's database steps, each its own short transaction (Qualitor is read between them, never
 * inside one): claim due clocks, then for one clock at a time renew its claim and decide whether to
 * read Qualitor, then settle it — take in what Qualitor showed, raise the alert levels now due into
 * the ledger, plan the next due time, release the claim.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SlaWork {

    private static final Duration SYNC_RETRY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    SlaSettings settings;

    @EJB
    SlaAlerts alerts;

    @EJB
    SlaTallies tallies;

    /**
     * Claims up to {@code max} due clocks for this scan: a conditional update, so of several
     * instances scanning at once each clock goes to one. Returns the claimed ids, those whose alert
     * is due first: a breach waits for no clock due only for a Qualitor read (under a read budget, a
     * backlog of reads built up ahead of the breaches and held their alerts back for minutes).
     */
    public List<Long> claim(Instant now, String token, int max) {
        Set<Long> alerting = new LinkedHashSet<>(em.createNamedQuery(SlaClock.ALERT_DUE, Long.class)
                .setParameter("now", Utc.of(now)).setMaxResults(max).getResultList());
        Set<Long> due = new LinkedHashSet<>(alerting);
        if (due.size() < max) {
            for (Long id : em.createNamedQuery(SlaClock.DUE, Long.class).setParameter("now", Utc.of(now)).setMaxResults(max).getResultList()) {
                if (due.size() == max) {
                    break;
                }
                due.add(id);
            }
        }
        List<Long> claimed = claimIds(new ArrayList<>(due), now, token);
        List<Long> ordered = new ArrayList<>(claimed.size());
        claimed.stream().filter(alerting::contains).forEach(ordered::add);
        claimed.stream().filter(id -> !alerting.contains(id)).forEach(ordered::add);
        return ordered;
    }

    /** The earliest alert level due after {@code after}, of any clock (one row of an index). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> nextAlert(Instant after) {
        return em.createNamedQuery(SlaClock.NEXT_ALERT, LocalDateTime.class).setParameter("after", Utc.of(after))
                .setMaxResults(1).getResultStream().findFirst().map(Utc::instant);
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

    /**
     * A claimed clock's turn: what the scan must read in Qualitor before settling it.
     *
     * @param demand    the demand to read, or null when no read is due
     * @param startedAt when the clock started (a return before it does not count)
     */
    public record Turn(String demand, Instant startedAt) {

        public boolean read() {
            return demand != null;
        }
    }

    /**
     * Starts a claimed clock's turn: renews the claim for another lease, if it is still this
     * scan's (a batch may take longer than the lease: a clock whose claim lapsed and was taken by
     * another scan is left to that one), and says whether Qualitor must be read first — a sync is
     * due, or the breach is due on a reading older than {@code sopdesk.sla.breach-fresh-seconds} —
     * and the group's budget of Qualitor calls allows it ({@link SyncBudget}); a denied read is
     * put off ({@link SlaClock#readDeferred}), the breach's read never.
     */
    public Optional<Turn> begin(long id, String token, Instant now) {
        int renewed = em.createNamedQuery(SlaClock.RENEW).setParameter("id", id).setParameter("token", token)
                .setParameter("lease", Utc.of(now.plus(settings.lease()))).executeUpdate();
        SlaClock clock = renewed == 0 ? null : em.find(SlaClock.class, id);
        if (clock == null) {
            return Optional.empty();
        }
        Optional<ReadPriority> read = clock.readPriority(now, settings.breachFreshness(), settings.cadence());
        boolean granted = read.isPresent() && budgetAllows(read.get(), now);
        if (read.isPresent() && !granted) {
            clock.readDeferred(now, settings.cadence(), settings.allowance());
        }
        return Optional.of(new Turn(granted ? clock.getDemandNumber() : null, clock.getStartedAt()));
    }

    /** Takes one read's calls from the group's budget, under its row lock (held until this turn's commit). */
    private boolean budgetAllows(ReadPriority priority, Instant now) {
        SyncAllowance allowance = settings.allowance();
        if (allowance.unlimited()) {
            return true;
        }
        SyncBudget budget = em.find(SyncBudget.class, SyncBudget.ID, LockModeType.PESSIMISTIC_WRITE);
        if (budget == null) {
            budget = SyncBudget.full(now, allowance);  // the migration makes the row; this is a fallback
            em.persist(budget);
        }
        return budget.take(priority, SyncAllowance.CALLS_PER_READ, now, allowance);
    }

    /**
     * What reading Qualitor gave: an observation, a refusal (Qualitor answered no), or a failure;
     * {@code readAt}, when the read started, tells which announced changes it answers.
     */
    public record Reading(Observation observed, Text refusal, boolean failed, Instant readAt) {

        public static final Reading NONE = new Reading(null, null, false, null);

        public static Reading of(Observation o, Instant readAt) {
            return new Reading(o, null, false, readAt);
        }

        public static Reading refused(Text reason, Instant readAt) {
            return new Reading(null, reason, false, readAt);
        }

        public static Reading failure() {
            return new Reading(null, null, true, null);
        }
    }

    /**
     * Settles a claimed clock: applies the reading, raises every level now due, and releases it.
     * Does nothing when the claim is no longer this scan's. Returns how many alerts this call put
     * in the ledger.
     */
    public int settle(long id, String token, Reading reading, Instant now) {
        SlaClock clock = em.find(SlaClock.class, id);
        if (clock == null || !clock.claimedBy(token)) {
            return 0;
        }
        WorkCalendar calendar = clock.getPolicy().getRules().calendar(settings.zone(), settings.holidays());
        List<TallyKey> tallied = clock.tallies(settings.zone());
        List<Happening> timeline = new ArrayList<>();
        if (reading.observed() != null) {
            timeline.addAll(clock.observe(reading.observed(), reading.readAt(), now, calendar, settings.cadence()));
        } else if (reading.refusal() != null) {
            clock.syncRefused(reading.readAt(), now, reading.refusal(), timeline);
        } else if (reading.failed()) {
            clock.syncFailed(now, SYNC_RETRY);
        } else if (clock.syncDue(now)) {
            clock.scheduleSync(now, settings.cadence());
        }
        int raised = 0;
        for (Optional<String> level = clock.dueLevel(now); level.isPresent(); level = clock.dueLevel(now)) {
            List<Happening> before = new ArrayList<>(timeline);
            clock.levelRaised(level.get(), now, timeline, settings.breachFreshness());
            List<Happening> added = timeline.subList(before.size(), timeline.size());
            if (alerts.raise(clock, level.get(), now, before, added)) {
                raised++;
            }
        }
        clock.release();
        timeline.forEach(h -> em.persist(new SlaEvent(clock.getId(), h)));
        tallies.moved(tallied, clock.tallies(settings.zone()));
        return raised;
    }

    /**
     * Lets other scans take a clock this scan holds at once, rather than when its lease lapses: its
     * settlement lost a race (Qualitor announced a change meanwhile, {@link #lostRace}).
     */
    public void release(long id, String token) {
        em.createNamedQuery(SlaClock.RELEASE).setParameter("id", id).setParameter("token", token).executeUpdate();
    }

    /** Whether {@code e} says another transaction changed the clock first (its version moved on). */
    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
