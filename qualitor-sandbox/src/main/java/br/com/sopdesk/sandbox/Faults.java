package br.com.sopdesk.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox does wrong on purpose: a fixed latency on every call, and a fault applied to the
 * next {@code count} calls (HTTP 500, a body that is not XML, or Qualitor's {@code status 0}).
 * Set through {@link ControlResource} by demos, tests and benchmarks.
 */
public final class Faults {

    public enum Kind { NONE, HTTP_500, MALFORMED, STATUS_0, DOWN }

    private volatile long latencyMillis;
    private volatile Kind kind = Kind.NONE;
    private final AtomicInteger remaining = new AtomicInteger();

    public void set(long latencyMillis, Kind kind, int count) {
        this.latencyMillis = Math.max(0, latencyMillis);
        this.kind = kind;
        this.remaining.set(count);
    }

    public void clear() {
        set(0, Kind.NONE, 0);
    }

    long latencyMillis() {
        return latencyMillis;
    }

    /** The fault for this call, consuming one of the remaining count; DOWN lasts until cleared. */
    Kind next() {
        Kind k = kind;
        if (k == Kind.NONE) {
            return k;
        }
        if (k == Kind.DOWN) {
            return k;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? k : Kind.NONE;
    }

    public String describe() {
        return "latencyMillis=" + latencyMillis + ", kind=" + kind + ", remaining=" + remaining.get();
    }
}
