package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The 24-hour return promise of one escalated demand, as a clock that knows its own deadline. It
 * ties its parts together — the policy it started under ({@link PolicySnapshot}), its deadline and
 * pauses ({@link Countdown}), its alert levels ({@link AlertSchedule}) and Qualitor reads
 * ({@link SyncSchedule}) — and writes what happened on its timeline as text codes. {@code dueAt} is
 * the earliest of the next alert and the next sync: scans read clocks by that column alone and
 * claim them through {@code claimToken}/{@code claimedUntil}, never in memory.
 */
@Entity
@Table(name = "sla_clock")
@NamedQuery(name = SlaClock.DUE, query = """
        select c.id from SlaClock c where c.dueAt <= :now and (c.claimedUntil is null or c.claimedUntil < :now)
        order by c.dueAt""")
@NamedQuery(name = SlaClock.ALERT_DUE, query = """
        select c.id from SlaClock c where c.alerts.nextAlertAt <= :now and c.dueAt <= :now
        and (c.claimedUntil is null or c.claimedUntil < :now) order by c.alerts.nextAlertAt""")
@NamedQuery(name = SlaClock.NEXT_ALERT, query = """
        select c.alerts.nextAlertAt from SlaClock c where c.alerts.nextAlertAt > :after order by c.alerts.nextAlertAt""")
@NamedQuery(name = SlaClock.CLAIM, query = """
        update SlaClock c set c.claimToken = :token, c.claimedUntil = :lease
        where c.id in :ids and c.dueAt <= :now and (c.claimedUntil is null or c.claimedUntil < :now)""")
@NamedQuery(name = SlaClock.CLAIMED, query = "select c.id from SlaClock c where c.claimToken = :token")
@NamedQuery(name = SlaClock.RENEW, query = "update SlaClock c set c.claimedUntil = :lease where c.id = :id and c.claimToken = :token")
@NamedQuery(name = SlaClock.RELEASE, query = "update SlaClock c set c.claimToken = null, c.claimedUntil = null where c.id = :id and c.claimToken = :token")
@NamedQuery(name = SlaClock.BY_TICKET, query = "select c from SlaClock c where c.subject.ticketId = :ticket")
@NamedQuery(name = SlaClock.BY_DEMANDS, query = "select c from SlaClock c where c.subject.demandNumber in :demands")
public class SlaClock {

    public static final String DUE = "SlaClock.due";
    public static final String ALERT_DUE = "SlaClock.alertDue";
    /** The earliest alert after a moment, from its index (migration V24): when the monitor wakes next. */
    public static final String NEXT_ALERT = "SlaClock.nextAlert";
    public static final String CLAIM = "SlaClock.claim";
    public static final String CLAIMED = "SlaClock.claimed";
    /** Extends a claim when the clock's turn comes, if the claim is still this scan's. */
    public static final String RENEW = "SlaClock.renew";
    /** Gives up a claim at once, if it is still this scan's. */
    public static final String RELEASE = "SlaClock.release";
    public static final String BY_TICKET = "SlaClock.byTicket";
    /** The clocks of several demands at once (the related-tickets panel; indexed by demand number, migration V10). */
    public static final String BY_DEMANDS = "SlaClock.byDemands";

    @Id
    @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
    private Long id;

    @Version
    private long version;

    @Embedded
    private ClockSubject subject;

    @Embedded
    private PolicySnapshot policy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClockState state;

    @Column(name = "started_at", nullable = false)
    private LocalDateTime startedAt;

    @Embedded
    private Countdown countdown;

    @Embedded
    private AlertSchedule alerts = new AlertSchedule();

    @Embedded
    private SyncSchedule sync = new SyncSchedule();

    @Column(name = "due_at")
    private LocalDateTime dueAt;

    @Column(name = "claim_token")
    private String claimToken;

    @Column(name = "claimed_until")
    private LocalDateTime claimedUntil;

    protected SlaClock() {
    }

    /**
     * Starts the clock of a demand at {@code startedAt} (when the agent registered it: the customer
     * was promised the return then), under a copy of {@code policy}.
     */
    public static SlaClock start(ClockSubject subject, ClockPolicy policy, Instant startedAt, Predicate<LocalDate> holidays,
                                 ZoneId zone, Instant now, SyncCadence cadence, List<Happening> timeline) {
        SlaClock c = new SlaClock();
        c.subject = subject;
        c.policy = PolicySnapshot.of(policy);
        c.state = ClockState.RUNNING;
        c.startedAt = Utc.of(startedAt);
        WorkCalendar calendar = c.policy.getRules().calendar(zone, holidays);
        c.countdown = Countdown.until(c.policy.getRules().deadline(calendar, startedAt));
        c.alerts.arm(c.policy.getRules().atRiskAt(calendar, c.getDeadlineAt()), c.getDeadlineAt(), now, true);
        timeline.add(Happening.created(startedAt, subject.getDemandNumber(), c.getDeadlineAt(), policy));
        c.sync.plan(now, cadence.after(Duration.between(now, c.getDeadlineAt()), false));
        c.updateDue();
        return c;
    }

    /**
     * Where this clock counts on the dashboard's daily tallies ({@link TallyKey}) in {@code zone}: a
     * met clock on its deadline's day, on time or breached, and on the day it was met; a running
     * clock whose breach alert went out for its current deadline, as breached on that day; any other
     * (running before its breach, or paused) nowhere yet.
     */
    public List<TallyKey> tallies(ZoneId zone) {
        LocalDate due = getDeadlineAt().atZone(zone).toLocalDate();
        Instant met = countdown.getMetAt();
        if (state == ClockState.MET && met != null) {
            return List.of(new TallyKey(due, countdown.metLate() ? TallyKey.BREACHED : TallyKey.ON_TIME, subject),
                    new TallyKey(met.atZone(zone).toLocalDate(), TallyKey.MET, subject));
        }
        Instant breached = countdown.getBreachedAt();
        if (state == ClockState.RUNNING && breached != null && !breached.isBefore(getDeadlineAt())) {
            return List.of(new TallyKey(due, TallyKey.BREACHED, subject));
        }
        return List.of();
    }

    /** The ledger level due at {@code now} ({@code AT_RISK}, {@code BREACH}, {@code REMINDER_n}), if any. */
    public Optional<String> dueLevel(Instant now) {
        return state == ClockState.RUNNING ? alerts.due(now, getDeadlineAt()) : Optional.empty();
    }

    /**
     * Moves past a level once its alert is in the ledger (raised now or by another instance before).
     * A breach goes on the timeline, saying so when Qualitor's last reading is older than
     * {@code freshness} (null: not asked).
     */
    public void levelRaised(String level, Instant now, List<Happening> timeline, Duration freshness) {
        if (level.equals(AlertSchedule.BREACH)) {
            countdown.breached();
            timeline.add(Happening.due(getDeadlineAt(), freshness == null || sync.readSince(now.minus(freshness)), sync.getLastSyncedAt()));
        }
        alerts.passed(level, getDeadlineAt(), now, policy.getRules().reminderEvery());
        updateDue();
    }

    /**
     * Takes in what Qualitor shows: a return or a closed demand meets the clock; a waiting-for-the-
     * customer situation pauses it; leaving that situation resumes it with a new deadline version.
     */
    public List<Happening> observe(Observation o, Instant now, WorkCalendar calendar, SyncCadence cadence) {
        return observe(o, now, now, calendar, cadence);
    }

    /** The same, for a read of Qualitor that started at {@code readAt}: it answers the changes Qualitor announced until then. */
    public List<Happening> observe(Observation o, Instant readAt, Instant now, WorkCalendar calendar, SyncCadence cadence) {
        List<Happening> timeline = new ArrayList<>();
        String situation = o.situation();
        boolean changed = sync.read(readAt, now, situation, o.expectedAnswer());
        if (state == ClockState.MET) {
            return timeline;
        }
        if (changed) {
            timeline.add(Happening.synced(now, situation, o.expectedAnswer()));
        }
        Optional<Instant> returned = o.returnSince(getStartedAt(), now);
        if (returned.isPresent() || o.closed()) {
            Instant at = returned.orElse(now);
            countdown.metWhilePaused(at, calendar);
            met(at, returned.isPresent(), timeline);
            return timeline;
        }
        boolean waiting = policy.getRules().pausesOn(o.situationCode(), o.situationName());
        if (waiting && state == ClockState.RUNNING && getDeadlineAt().isAfter(now)) {
            state = ClockState.PAUSED;
            countdown.pause(now, calendar);
            alerts.hold();
            timeline.add(Happening.paused(now, situation));
        } else if (!waiting && state == ClockState.PAUSED) {
            state = ClockState.RUNNING;
            Duration paused = countdown.resume(now, calendar);
            alerts.arm(policy.getRules().atRiskAt(calendar, getDeadlineAt()), getDeadlineAt(), now, false);
            timeline.add(Happening.resumed(now, paused, getDeadlineAt()));
        }
        scheduleSync(now, cadence);
        return timeline;
    }

    /** The clock is met: Relacionamento returned to the customer ({@code returned}) or the demand closed; late if after the deadline. */
    public void met(Instant at, boolean returned, List<Happening> timeline) {
        state = ClockState.MET;
        countdown.met(at);
        alerts.stop();
        sync.stop();
        timeline.add(Happening.met(at, returned, Duration.between(getDeadlineAt(), at)));
        updateDue();
    }

    /** Plans the next read of Qualitor: more often as the deadline nears; at once while an announced change waits for a read. */
    public void scheduleSync(Instant now, SyncCadence cadence) {
        if (state != ClockState.MET) {
            sync.planNext(now, cadence.after(remaining(now), state == ClockState.PAUSED));
        }
        updateDue();
    }

    /**
     * Qualitor announced that the demand changed (its service flow called SOP Desk): the next scan
     * reads it, now, instead of at the cadence; nothing is decided from the announcement itself.
     * Returns the timeline line, or nothing when a read is waiting already (a retry of the call),
     * the clock is met or its reads stopped.
     */
    public Optional<Happening> changeAnnounced(Instant now) {
        boolean reading = claimedUntil != null && Utc.instant(claimedUntil).isAfter(now);
        if (state == ClockState.MET || !sync.announced(now, reading)) {
            return Optional.empty();
        }
        updateDue();
        return Optional.of(Happening.announced(now));
    }

    /** A failed read (Qualitor unreachable, an unreadable answer) is tried again soon, without hurrying the alerts. */
    public void syncFailed(Instant now, Duration retryIn) {
        sync.plan(now, retryIn);
        updateDue();
    }

    /** Qualitor answered and refused the read: the first refusal in a row and the stop go on the timeline. */
    public void syncRefused(Instant now, Text reason, List<Happening> timeline) {
        syncRefused(now, now, reason, timeline);
    }

    /** The same, for a read that started at {@code readAt}. */
    public void syncRefused(Instant readAt, Instant now, Text reason, List<Happening> timeline) {
        int refusals = sync.refused(readAt, now);
        if (sync.stopped() || refusals == 1) {
            timeline.add(Happening.refused(now, refusals, sync.stopped(), reason));
        }
        updateDue();
    }

    public boolean syncDue(Instant now) {
        return state != ClockState.MET && sync.due(now);
    }

    /**
     * Whether the scan should read Qualitor before settling: a sync is due, or the breach is due
     * and the last reading is older than {@code freshness} (a return written in the last minute
     * must not be reported as a breach). A clock that stopped reading Qualitor is not read again.
     */
    public boolean readDue(Instant now, Duration freshness) {
        return syncDue(now) || (state == ClockState.RUNNING && !sync.stopped() && alerts.breachDue(now, getDeadlineAt())
                && !sync.readSince(now.minus(freshness)));
    }

    /**
     * The read the scan should make before settling, and how it ranks for the budget of Qualitor
     * calls ({@link ReadPriority}): the breach's read on an old reading first, then a read someone
     * asked for, then by the time left and the last reading ({@link SyncCadence#priority}). Empty
     * when no read is due.
     */
    public Optional<ReadPriority> readPriority(Instant now, Duration freshness, SyncCadence cadence) {
        if (!readDue(now, freshness)) {
            return Optional.empty();
        }
        if (state == ClockState.RUNNING && alerts.breachDue(now, getDeadlineAt()) && !sync.readSince(now.minus(freshness))) {
            return Optional.of(ReadPriority.BREACH);
        }
        Instant read = sync.getLastSyncedAt();
        return Optional.of(cadence.priority(remaining(now), state == ClockState.PAUSED, sync.waitingAsked(),
                read == null ? null : Duration.between(read, now)));
    }

    /**
     * The budget denied a due read: it waits longer than its cadence says, until
     * its band changes at the latest ({@link SyncCadence#deferred}); the alerts keep their times.
     */
    public void readDeferred(Instant now, SyncCadence cadence, SyncAllowance allowance) {
        sync.plan(now, cadence.deferred(remaining(now), state == ClockState.PAUSED, allowance));
        updateDue();
    }

    /**
     * Someone looks at the clock (its row on the supervisors' board, the agent's ticket page): when
     * its last reading is older than {@code fresh}, a read is asked for now, ranked as an announced
     * change, without a timeline line (looking changes nothing). Returns whether it was asked now.
     */
    public boolean lookedAt(Instant now, Duration fresh) {
        if (state == ClockState.MET || sync.readSince(now.minus(fresh))) {
            return false;
        }
        if (!sync.asked(now)) {
            return false;
        }
        updateDue();
        return true;
    }

    /** Whether the scan holding {@code token} still holds the clock. */
    public boolean claimedBy(String token) {
        return token != null && token.equals(claimToken);
    }

    private void updateDue() {
        Instant alert = alerts.getNextAlertAt();
        Instant read = sync.getNextSyncAt();
        dueAt = state == ClockState.MET ? null : Utc.of(alert == null ? read : read == null || alert.isBefore(read) ? alert : read);
    }

    /** Lets other scans take the clock again. */
    public void release() {
        claimToken = null;
        claimedUntil = null;
    }

    /** How the clock stands at {@code now}, for the board. */
    public Standing standing(Instant now) {
        return Standing.of(this, now);
    }

    /** Time left until the deadline (negative once breached; the frozen remainder while paused). */
    public Duration remaining(Instant now) {
        return countdown.remaining(now);
    }

    public Long getId() {
        return id;
    }

    public ClockSubject getSubject() {
        return subject;
    }

    public String getDemandNumber() {
        return subject.getDemandNumber();
    }

    public PolicySnapshot getPolicy() {
        return policy;
    }

    public ClockState getState() {
        return state;
    }

    public Instant getStartedAt() {
        return Utc.instant(startedAt);
    }

    public Countdown getCountdown() {
        return countdown;
    }

    public Instant getDeadlineAt() {
        return countdown.getDeadlineAt();
    }

    public int getDeadlineVersion() {
        return countdown.getDeadlineVersion();
    }

    public AlertSchedule getAlerts() {
        return alerts;
    }

    public SyncSchedule getSync() {
        return sync;
    }

    public Instant getDueAt() {
        return Utc.instant(dueAt);
    }
}
