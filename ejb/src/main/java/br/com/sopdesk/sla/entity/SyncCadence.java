package br.com.sopdesk.sla.entity;

import java.time.Duration;

/**
 * How often a clock reads its demand in Qualitor: rarely while the deadline is far, more often as it
 * nears, every {@code last} within the last {@code lastWindow} and for an hour after it.
 */
public record SyncCadence(Duration far, Duration near, Duration nearWindow, Duration last, Duration lastWindow) {

    public static final SyncCadence DEFAULT = new SyncCadence(Duration.ofMinutes(30), Duration.ofMinutes(5),
            Duration.ofHours(2), Duration.ofMinutes(1), Duration.ofMinutes(10));

    /**
     * The wait before the next read, given how long remains until the deadline (negative once
     * breached; for a paused clock, the time it had left when it paused).
     */
    public Duration after(Duration remaining, boolean paused) {
        if (paused) {
            // the time left is frozen; little of it means a resume soon matters
            return remaining.compareTo(lastWindow) <= 0 ? last : near;
        }
        if (remaining.compareTo(lastWindow) <= 0 && remaining.compareTo(Duration.ofHours(-1)) >= 0) {
            return last;
        }
        if (remaining.compareTo(nearWindow) <= 0) {
            return near;
        }
        Duration half = remaining.minus(nearWindow);
        return half.compareTo(far) < 0 ? (half.compareTo(near) < 0 ? near : half) : far;
    }
}
