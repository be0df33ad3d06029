package br.com.sopdesk.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowingDelayTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    final GrowingDelay rule = new GrowingDelay(3, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(15));

    /** {@code n} failures, the newest {@code secondsAgo} before NOW, one second apart. */
    static List<Instant> failures(int n, long secondsAgo) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(NOW.minusSeconds(secondsAgo + i));
        }
        return out;
    }

    @Test
    void theFirstFailuresAreFree() {
        assertTrue(rule.retryAfter(List.of(), NOW).isEmpty());
        assertTrue(rule.retryAfter(failures(3, 0), NOW).isEmpty());
    }

    @Test
    void eachFurtherFailureDoublesTheWaitAfterTheNewestUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(5), rule.retryAfter(failures(4, 0), NOW).orElseThrow());
        assertEquals(Duration.ofSeconds(10), rule.retryAfter(failures(5, 0), NOW).orElseThrow());
        assertEquals(Duration.ofSeconds(20), rule.retryAfter(failures(6, 0), NOW).orElseThrow());
        assertEquals(Duration.ofSeconds(40), rule.retryAfter(failures(7, 0), NOW).orElseThrow());
        assertEquals(Duration.ofSeconds(60), rule.retryAfter(failures(8, 0), NOW).orElseThrow());
        assertEquals(Duration.ofSeconds(60), rule.retryAfter(failures(50, 0), NOW).orElseThrow());
    }

    @Test
    void theWaitRunsFromTheNewestFailureAndEnds() {
        assertEquals(Duration.ofSeconds(7), rule.retryAfter(failures(6, 13), NOW).orElseThrow());
        assertTrue(rule.retryAfter(failures(6, 20), NOW).isEmpty(), "20 seconds after the sixth failure");
    }

    @Test
    void failuresOutsideTheWindowNoLongerCount() {
        List<Instant> old = failures(10, 15 * 60);
        assertTrue(rule.retryAfter(old, NOW).isEmpty());
        List<Instant> mixed = new ArrayList<>(failures(4, 0));
        mixed.addAll(old);
        assertEquals(Duration.ofSeconds(5), rule.retryAfter(mixed, NOW).orElseThrow(), "only the four recent ones count");
    }

    @Test
    void itNeedsToSeeOnlyTheFailuresThatStillGrowTheWait() {
        // 3 free, then 5, 10, 20, 40, 60: the ninth newest no longer changes anything
        assertEquals(8, rule.failuresNeeded());
        assertEquals(Duration.ofSeconds(60), rule.retryAfter(failures(rule.failuresNeeded(), 0), NOW).orElseThrow());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GrowingDelay(-1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new GrowingDelay(3, Duration.ZERO, Duration.ofSeconds(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new GrowingDelay(3, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(1)));
    }
}
