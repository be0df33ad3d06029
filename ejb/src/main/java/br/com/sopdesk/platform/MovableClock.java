package br.com.sopdesk.platform;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Product time that an integration test moves instead of sleeping: the system clock plus an
 * offset. It exists only in the test profile ({@code mp.config.profile=test}); asked for in any
 * other profile it refuses, so a production or demo server can never run on moved time. It is
 * serializable only because view beans hold the product clock; a copy read back from a passivated
 * session keeps the offset it had then.
 */
public final class MovableClock extends Clock implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The one MicroProfile Config profile in which product time may move. */
    public static final String TEST_PROFILE = "test";

    private final Clock base;
    /** Shared with the same clock in other zones ({@link #withZone}). */
    private final AtomicReference<Duration> offset;

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** A movable clock over the system clock, if {@code profile} is the test profile; refused otherwise. */
    public static MovableClock inProfile(String profile) {
        return inProfile(profile, Clock.systemUTC());
    }

    static MovableClock inProfile(String profile, Clock base) {
        if (!TEST_PROFILE.equals(profile)) {
            throw new IllegalStateException("product time moves only in the test profile, not in " + (profile == null ? "none" : "'" + profile + "'"));
        }
        return new MovableClock(base, new AtomicReference<>(Duration.ZERO));
    }

    /** Product time from now on reads {@code at} (and runs on from there). */
    public void moveTo(Instant at) {
        offset.set(Duration.between(base.instant(), at));
    }

    /** Product time moves by {@code by} (forward when positive). */
    public void moveBy(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Back to the system clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset);
    }
}
