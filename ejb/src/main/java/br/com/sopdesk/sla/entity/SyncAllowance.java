package br.com.sopdesk.sla.entity;

import java.time.Duration;

/**
 * How many Qualitor calls the SLA reads of the whole group may make: {@code callsPerSecond} on
 * average, at most {@code burst} worth of them at once (zero or less: no limit). A read the budget
 * denies, even one someone asked for, waits {@code deferral} times its cadence's wait, so a desk too
 * big for its budget does not claim the same clocks again every scan only to deny them.
 */
public record SyncAllowance(double callsPerSecond, Duration burst, int deferral) {

    /** Calls per read of a demand: its data and its history. */
    public static final int CALLS_PER_READ = 2;

    public static final SyncAllowance UNLIMITED = new SyncAllowance(0, Duration.ZERO, 1);

    public boolean unlimited() {
        return callsPerSecond <= 0;
    }

    /** The calls the budget may hold unspent. */
    public double capacity() {
        return Math.max(CALLS_PER_READ, callsPerSecond * burst.toMillis() / 1000.0);
    }

    /** How long a denied read waits, given the wait its cadence gives now. */
    public Duration deferred(Duration cadenceWait) {
        return cadenceWait.multipliedBy(Math.max(1, deferral));
    }
}
