package br.com.sopdesk.security.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The wait between guesses of one user name from one client address: the first
 * {@code freeFailures} failures within {@code window} cost nothing, then each further failure
 * doubles the wait after it, from {@code firstDelay} up to {@code maxDelay}. The wait runs from the
 * newest failure; attempts refused meanwhile are not counted, so it always ends, and once the
 * failures leave the window the name and address start afresh.
 */
public record GrowingDelay(int freeFailures, Duration firstDelay, Duration maxDelay, Duration window) {

    public GrowingDelay {
        if (freeFailures < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("tentativas livres, esperas e janela devem ser positivas");
        }
    }

    /** How many of the newest failures {@link #retryAfter} needs to see: past these the wait no longer grows. */
    public int failuresNeeded() {
        int doublings = 0;
        for (Duration d = firstDelay; d.compareTo(maxDelay) < 0 && doublings < 62; d = d.multipliedBy(2)) {
            doublings++;
        }
        return freeFailures + doublings + 1;
    }

    /** How long until the next try, given the recent failures newest first; empty when it may try now. */
    public Optional<Duration> retryAfter(List<Instant> failuresNewestFirst, Instant now) {
        Instant since = now.minus(window);
        List<Instant> inWindow = failuresNewestFirst.stream().filter(at -> at.isAfter(since)).toList();
        if (inWindow.size() <= freeFailures) {
            return Optional.empty();
        }
        Duration wait = delayAfter(inWindow.size());
        Duration left = Duration.between(now, inWindow.get(0).plus(wait));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** The wait after the {@code failures}-th failure in the window (zero while free). */
    public Duration delayAfter(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        Duration d = firstDelay;
        for (int i = freeFailures + 1; i < failures && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) < 0 ? d : maxDelay;
    }
}
