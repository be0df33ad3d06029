package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A clock's deadline, its pauses and how it ended: while Qualitor waits for the customer the time
 * left is kept in the clock's calendar, and a resume sets a new deadline under a new version (which
 * re-arms the alert levels and keys the alert ledger); then it is breached, met, or both (met late).
 * Changed only through its {@link SlaClock}.
 */
@Embeddable
public class Countdown {

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

    protected Countdown() {
    }

    static Countdown until(Instant deadline) {
        Countdown c = new Countdown();
        c.deadlineAt = Utc.of(deadline);
        c.deadlineVersion = 1;
        return c;
    }

    /** Stops counting at {@code now}, keeping the time left in {@code calendar}. */
    void pause(Instant now, WorkCalendar calendar) {
        pausedAt = Utc.of(now);
        remainingSeconds = calendar.between(now, getDeadlineAt()).getSeconds();
    }

    /** Counts again from {@code now}: a new deadline, a new version. Returns how long it stood still. */
    Duration resume(Instant now, WorkCalendar calendar) {
        Duration paused = Duration.between(getPausedAt(), now);
        deadlineAt = Utc.of(calendar.plus(now, Duration.ofSeconds(remainingSeconds)));
        deadlineVersion++;
        pausedAt = null;
        remainingSeconds = null;
        return paused;
    }

    /** Met at {@code at} while it stood still: the time left at the pause was never used. */
    void metWhilePaused(Instant at, WorkCalendar calendar) {
        if (pausedAt != null && remainingSeconds != null && !at.isBefore(getPausedAt())) {
            deadlineAt = Utc.of(calendar.plus(at, Duration.ofSeconds(remainingSeconds)));
        }
    }

    /** Met at {@code at}: nothing counts any more. */
    void met(Instant at) {
        metAt = Utc.of(at);
        pausedAt = null;
        remainingSeconds = null;
    }

    /** The breach alert went out for this deadline. */
    void breached() {
        breachedAt = deadlineAt;
    }

    /** Whether it was met after the deadline. */
    boolean metLate() {
        return metAt != null && metAt.isAfter(deadlineAt);
    }

    /** Time left until the deadline (negative once past; the frozen remainder while paused). */
    Duration remaining(Instant now) {
        return pausedAt != null && remainingSeconds != null ? Duration.ofSeconds(remainingSeconds) : Duration.between(now, getDeadlineAt());
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
}
