package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Which alert level a clock raises next and when: at risk, then the breach at the deadline, then a
 * reminder every interval of its policy. A clock found long after its breach gets one reminder,
 * not every one it missed. Changed only through its {@link SlaClock}.
 */
@Embeddable
public class AlertSchedule {

    public static final String AT_RISK = "AT_RISK";
    public static final String BREACH = "BREACH";
    public static final String REMINDER = "REMINDER";

    @Column(name = "next_level")
    private String nextLevel;

    @Column(name = "next_alert_at")
    private LocalDateTime nextAlertAt;

    @Column(name = "reminders_sent")
    private int remindersSent;

    /** Arms the levels for a (new) deadline: at risk first, unless already warned and that time is past. */
    void arm(Instant atRisk, Instant deadline, Instant now, boolean fresh) {
        boolean warnedBefore = !fresh && nextLevel != null && !AT_RISK.equals(nextLevel);
        if (atRisk.isAfter(now) || !warnedBefore) {
            next(AT_RISK, atRisk);
        } else {
            next(BREACH, deadline);
        }
    }

    /**
     * The level due at {@code now} ({@code AT_RISK}, {@code BREACH}, {@code REMINDER_n}), if any. An
     * at-risk warning whose deadline has already passed is skipped: the breach says more.
     */
    Optional<String> due(Instant now, Instant deadline) {
        if (nextAlertAt == null || getNextAlertAt().isAfter(now)) {
            return Optional.empty();
        }
        if (AT_RISK.equals(nextLevel) && !deadline.isAfter(now)) {
            next(BREACH, deadline);
        }
        return Optional.of(REMINDER.equals(nextLevel) ? REMINDER + "_" + (remindersSent + 1) : nextLevel);
    }

    /** Moves past a level once its alert is in the ledger. */
    void passed(String level, Instant deadline, Instant now, Duration every) {
        if (level.equals(AT_RISK)) {
            next(BREACH, deadline);
        } else if (level.equals(BREACH)) {
            remind(1, deadline, now, every);
        } else if (level.startsWith(REMINDER)) {
            remind(Integer.parseInt(level.substring(REMINDER.length() + 1)) + 1, deadline, now, every);
        }
    }

    /**
     * Plans reminder {@code n}, or the first one still ahead of {@code now}; {@code remindersSent}
     * keeps the number of the reminder slots already behind.
     */
    private void remind(int n, Instant deadline, Instant now, Duration every) {
        if (every.isZero()) {
            stop();
            return;
        }
        long behind = Duration.between(deadline, now).dividedBy(every);
        int slot = (int) Math.max(n, behind + 1);
        remindersSent = slot - 1;
        next(REMINDER, deadline.plus(every.multipliedBy(slot)));
    }

    private void next(String level, Instant at) {
        nextLevel = level;
        nextAlertAt = Utc.of(at);
    }

    /** No alert while the clock stands still; the level stays, so a resume knows what was warned. */
    void hold() {
        nextAlertAt = null;
    }

    void stop() {
        nextLevel = null;
        nextAlertAt = null;
    }

    /** Whether the breach is the level due at {@code now}. */
    boolean breachDue(Instant now, Instant deadline) {
        return nextAlertAt != null && !getNextAlertAt().isAfter(now)
                && (BREACH.equals(nextLevel) || (AT_RISK.equals(nextLevel) && !deadline.isAfter(now)));
    }

    /** Whether the at-risk warning is still ahead of {@code now}. */
    boolean warningAhead(Instant now) {
        return AT_RISK.equals(nextLevel) && nextAlertAt != null && getNextAlertAt().isAfter(now);
    }

    public String getNextLevel() {
        return nextLevel;
    }

    public Instant getNextAlertAt() {
        return Utc.instant(nextAlertAt);
    }

    public int getRemindersSent() {
        return remindersSent;
    }
}
