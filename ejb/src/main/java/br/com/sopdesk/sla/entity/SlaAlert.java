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

/**
 * The ledger of alerts: one row per (demand, policy, level, deadline version), enforced by a unique
 * constraint in the database, so neither a restart, a redeploy nor two instances scanning at once
 * can raise the same alert twice. A changed deadline has a new version and so new levels. The row
 * carries its own explanation (the clock's timeline when it was raised) and its acknowledgement.
 */
@Entity
@Table(name = "sla_alert")
@NamedQuery(name = SlaAlert.LATEST, query = "select a from SlaAlert a order by a.raisedAt desc, a.id desc")
@NamedQuery(name = SlaAlert.OPEN, query = "select a from SlaAlert a where a.acknowledgedAt is null order by a.raisedAt desc, a.id desc")
@NamedQuery(name = SlaAlert.OF_DEMAND, query = "select a from SlaAlert a where a.demandNumber = :demand order by a.raisedAt, a.id")
@NamedQuery(name = SlaAlert.EXISTS, query = """
        select count(a) from SlaAlert a where a.demandNumber = :demand and a.policyCode = :policy
        and a.level = :level and a.deadlineVersion = :version""")
public class SlaAlert {

    public static final String LATEST = "SlaAlert.latest";
    public static final String OPEN = "SlaAlert.open";
    public static final String OF_DEMAND = "SlaAlert.ofDemand";
    public static final String EXISTS = "SlaAlert.exists";

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

    public SlaAlert(SlaClock clock, String level, Instant now, String instance, String explanation) {
        this.clockId = clock.getId();
        this.demandNumber = clock.getDemandNumber();
        this.policyCode = clock.getPolicyCode();
        this.level = level;
        this.deadlineVersion = clock.getDeadlineVersion();
        this.deadlineAt = Utc.of(clock.getDeadlineAt());
        this.raisedAt = Utc.of(now);
        this.raisedBy = instance.length() <= 120 ? instance : instance.substring(0, 120);
        this.explanation = explanation.length() <= 4000 ? explanation : explanation.substring(0, 3997) + "...";
    }

    /** A supervisor saw it; the comment says what was done. */
    public void acknowledge(String by, String comment, Instant at) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Escreva um comentário para reconhecer o alerta.");
        }
        if (acknowledgedAt != null) {
            throw new IllegalStateException("Este alerta já foi reconhecido por " + acknowledgedBy + ".");
        }
        this.acknowledgedBy = by;
        this.ackComment = comment.strip().length() <= 1000 ? comment.strip() : comment.strip().substring(0, 1000);
        this.acknowledgedAt = Utc.of(at);
    }

    /** Breach alerts are never held by quiet hours; at-risk warnings and reminders are. */
    public boolean breach() {
        return SlaClock.BREACH.equals(level);
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

    public String getExplanation() {
        return explanation;
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
