package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.persistence.annotations.Cache;

/**
 * An SLA policy administrators configure: how long Relacionamento has to return to the customer,
 * whether the time counts in calendar or business hours, the Qualitor situations that pause the
 * clock (waiting for the customer), when a clock is "at risk", and how often a breach is recalled.
 * Clocks copy the policy when they start, so editing a policy never moves a running deadline.
 * Read on every submission and cached per instance for up to 30 s (a change made on another instance is seen within that time).
 */
@Entity
@Cacheable
@Cache(expiry = 30_000)
@Table(name = "sla_policy")
@NamedQuery(name = ClockPolicy.ALL, query = "select p from ClockPolicy p order by p.code")
public class ClockPolicy {

    public static final String ALL = "ClockPolicy.all";

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

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
        this.durationMinutes = durationMinutes;
        this.businessHours = businessHours;
        this.workStart = start.toString();
        this.workEnd = end.toString();
        this.pauseSituations = pauseSituations == null || pauseSituations.isBlank() ? null : pauseSituations.strip();
        this.atRiskPercent = atRiskPercent;
        this.reminderMinutes = reminderMinutes;
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

    /** The calendar this policy counts in. */
    public WorkCalendar calendar(ZoneId zone, java.util.function.Predicate<java.time.LocalDate> holidays) {
        return calendarOf(businessHours, workStart, workEnd, zone, holidays);
    }

    static WorkCalendar calendarOf(boolean business, String start, String end, ZoneId zone,
                                   java.util.function.Predicate<java.time.LocalDate> holidays) {
        return business
                ? new WorkCalendar.BusinessHours(zone, LocalTime.parse(start), LocalTime.parse(end), holidays)
                : new WorkCalendar.AllHours();
    }

    /** Whether a Qualitor situation (code or name, accents and case ignored) pauses clocks of this policy. */
    public static boolean listed(String list, String code, String name) {
        if (list == null || list.isBlank()) {
            return false;
        }
        List<String> entries = Arrays.stream(list.split("[,;\\n]")).map(ClockPolicy::plain).filter(s -> !s.isEmpty()).toList();
        return (code != null && entries.contains(plain(code))) || (name != null && entries.contains(plain(name)));
    }

    static String plain(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public boolean isBusinessHours() {
        return businessHours;
    }

    public String getWorkStart() {
        return workStart;
    }

    public String getWorkEnd() {
        return workEnd;
    }

    public String getPauseSituations() {
        return pauseSituations;
    }

    public int getAtRiskPercent() {
        return atRiskPercent;
    }

    public int getReminderMinutes() {
        return reminderMinutes;
    }

    public Instant getUpdatedAt() {
        return Utc.instant(updatedAt);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
