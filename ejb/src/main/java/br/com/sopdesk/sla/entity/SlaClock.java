package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The 24-hour return promise of one escalated demand, as a clock that knows its own deadline.
 *
 * <p>The clock decides everything about time: its deadline under its policy's calendar, when it is
 * at risk, which alert level is due next (at risk, breach, then reminders), how a pause while
 * Qualitor waits for the customer moves the deadline (a new {@code deadlineVersion}, which re-arms
 * the levels), when it is met, and when it should next read Qualitor. The control only stores what
 * the clock says. {@code dueAt} is the earliest of the next alert and the next sync: scans read
 * clocks by that column alone, so their cost follows the due clocks, not all open ones. Scans
 * claim clocks through {@code claimToken}/{@code claimedUntil}, never in memory.
 */
@Entity
@Table(name = "sla_clock")
@NamedQuery(name = SlaClock.DUE, query = """
        select c.id from SlaClock c where c.dueAt <= :now and (c.claimedUntil is null or c.claimedUntil < :now)
        order by c.dueAt""")
@NamedQuery(name = SlaClock.CLAIM, query = """
        update SlaClock c set c.claimToken = :token, c.claimedUntil = :lease
        where c.id in :ids and c.dueAt <= :now and (c.claimedUntil is null or c.claimedUntil < :now)""")
@NamedQuery(name = SlaClock.CLAIMED, query = "select c.id from SlaClock c where c.claimToken = :token")
@NamedQuery(name = SlaClock.RENEW, query = "update SlaClock c set c.claimedUntil = :lease where c.id = :id and c.claimToken = :token")
@NamedQuery(name = SlaClock.BY_TICKET, query = "select c from SlaClock c where c.ticketId = :ticket")
@NamedQuery(name = SlaClock.BY_DEMAND, query = "select c from SlaClock c where c.demandNumber = :demand order by c.id desc")
@NamedQuery(name = SlaClock.BY_DEMANDS, query = "select c from SlaClock c where c.demandNumber in :demands")
public class SlaClock {

    public static final String DUE = "SlaClock.due";
    public static final String CLAIM = "SlaClock.claim";
    public static final String CLAIMED = "SlaClock.claimed";
    /** Extends a claim when the clock's turn comes, if the claim is still this scan's. */
    public static final String RENEW = "SlaClock.renew";
    public static final String BY_TICKET = "SlaClock.byTicket";
    public static final String BY_DEMAND = "SlaClock.byDemand";
    /** The clocks of several demands at once (the related-tickets panel; indexed by demand number, migration V10). */
    public static final String BY_DEMANDS = "SlaClock.byDemands";

    public static final String AT_RISK = "AT_RISK";
    public static final String BREACH = "BREACH";
    public static final String REMINDER = "REMINDER";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** Reads Qualitor refused in a row (e.g. it cannot find the demand) before the clock stops reading it. */
    static final int MAX_REFUSALS = 8;

    @Id
    @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(name = "demand_number", nullable = false)
    private String demandNumber;

    @Column(name = "sop_id", nullable = false)
    private String sopId;

    @Column(nullable = false)
    private String title;

    @Column(name = "customer_name", nullable = false)
    private String customerName;

    @Column(nullable = false)
    private String agent;

    private String team;

    @Column(name = "policy_code", nullable = false)
    private String policyCode;

    @Column(name = "duration_minutes")
    private int durationMinutes;

    @Column(name = "business_hours")
    private boolean businessHours;

    @Column(name = "work_start", nullable = false)
    private String workStart;

    @Column(name = "work_end", nullable = false)
    private String workEnd;

    @Column(name = "pause_situations")
    private String pauseSituations;

    @Column(name = "at_risk_percent")
    private int atRiskPercent;

    @Column(name = "reminder_minutes")
    private int reminderMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClockState state;

    @Column(name = "started_at", nullable = false)
    private LocalDateTime startedAt;

    @Column(name = "deadline_at", nullable = false)
    private LocalDateTime deadlineAt;

    @Column(name = "deadline_version")
    private int deadlineVersion;

    @Column(name = "paused_at")
    private LocalDateTime pausedAt;

    @Column(name = "remaining_seconds")
    private Long remainingSeconds;

    @Column(name = "met_at")
    private LocalDateTime metAt;

    @Column(name = "breached_at")
    private LocalDateTime breachedAt;

    @Column(name = "next_level")
    private String nextLevel;

    @Column(name = "next_alert_at")
    private LocalDateTime nextAlertAt;

    @Column(name = "reminders_sent")
    private int remindersSent;

    @Column(name = "next_sync_at")
    private LocalDateTime nextSyncAt;

    @Column(name = "last_synced_at")
    private LocalDateTime lastSyncedAt;

    @Column(name = "qualitor_situation")
    private String qualitorSituation;

    @Column(name = "qualitor_expected")
    private LocalDateTime qualitorExpected;

    @Column(name = "sync_refusals")
    private int syncRefusals;

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
    public static SlaClock start(long ticketId, String demandNumber, String sopId, String title, String customerName,
                                 String agent, String team, ClockPolicy policy, Instant startedAt,
                                 Predicate<LocalDate> holidays, ZoneId zone, Instant now, SyncCadence cadence,
                                 List<Happening> timeline) {
        SlaClock c = new SlaClock();
        c.ticketId = ticketId;
        c.demandNumber = demandNumber;
        c.sopId = sopId;
        c.title = cut(title, 200);
        c.customerName = cut(customerName, 200);
        c.agent = agent;
        c.team = team;
        c.policyCode = policy.getCode();
        c.durationMinutes = policy.getDurationMinutes();
        c.businessHours = policy.isBusinessHours();
        c.workStart = policy.getWorkStart();
        c.workEnd = policy.getWorkEnd();
        c.pauseSituations = policy.getPauseSituations();
        c.atRiskPercent = policy.getAtRiskPercent();
        c.reminderMinutes = policy.getReminderMinutes();
        c.state = ClockState.RUNNING;
        c.startedAt = Utc.of(startedAt);
        WorkCalendar calendar = c.calendar(zone, holidays);
        c.deadlineVersion = 1;
        c.deadlineAt = Utc.of(calendar.plus(startedAt, c.duration()));
        c.arm(calendar, now, true);
        timeline.add(new Happening(startedAt, "CREATED", "Demanda " + demandNumber + " registrada; prazo "
                + shown(c.getDeadlineAt(), zone) + " (" + policy.getCode() + ": " + policy.getName() + ")"));
        c.nextSyncAt = Utc.of(now.plus(cadence.after(Duration.between(now, c.getDeadlineAt()), false)));
        c.updateDue();
        return c;
    }

    /** The calendar this clock counts in. */
    public WorkCalendar calendar(ZoneId zone, Predicate<LocalDate> holidays) {
        return ClockPolicy.calendarOf(businessHours, workStart, workEnd, zone, holidays);
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    /** The instant the clock becomes at risk, for its current deadline. */
    public Instant atRiskAt(WorkCalendar calendar) {
        Duration beforeDeadline = duration().multipliedBy(100 - atRiskPercent).dividedBy(100);
        return calendar.minus(getDeadlineAt(), beforeDeadline);
    }

    /** Arms the levels for the current deadline: at risk first, unless already warned and that time is past. */
    private void arm(WorkCalendar calendar, Instant now, boolean fresh) {
        Instant atRisk = atRiskAt(calendar);
        boolean warnedBefore = !fresh && nextLevel != null && !AT_RISK.equals(nextLevel);
        if (atRisk.isAfter(now) || !warnedBefore) {
            nextLevel = AT_RISK;
            nextAlertAt = Utc.of(atRisk);
        } else {
            nextLevel = BREACH;
            nextAlertAt = deadlineAt;
        }
    }

    /**
     * The ledger level due at {@code now} ({@code AT_RISK}, {@code BREACH}, {@code REMINDER_n}), if
     * any. An at-risk warning whose deadline has already passed is skipped: the breach says more.
     */
    public Optional<String> dueLevel(Instant now) {
        if (state != ClockState.RUNNING || nextAlertAt == null || Utc.instant(nextAlertAt).isAfter(now)) {
            return Optional.empty();
        }
        if (AT_RISK.equals(nextLevel) && !getDeadlineAt().isAfter(now)) {
            nextLevel = BREACH;
            nextAlertAt = deadlineAt;
        }
        return Optional.of(REMINDER.equals(nextLevel) ? REMINDER + "_" + (remindersSent + 1) : nextLevel);
    }

    /** Moves past a level once its alert is in the ledger (raised now or by another instance before). */
    public void levelRaised(String level, Instant now, List<Happening> timeline) {
        levelRaised(level, now, timeline, null, null);
    }

    /**
     * As {@link #levelRaised(String, Instant, List)}; a breach raised while Qualitor's last reading
     * is older than {@code freshness} says so in its timeline ("sem leitura recente").
     */
    public void levelRaised(String level, Instant now, List<Happening> timeline, Duration freshness, ZoneId zone) {
        if (level.equals(AT_RISK)) {
            nextLevel = BREACH;
            nextAlertAt = deadlineAt;
        } else if (level.equals(BREACH)) {
            breachedAt = deadlineAt;
            String note = "";
            if (freshness != null && !readSince(now.minus(freshness))) {
                note = lastSyncedAt == null ? " (sem leitura recente: o Qualitor não foi lido)"
                        : " (sem leitura recente: última leitura do Qualitor em " + SHOWN.format(getLastSyncedAt().atZone(zone)) + ")";
            }
            timeline.add(new Happening(getDeadlineAt(), "DUE", "Prazo de retorno vencido sem retorno registrado no Qualitor" + note));
            nextReminder(1, now);
        } else if (level.startsWith(REMINDER)) {
            nextReminder(Integer.parseInt(level.substring(REMINDER.length() + 1)) + 1, now);
        }
        updateDue();
    }

    /**
     * Plans reminder {@code n}, or the first one still ahead of {@code now}: a clock found long
     * after its breach gets one reminder, not every one it missed. {@code remindersSent} keeps the
     * number of the reminder slots already behind.
     */
    private void nextReminder(int n, Instant now) {
        if (reminderMinutes > 0) {
            Duration every = Duration.ofMinutes(reminderMinutes);
            long behind = Duration.between(getDeadlineAt(), now).dividedBy(every);
            int next = (int) Math.max(n, behind + 1);
            remindersSent = next - 1;
            nextLevel = REMINDER;
            nextAlertAt = Utc.of(getDeadlineAt().plus(every.multipliedBy(next)));
        } else {
            nextLevel = null;
            nextAlertAt = null;
        }
    }

    /**
     * Takes in what Qualitor shows: a return or a closed demand meets the clock; a waiting-for-the-
     * customer situation pauses it (the time left is kept in the clock's calendar); leaving that
     * situation resumes it with a new deadline version, which re-arms the alert levels.
     */
    public List<Happening> observe(Observation o, Instant now, WorkCalendar calendar, SyncCadence cadence, ZoneId zone) {
        List<Happening> timeline = new ArrayList<>();
        lastSyncedAt = Utc.of(now);
        String situation = o.situationName() == null ? o.situationCode() : o.situationName();
        String shownSituation = cut(situation, 100);
        LocalDateTime expected = o.expectedAnswer() == null ? null : Utc.of(o.expectedAnswer());
        boolean changed = !java.util.Objects.equals(shownSituation, qualitorSituation)
                || !java.util.Objects.equals(expected, qualitorExpected);
        qualitorSituation = shownSituation;
        qualitorExpected = expected;
        syncRefusals = 0;
        if (state == ClockState.MET) {
            return timeline;
        }
        if (changed) {
            timeline.add(new Happening(now, "SYNCED", "Qualitor: situação \"" + situation + "\""
                    + (o.expectedAnswer() == null ? "" : ", previsão de resposta do Qualitor " + shown(o.expectedAnswer(), zone))));
        }
        // Qualitor writes history times to the minute: a return in the clock's first minute counts
        Instant startMinute = getStartedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant returned = o.returnedAt() != null && !o.returnedAt().isBefore(startMinute) ? o.returnedAt() : null;
        if (returned != null && returned.isAfter(now)) {
            // a bare date in Qualitor reads as the end of its day: it was written by now at the latest
            returned = now;
        }
        if (returned != null || o.closed()) {
            Instant metAt = returned != null ? returned : now;
            if (state == ClockState.PAUSED && remainingSeconds != null && !metAt.isBefore(getPausedAt())) {
                // met while the clock stood still: the time left at the pause was never used
                deadlineAt = Utc.of(calendar.plus(metAt, Duration.ofSeconds(remainingSeconds)));
            }
            met(returned != null ? returned : now, returned != null ? "retorno registrado no Qualitor" : "demanda encerrada no Qualitor", timeline, zone);
            return timeline;
        }
        boolean waiting = ClockPolicy.listed(pauseSituations, o.situationCode(), o.situationName());
        if (waiting && state == ClockState.RUNNING && getDeadlineAt().isAfter(now)) {
            state = ClockState.PAUSED;
            pausedAt = Utc.of(now);
            remainingSeconds = calendar.between(now, getDeadlineAt()).getSeconds();
            nextAlertAt = null;
            timeline.add(new Happening(now, "PAUSED", "Relógio pausado: Qualitor aguarda o cliente (\"" + situation + "\")"));
        } else if (!waiting && state == ClockState.PAUSED) {
            state = ClockState.RUNNING;
            Duration paused = Duration.between(Utc.instant(pausedAt), now);
            deadlineAt = Utc.of(calendar.plus(now, Duration.ofSeconds(remainingSeconds)));
            deadlineVersion++;
            pausedAt = null;
            remainingSeconds = null;
            arm(calendar, now, false);
            timeline.add(new Happening(now, "RESUMED", "Relógio retomado após " + human(paused) + " de pausa; novo prazo "
                    + shown(getDeadlineAt(), zone)));
        }
        scheduleSync(now, cadence);
        return timeline;
    }

    /** The clock is met: Relacionamento returned to the customer (late if after the deadline). */
    public void met(Instant at, String how, List<Happening> timeline, ZoneId zone) {
        state = ClockState.MET;
        metAt = Utc.of(at);
        nextAlertAt = null;
        nextLevel = null;
        nextSyncAt = null;
        pausedAt = null;
        Duration late = Duration.between(getDeadlineAt(), at);
        timeline.add(new Happening(at, "MET", "Cumprido: " + how + " em " + shown(at, zone)
                + (!late.isNegative() && !late.isZero() ? " (" + human(late) + " após o prazo)" : " (no prazo)")));
        updateDue();
    }

    /** Plans the next read of Qualitor: more often as the deadline nears. */
    public void scheduleSync(Instant now, SyncCadence cadence) {
        if (state != ClockState.MET) {
            nextSyncAt = Utc.of(now.plus(cadence.after(remaining(now), state == ClockState.PAUSED)));
        }
        updateDue();
    }

    /** A failed read (Qualitor unreachable, an unreadable answer) is tried again soon, without hurrying the alerts. */
    public void syncFailed(Instant now, Duration retryIn) {
        nextSyncAt = Utc.of(now.plus(retryIn));
        updateDue();
    }

    /**
     * Qualitor answered and refused the read (e.g. it cannot find the demand): the next read waits
     * twice as long each time, from a minute up to an hour, and after {@value #MAX_REFUSALS}
     * refusals in a row the clock stops reading Qualitor (its alerts go on). The first refusal and
     * the stop go on the timeline.
     */
    public void syncRefused(Instant now, String reason, List<Happening> timeline) {
        syncRefusals++;
        if (syncRefusals >= MAX_REFUSALS) {
            nextSyncAt = null;
            timeline.add(new Happening(now, "SYNC_STOPPED", "Leituras do Qualitor suspensas após " + syncRefusals
                    + " recusas seguidas: " + cut(reason, 300)));
        } else {
            long minutes = Math.min(60, 1L << (syncRefusals - 1));
            nextSyncAt = Utc.of(now.plus(Duration.ofMinutes(minutes)));
            if (syncRefusals == 1) {
                timeline.add(new Happening(now, "SYNC_FAILED", "Qualitor recusou a leitura da demanda (" + cut(reason, 300)
                        + "); novas tentativas cada vez mais espaçadas"));
            }
        }
        updateDue();
    }

    public boolean syncDue(Instant now) {
        return state != ClockState.MET && nextSyncAt != null && !Utc.instant(nextSyncAt).isAfter(now);
    }

    /** Whether Qualitor was read at or after {@code since}. */
    public boolean readSince(Instant since) {
        return lastSyncedAt != null && !Utc.instant(lastSyncedAt).isBefore(since);
    }

    /**
     * Whether the scan should read Qualitor before settling: a sync is due, or the breach is due
     * and the last reading is older than {@code freshness} (a return written in the last minute
     * must not be reported as a breach). A clock that stopped reading Qualitor is not read again.
     */
    public boolean readDue(Instant now, Duration freshness) {
        if (syncDue(now)) {
            return true;
        }
        return state == ClockState.RUNNING && syncRefusals < MAX_REFUSALS && breachDue(now) && !readSince(now.minus(freshness));
    }

    private boolean breachDue(Instant now) {
        return nextAlertAt != null && !Utc.instant(nextAlertAt).isAfter(now)
                && (BREACH.equals(nextLevel) || (AT_RISK.equals(nextLevel) && !getDeadlineAt().isAfter(now)));
    }

    /** Whether the scan holding {@code token} still holds the clock. */
    public boolean claimedBy(String token) {
        return token != null && token.equals(claimToken);
    }

    private void updateDue() {
        if (state == ClockState.MET) {
            dueAt = null;
        } else if (nextAlertAt == null) {
            dueAt = nextSyncAt;
        } else if (nextSyncAt == null) {
            dueAt = nextAlertAt;
        } else {
            dueAt = nextAlertAt.isBefore(nextSyncAt) ? nextAlertAt : nextSyncAt;
        }
    }

    /** Lets other scans take the clock again. */
    public void release() {
        claimToken = null;
        claimedUntil = null;
    }

    /** How the clock stands at {@code now}, for the board. */
    public Standing standing(Instant now) {
        if (state == ClockState.MET) {
            return getMetAt().isAfter(getDeadlineAt()) ? Standing.MET_LATE : Standing.MET;
        }
        if (state == ClockState.PAUSED) {
            return Standing.PAUSED;
        }
        if (!getDeadlineAt().isAfter(now)) {
            return Standing.BREACHED;
        }
        return AT_RISK.equals(nextLevel) && nextAlertAt != null && Utc.instant(nextAlertAt).isAfter(now)
                ? Standing.ON_TRACK : Standing.AT_RISK;
    }

    /** Time left until the deadline (negative once breached; the frozen remainder while paused). */
    public Duration remaining(Instant now) {
        if (state == ClockState.PAUSED && remainingSeconds != null) {
            return Duration.ofSeconds(remainingSeconds);
        }
        return Duration.between(now, getDeadlineAt());
    }

    /** The board's reading of a clock. */
    public enum Standing {
        ON_TRACK, AT_RISK, BREACHED, PAUSED, MET, MET_LATE
    }

    static String human(Duration d) {
        long minutes = Math.abs(d.toMinutes());
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }

    static String shown(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone)) + " (" + zoneName(zone) + ")";
    }

    /** The zone as people name it, e.g. "horário de Brasília" for America/Sao_Paulo. */
    public static String zoneName(ZoneId zone) {
        String name = zone.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.forLanguageTag("pt-BR"));
        return name.isEmpty() ? zone.getId() : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getDemandNumber() {
        return demandNumber;
    }

    public String getSopId() {
        return sopId;
    }

    public String getTitle() {
        return title;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getAgent() {
        return agent;
    }

    public String getTeam() {
        return team;
    }

    public String getPolicyCode() {
        return policyCode;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public boolean isBusinessHours() {
        return businessHours;
    }

    public int getAtRiskPercent() {
        return atRiskPercent;
    }

    public int getReminderMinutes() {
        return reminderMinutes;
    }

    public ClockState getState() {
        return state;
    }

    public Instant getStartedAt() {
        return Utc.instant(startedAt);
    }

    public Instant getDeadlineAt() {
        return Utc.instant(deadlineAt);
    }

    public int getDeadlineVersion() {
        return deadlineVersion;
    }

    public Instant getPausedAt() {
        return Utc.instant(pausedAt);
    }

    public Instant getMetAt() {
        return Utc.instant(metAt);
    }

    public Instant getBreachedAt() {
        return Utc.instant(breachedAt);
    }

    public String getNextLevel() {
        return nextLevel;
    }

    public Instant getNextAlertAt() {
        return Utc.instant(nextAlertAt);
    }

    public Instant getNextSyncAt() {
        return Utc.instant(nextSyncAt);
    }

    public Instant getLastSyncedAt() {
        return Utc.instant(lastSyncedAt);
    }

    public String getQualitorSituation() {
        return qualitorSituation;
    }

    /** Qualitor's own expected answer time, shown beside our deadline. */
    public Instant getQualitorExpectedAt() {
        return Utc.instant(qualitorExpected);
    }

    public int getSyncRefusals() {
        return syncRefusals;
    }

    public Instant getDueAt() {
        return Utc.instant(dueAt);
    }

    public int getRemindersSent() {
        return remindersSent;
    }
}
