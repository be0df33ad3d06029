package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * The copy of a {@link ClockPolicy} a clock starts with, so editing the policy never moves a running
 * deadline: the rules that depend only on it (the calendar, the deadline from a start, the at-risk
 * point, the pausing situations, the reminder interval).
 */
@Embeddable
public class PolicySnapshot {

    @Column(name = "policy_code", nullable = false)
    private String code;

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

    protected PolicySnapshot() {
    }

    public static PolicySnapshot of(ClockPolicy p) {
        PolicySnapshot s = new PolicySnapshot();
        s.code = p.getCode();
        s.durationMinutes = p.getDurationMinutes();
        s.businessHours = p.isBusinessHours();
        s.workStart = p.getWorkStart();
        s.workEnd = p.getWorkEnd();
        s.pauseSituations = p.getPauseSituations();
        s.atRiskPercent = p.getAtRiskPercent();
        s.reminderMinutes = p.getReminderMinutes();
        return s;
    }

    /** The calendar the clock counts in. */
    public WorkCalendar calendar(ZoneId zone, Predicate<LocalDate> holidays) {
        return ClockPolicy.calendarOf(businessHours, workStart, workEnd, zone, holidays);
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
        return ClockPolicy.listed(pauseSituations, situationCode, situationName);
    }

    /** How often a breach is recalled; zero when it is not. */
    public Duration reminderEvery() {
        return Duration.ofMinutes(Math.max(0, reminderMinutes));
    }

    public String getCode() {
        return code;
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
}
