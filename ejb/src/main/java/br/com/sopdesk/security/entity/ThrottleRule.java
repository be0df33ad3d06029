package br.com.sopdesk.security.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The login throttle's sliding window: at most {@code limit} failures within {@code window}. Once
 * the limit is reached, sign-in is refused (even with the right password) until the oldest of those
 * failures leaves the window. Refused attempts are not counted, so the lock-out always ends.
 */
public record ThrottleRule(int limit, Duration window) {

    public ThrottleRule {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limite e janela devem ser positivos");
        }
    }

    /**
     * How long sign-in stays closed, given the recent failures newest first (at least the last
     * {@code limit} of them); empty when it is open.
     */
    public Optional<Duration> retryAfter(List<Instant> failuresNewestFirst, Instant now) {
        Instant since = now.minus(window);
        List<Instant> inWindow = failuresNewestFirst.stream().filter(at -> at.isAfter(since)).toList();
        if (inWindow.size() < limit) {
            return Optional.empty();
        }
        Instant opens = inWindow.get(limit - 1).plus(window);
        Duration left = Duration.between(now, opens);
        return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
    }
}
