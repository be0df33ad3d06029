package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ledger of alerts: one row per (demand, policy, level, deadline version), enforced by a unique
 * constraint in the database, so neither a restart, a redeploy nor two instances scanning at once
 * can raise the same alert twice. A changed deadline has a new version and so new levels. The row
 * carries its own explanation (the clock's timeline when it was raised, as text codes: see
 * {@link Explanation}) and its acknowledgement, taken by a conditional update so that of two
 * supervisors acknowledging at once one wins and the other is told it is already done.
 */
@Entity
@Table(name = "sla_alert")
@NamedQuery(name = SlaAlert.LATEST, query = "select a from SlaAlert a order by a.raisedAt desc, a.id desc")
@NamedQuery(name = SlaAlert.OPEN, query = "select a from SlaAlert a where a.acknowledgedAt is null order by a.raisedAt desc, a.id desc")
@NamedQuery(name = SlaAlert.OF_DEMAND, query = "select a from SlaAlert a where a.demandNumber = :demand order by a.raisedAt, a.id")
@NamedQuery(name = SlaAlert.ACKNOWLEDGE, query = """
        update SlaAlert a set a.acknowledgedAt = :at, a.acknowledgedBy = :by, a.ackComment = :comment
        where a.id = :id and a.acknowledgedAt is null""")
@NamedQuery(name = SlaAlert.EXISTS, query = """
        select count(a) from SlaAlert a where a.demandNumber = :demand and a.policyCode = :policy
        and a.level = :level and a.deadlineVersion = :version""")
public class SlaAlert {

    public static final String LATEST = "SlaAlert.latest";
    public static final String OPEN = "SlaAlert.open";
    public static final String OF_DEMAND = "SlaAlert.ofDemand";
    public static final String EXISTS = "SlaAlert.exists";
    public static final String ACKNOWLEDGE = "SlaAlert.acknowledge";
    /** The explanation column's size. */
    static final int MAX_EXPLANATION = 4000;

    @Id
    @SequenceGenerator(name = "sla_alert_seq", sequenceName = "sla_alert_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_alert_seq")
    private Long id;

    @Column(name = "clock_id", nullable = false)
    private long clockId;

    @Column(name = "demand_number", nullable = false)
    private String demandNumber;

    @Column(name = "policy_code", nullable = false)
    private String policyCode;

    @Column(nullable = false)
    private String level;

    @Column(name = "deadline_version")
    private int deadlineVersion;

    @Column(name = "deadline_at", nullable = false)
    private LocalDateTime deadlineAt;

    @Column(name = "raised_at", nullable = false)
    private LocalDateTime raisedAt;

    @Column(name = "raised_by", nullable = false)
    private String raisedBy;

    @Column(nullable = false)
    private String explanation;

    @Column(name = "acknowledged_at")
    private LocalDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "ack_comment")
    private String ackComment;

    protected SlaAlert() {
    }

    /** An alert raised at {@code now}, explained by the clock's timeline up to it ({@code story}). */
    public SlaAlert(SlaClock clock, String level, Instant now, String instance, List<Happening> story) {
        this.clockId = clock.getId();
        this.demandNumber = clock.getDemandNumber();
        this.policyCode = clock.getPolicy().getCode();
        this.level = level;
        this.deadlineVersion = clock.getDeadlineVersion();
        this.deadlineAt = Utc.of(clock.getDeadlineAt());
        this.raisedAt = Utc.of(now);
        this.raisedBy = instance.length() <= 120 ? instance : instance.substring(0, 120);
        this.explanation = Explanation.encode(story, MAX_EXPLANATION);
    }

    /**
     * The comment of an acknowledgement, checked and trimmed (at most 1,000 characters); the
     * acknowledgement itself is the conditional update {@link #ACKNOWLEDGE}.
     */
    public static String acknowledgementComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new SlaRefusal("sla.refusal.alert.comment");
        }
        String c = comment.strip();
        return c.length() <= 1000 ? c : c.substring(0, 1000);
    }

    /**
     * Why this alert should no longer go out to anyone, if it went stale since it was raised: a
     * text code ({@link SlaText}) for the delivery to keep, shown in its reader's language.
     */
    public Optional<String> staleness(SlaClock clock) {
        if (acknowledgedAt != null) {
            return Optional.of(SlaText.of("stale.acknowledged", SlaText.text(acknowledgedBy), SlaText.time(getAcknowledgedAt())).encoded());
        }
        if (clock.getState() == ClockState.MET) {
            return Optional.of(SlaText.of("stale.met", SlaText.time(clock.getCountdown().getMetAt())).encoded());
        }
        if (clock.getDeadlineVersion() != deadlineVersion) {
            return Optional.of(SlaText.of("stale.revised", SlaText.text(String.valueOf(clock.getDeadlineVersion()))).encoded());
        }
        return Optional.empty();
    }

    /** As {@link #staleness(SlaClock)}; the delivery still passes the desk's zone, which the stored code no longer needs. */
    public Optional<String> staleness(SlaClock clock, ZoneId zone) {
        return staleness(clock);
    }

    /** Breach alerts are never held by quiet hours; at-risk warnings and reminders are. */
    public boolean breach() {
        return AlertSchedule.BREACH.equals(level);
    }

    public Long getId() {
        return id;
    }

    public long getClockId() {
        return clockId;
    }

    public String getDemandNumber() {
        return demandNumber;
    }

    public String getPolicyCode() {
        return policyCode;
    }

    public String getLevel() {
        return level;
    }

    public int getDeadlineVersion() {
        return deadlineVersion;
    }

    public Instant getDeadlineAt() {
        return Utc.instant(deadlineAt);
    }

    public Instant getRaisedAt() {
        return Utc.instant(raisedAt);
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    /** The timeline that explains the alert, one event a line, in {@code locale} with times in {@code zone}. */
    public String explanation(Locale locale, ZoneId zone) {
        return Explanation.render(explanation, locale, zone);
    }

    public Instant getAcknowledgedAt() {
        return Utc.instant(acknowledgedAt);
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public String getAckComment() {
        return ackComment;
    }
}
