package br.com.sopdesk.sla.entity;

import java.time.Duration;

/**
 * How often a clock reads its demand in Qualitor: rarely while the deadline is far, more often as it
 * nears, every {@code last} within the last {@code lastWindow} and for an hour after it; after that
 * hour a breached clock reads less and less often (half the time past that hour, from {@code near}
 * up to {@code breachedMax}), so demands left unmet for days do not keep Qualitor busy.
 */
public record SyncCadence(Duration far, Duration near, Duration nearWindow, Duration last, Duration lastWindow,
                          Duration breachedMax) {

    private static final Duration HOUR = Duration.ofHours(1);

    public static final SyncCadence DEFAULT = new SyncCadence(Duration.ofMinutes(30), Duration.ofMinutes(5),
            Duration.ofHours(2), Duration.ofMinutes(1), Duration.ofMinutes(10), HOUR);

    /** A cadence whose breached clocks back off up to an hour. */
    public SyncCadence(Duration far, Duration near, Duration nearWindow, Duration last, Duration lastWindow) {
        this(far, near, nearWindow, last, lastWindow, HOUR);
    }

    /**
     * The wait before the next read, given how long remains until the deadline (negative once
     * breached; for a paused clock, the time it had left when it paused).
     */
    public Duration after(Duration remaining, boolean paused) {
        if (paused) {
            // the time left is frozen; little of it means a resume soon matters
            return remaining.compareTo(lastWindow) <= 0 ? last : near;
        }
        if (remaining.compareTo(lastWindow) <= 0 && remaining.compareTo(HOUR.negated()) >= 0) {
            return last;
        }
        if (remaining.isNegative()) {
            Duration grown = remaining.negated().minus(HOUR).dividedBy(2);
            Duration ceiling = breachedMax.compareTo(near) < 0 ? near : breachedMax;
            return grown.compareTo(near) < 0 ? near : grown.compareTo(ceiling) > 0 ? ceiling : grown;
        }
        if (remaining.compareTo(nearWindow) <= 0) {
            return near;
        }
        Duration half = remaining.minus(nearWindow);
        return half.compareTo(far) < 0 ? (half.compareTo(near) < 0 ? near : half) : far;
    }

    /**
     * The wait of a read the budget denied: {@link SyncAllowance#deferred} of the cadence's wait,
     * but never past the moment the clock enters a nearer band (where its read ranks higher), and at
     * least a second. A read someone asked for stays asked for, and waits the same.
     */
    public Duration deferred(Duration remaining, boolean paused, SyncAllowance allowance) {
        Duration wait = allowance.deferred(after(remaining, paused));
        ReadPriority band = band(remaining, paused, false);
        Duration nearer = paused ? null
                : band == ReadPriority.FAR ? remaining.minus(nearWindow)
                : band == ReadPriority.NEAR && remaining.compareTo(lastWindow) > 0 ? remaining.minus(lastWindow) : null;
        if (nearer != null && nearer.compareTo(wait) < 0) {
            wait = nearer;
        }
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    /**
     * How a due read ranks for the budget of Qualitor calls: asked for ({@code asked}), or by the
     * band the clock is in — its last window and the hour after the breach, the near window (and a
     * clock breached longer ago), or far. A clock read already since it entered its last or near
     * window ({@code sinceRead} ago; null: never read) ranks one band lower, so a short budget reads
     * each clock once as it enters the band before reading any again.
     */
    public ReadPriority priority(Duration remaining, boolean paused, boolean asked, Duration sinceRead) {
        ReadPriority band = band(remaining, paused, asked);
        if (paused || sinceRead == null) {
            return band;
        }
        if (band == ReadPriority.LAST && remaining.compareTo(Duration.ZERO) >= 0 && sinceRead.compareTo(lastWindow.minus(remaining)) <= 0) {
            return ReadPriority.NEAR;
        }
        if (band == ReadPriority.NEAR && remaining.compareTo(lastWindow) > 0 && sinceRead.compareTo(nearWindow.minus(remaining)) <= 0) {
            return ReadPriority.FAR;
        }
        return band;
    }

    private ReadPriority band(Duration remaining, boolean paused, boolean asked) {
        if (asked) {
            return ReadPriority.ASKED;
        }
        if (paused) {
            return remaining.compareTo(lastWindow) <= 0 ? ReadPriority.LAST : ReadPriority.NEAR;
        }
        if (remaining.compareTo(lastWindow) <= 0 && remaining.compareTo(HOUR.negated()) >= 0) {
            return ReadPriority.LAST;
        }
        return remaining.compareTo(nearWindow) <= 0 ? ReadPriority.NEAR : ReadPriority.FAR;
    }
}
