package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.annotations.CacheCoordinationType;

/**
 * An SLA policy administrators configure: how long Relacionamento has to return to the customer,
 * whether the time counts in calendar or business hours, the Qualitor situations that pause the
 * clock (waiting for the customer), when a clock is "at risk", and how often a breach is recalled.
 * Clocks copy the policy when they start, so editing a policy never moves a running deadline.
 * Read on every submission and cached per instance; a change made on another instance invalidates the copy here through the data grid (cache coordination), and the copy expires after 30 s should a message be lost.
 */
@Entity
@Cacheable
@Cache(expiry = 30_000, coordinationType = CacheCoordinationType.INVALIDATE_CHANGED_OBJECTS)
@Table(name = "sla_policy")
@NamedQuery(name = ClockPolicy.ALL, query = "select p from ClockPolicy p order by p.code")
public class ClockPolicy {

    public static final String ALL = "ClockPolicy.all";

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Embedded
    private PolicyRules rules;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected ClockPolicy() {
    }

    public ClockPolicy(String code) {
        this.code = Objects.requireNonNull(code);
    }

    /**
     * Sets every rule at once, refusing an inconsistent policy with a message an administrator
     * understands ({@link SlaRefusal}).
     */
    public void define(String name, int durationMinutes, boolean businessHours, String workStart, String workEnd,
                       String pauseSituations, int atRiskPercent, int reminderMinutes, String by, Instant at) {
        if (name == null || name.isBlank()) {
            throw new SlaRefusal("sla.refusal.policy.name");
        }
        if (durationMinutes < 1 || durationMinutes > 60 * 24 * 90) {
            throw new SlaRefusal("sla.refusal.policy.duration");
        }
        if (atRiskPercent < 1 || atRiskPercent > 99) {
            throw new SlaRefusal("sla.refusal.policy.atRisk");
        }
        if (reminderMinutes < 0) {
            throw new SlaRefusal("sla.refusal.policy.reminder");
        }
        LocalTime start = parseTime(workStart);
        LocalTime end = parseTime(workEnd);
        if (!end.isAfter(start)) {
            throw new SlaRefusal("sla.refusal.policy.hours");
        }
        this.name = name.strip();
        this.rules = new PolicyRules(durationMinutes, businessHours, start.toString(), end.toString(),
                pauseSituations == null || pauseSituations.isBlank() ? null : pauseSituations.strip(), atRiskPercent, reminderMinutes);
        this.updatedBy = by;
        this.updatedAt = Utc.of(at);
    }

    private static LocalTime parseTime(String hhmm) {
        try {
            return LocalTime.parse(hhmm == null ? "" : hhmm.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new SlaRefusal("sla.refusal.policy.time", SlaText.text(String.valueOf(hhmm)));
        }
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** The policy's rules (copied into each clock it starts). */
    public PolicyRules getRules() {
        return rules;
    }

    public Instant getUpdatedAt() {
        return Utc.instant(updatedAt);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
