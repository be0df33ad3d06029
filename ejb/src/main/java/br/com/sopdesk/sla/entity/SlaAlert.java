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
 * carries its own explanation (the clock's timeline when it was raised, its start and latest events
 * kept when it is long) and its acknowledgement, taken by a conditional update so that of two
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
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

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
        this.explanation = fit(explanation, MAX_EXPLANATION);
    }

    /**
     * Fits a timeline (one event a line, oldest first) into {@code max} characters keeping what
     * explains the alert: the first line (the demand's creation) and as many of the latest lines
     * as fit (they hold the due time and the alert), the middle replaced by a marker.
     */
    static String fit(String timeline, int max) {
        if (timeline.length() <= max) {
            return timeline;
        }
        String[] lines = timeline.split("\n", -1);
        String first = lines[0];
        java.util.Deque<String> tail = new java.util.ArrayDeque<>();
        int used = first.length();
        int reserve = 60;
        int i = lines.length - 1;
        for (; i > 0; i--) {
            if (used + 1 + lines[i].length() + reserve > max) {
                break;
            }
            tail.addFirst(lines[i]);
            used += 1 + lines[i].length();
        }
        if (tail.isEmpty() || first.length() + reserve > max) {
            // a single line longer than the column: keep its start and the very end
            int half = (max - 10) / 2;
            return timeline.substring(0, half) + "\n[…]\n" + timeline.substring(timeline.length() - (max - 10 - half));
        }
        String marker = "[… " + i + " evento(s) omitido(s) …]";
        return first + "\n" + marker + "\n" + String.join("\n", tail);
    }

    /**
     * The comment of an acknowledgement, checked and trimmed (at most 1,000 characters); the
     * acknowledgement itself is the conditional update {@link #ACKNOWLEDGE}.
     */
    public static String acknowledgementComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Escreva um comentário para reconhecer o alerta.");
        }
        String c = comment.strip();
        return c.length() <= 1000 ? c : c.substring(0, 1000);
    }

    /** Why this alert should no longer go out to anyone, if it went stale since it was raised. */
    public java.util.Optional<String> staleness(SlaClock clock, java.time.ZoneId zone) {
        if (acknowledgedAt != null) {
            return java.util.Optional.of("não enviado: alerta já reconhecido por " + acknowledgedBy + " em "
                    + SHOWN.format(getAcknowledgedAt().atZone(zone)));
        }
        if (clock.getState() == ClockState.MET) {
            return java.util.Optional.of("não enviado: demanda com retorno registrado em " + SHOWN.format(clock.getMetAt().atZone(zone))
                    + ", antes do envio");
        }
        if (clock.getDeadlineVersion() != deadlineVersion) {
            return java.util.Optional.of("não enviado: prazo revisto (versão " + clock.getDeadlineVersion() + ") antes do envio");
        }
        return java.util.Optional.empty();
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
