package br.com.sopdesk.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleRuleTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    final ThrottleRule rule = new ThrottleRule(3, Duration.ofMinutes(15));

    static Instant minutesAgo(long m) {
        return NOW.minus(Duration.ofMinutes(m));
    }

    @Test
    void belowTheLimitSignInIsOpen() {
        assertTrue(rule.retryAfter(List.of(minutesAgo(1), minutesAgo(2)), NOW).isEmpty());
        assertTrue(rule.retryAfter(List.of(), NOW).isEmpty());
    }

    @Test
    void atTheLimitItClosesUntilTheOldestCountedFailureLeavesTheWindow() {
        // failures 1, 5 and 10 minutes ago: the one 10 minutes ago leaves the window in 5 minutes
        assertEquals(Duration.ofMinutes(5), rule.retryAfter(List.of(minutesAgo(1), minutesAgo(5), minutesAgo(10)), NOW).orElseThrow());
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        assertTrue(rule.retryAfter(List.of(minutesAgo(1), minutesAgo(5), minutesAgo(15), minutesAgo(20)), NOW).isEmpty());
    }

    @Test
    void moreFailuresThanTheLimitWaitForTheLimitthNewest() {
        // with 4 failures, the count drops under 3 only when the third newest (4 minutes ago) leaves
        assertEquals(Duration.ofMinutes(11),
                rule.retryAfter(List.of(minutesAgo(1), minutesAgo(2), minutesAgo(4), minutesAgo(14)), NOW).orElseThrow());
    }

    @Test
    void theLockOutEnds() {
        List<Instant> failures = List.of(minutesAgo(1), minutesAgo(2), minutesAgo(3));
        Duration wait = rule.retryAfter(failures, NOW).orElseThrow();
        assertTrue(rule.retryAfter(failures, NOW.plus(wait)).isEmpty(), "open once the window slid past");
        assertTrue(rule.retryAfter(failures, NOW.plus(wait).minusSeconds(1)).isPresent(), "still closed a second before");
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ThrottleRule(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new ThrottleRule(3, Duration.ZERO));
    }
}
