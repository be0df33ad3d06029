package br.com.sopdesk.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox does wrong on purpose, for demos, tests and benchmarks: a fixed latency on every
 * call, and a fault for the next {@code count} calls of one operation (or of any operation):
 * <ul>
 *   <li>{@code HTTP_500}: an HTTP error, nothing done;</li>
 *   <li>{@code MALFORMED}: a body that is not XML, nothing done;</li>
 *   <li>{@code STATUS_0}: Qualitor's refusal ({@code status 0}), nothing done;</li>
 *   <li>{@code SLOW_ANSWER}: the operation is done, then the answer waits {@code latencyMillis}
 *       (the case where the client gave up but Qualitor created the ticket);</li>
 *   <li>{@code RESET}: the operation is done, then the connection is cut mid-answer;</li>
 *   <li>{@code DOWN}: HTTP 503 on every call until cleared.</li>
 * </ul>
 * Set through {@link ControlResource} or {@link StandaloneSandbox#faults()}; both transports apply them.
 */
public final class Faults {

    public enum Kind { NONE, HTTP_500, MALFORMED, STATUS_0, SLOW_ANSWER, RESET, DOWN }

    private volatile long latencyMillis;
    private volatile Kind kind = Kind.NONE;
    private volatile String operation;
    private final AtomicInteger remaining = new AtomicInteger();

    public synchronized void set(long latencyMillis, Kind kind, int count, String operation) {
        this.latencyMillis = Math.max(0, latencyMillis);
        this.kind = kind;
        this.operation = operation == null || operation.isBlank() ? null : operation;
        this.remaining.set(count);
    }

    public void clear() {
        set(0, Kind.NONE, 0, null);
    }

    /** Latency applied to every call when no fault kind is set (a slow but healthy Qualitor). */
    long baseLatencyMillis() {
        return kind == Kind.NONE ? latencyMillis : 0;
    }

    long faultLatencyMillis() {
        return latencyMillis;
    }

    /** The fault for this call of {@code op}, consuming one of the remaining count; DOWN lasts until cleared. */
    Kind next(String op) {
        Kind k = kind;
        if (k == Kind.NONE || k == Kind.DOWN) {
            return k;
        }
        if (operation != null && !operation.equals(op)) {
            return Kind.NONE;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? k : Kind.NONE;
    }

    /** The answer of a fault that does nothing (HTTP 500, 503 while DOWN, a body that is not XML), or null. */
    static Wire.Response failure(Kind k) {
        return switch (k) {
            case HTTP_500 -> new Wire.Response(500, "text/html; charset=UTF-8", java.util.Map.of(),
                    "<html><body>500 Internal Server Error (sandbox fault)</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            case DOWN -> new Wire.Response(503, "text/html; charset=UTF-8", java.util.Map.of(),
                    "<html><body>503 Service Unavailable (sandbox fault)</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            case MALFORMED -> Wire.Response.xml(200, "<html><body>Fatal error: Allowed memory size exhausted");
            default -> null;
        };
    }

    static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String describe() {
        return "latencyMillis=" + latencyMillis + ", kind=" + kind + ", operation=" + (operation == null ? "*" : operation)
                + ", remaining=" + remaining.get();
    }
}
