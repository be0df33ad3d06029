package br.com.sopdesk.outbox.entity;

import java.time.Duration;

/**
 * How long a delivery waits after a failure that may pass: {@code first} doubled at each attempt, at
 * most {@code max}; after {@code maxAttempts} attempts (0: never) it gives up as refused.
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {

    /** The wait after the attempt numbered {@code attempts} (1 for the first) failed. */
    public Duration after(int attempts) {
        long seconds = first.toSeconds() << Math.min(Math.max(attempts, 0), 16);
        return Duration.ofSeconds(Math.min(max.toSeconds(), seconds));
    }

    /** Whether the delivery gives up after the attempt numbered {@code attempts}. */
    public boolean givesUpAfter(int attempts) {
        return maxAttempts > 0 && attempts >= maxAttempts;
    }
}
