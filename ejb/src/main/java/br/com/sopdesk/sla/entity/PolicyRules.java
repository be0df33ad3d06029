package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The rules of an SLA policy, kept once for the policy administrators edit ({@link ClockPolicy}) and
 * for the copy each clock starts with ({@link PolicySnapshot}), in the same columns: the calendar,
 * the deadline from a start, the at-risk point, the pausing situations and the reminder interval.
 */
@Embeddable
public class PolicyRules {

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

    protected PolicyRules() {
    }

    PolicyRules(int durationMinutes, boolean businessHours, String workStart, String workEnd, String pauseSituations,
                int atRiskPercent, int reminderMinutes) {
        this.durationMinutes = durationMinutes;
        this.businessHours = businessHours;
        this.workStart = workStart;
        this.workEnd = workEnd;
        this.pauseSituations = pauseSituations;
        this.atRiskPercent = atRiskPercent;
        this.reminderMinutes = reminderMinutes;
    }

    /** A copy of these rules (an embeddable belongs to one owner). */
    PolicyRules copy() {
        return new PolicyRules(durationMinutes, businessHours, workStart, workEnd, pauseSituations, atRiskPercent, reminderMinutes);
    }

    /** The calendar the rules count in. */
    public WorkCalendar calendar(ZoneId zone, Predicate<LocalDate> holidays) {
        return businessHours
                ? new WorkCalendar.BusinessHours(zone, LocalTime.parse(workStart), LocalTime.parse(workEnd), holidays)
                : new WorkCalendar.AllHours();
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    /** The deadline of a clock started at {@code from}. */
    public Instant deadline(WorkCalendar calendar, Instant from) {
        return calendar.plus(from, duration());
    }

    /** The instant a clock becomes at risk: the policy's share of its time before {@code deadline}. */
    public Instant atRiskAt(WorkCalendar calendar, Instant deadline) {
        return calendar.minus(deadline, duration().multipliedBy(100 - atRiskPercent).dividedBy(100));
    }

    /** Whether Qualitor waiting in this situation (code or name) pauses the clock. */
    public boolean pausesOn(String situationCode, String situationName) {
        return listed(pauseSituations, situationCode, situationName);
    }

    /** How often a breach is recalled; zero when it is not. */
    public Duration reminderEvery() {
        return Duration.ofMinutes(Math.max(0, reminderMinutes));
    }

    /** Whether a Qualitor situation (code or name, accents and case ignored) is in a list of them. */
    public static boolean listed(String list, String code, String name) {
        if (list == null || list.isBlank()) {
            return false;
        }
        List<String> entries = Arrays.stream(list.split("[,;\\n]")).map(PolicyRules::plain).filter(s -> !s.isEmpty()).toList();
        return (code != null && entries.contains(plain(code))) || (name != null && entries.contains(plain(name)));
    }

    static String plain(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    public int getDurationMinutes() {
        return durationMinutes;
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
}
