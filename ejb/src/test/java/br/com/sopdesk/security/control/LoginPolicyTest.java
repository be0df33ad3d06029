package br.com.sopdesk.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.security.entity.GrowingDelay;
import br.com.sopdesk.security.entity.ThrottleRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sign-in policy as the throttle applies it, with the product clock moved by hand: the
 * failures it stores are kept here in memory, newest first, as the database query returns them.
 */
class LoginPolicyTest {

    /** A clock the test moves. */
    static final class MovedClock extends Clock {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovedClock clock = new MovedClock();
    // the defaults: 3 free failures, then 5 s doubling up to 15 min; 30 per address; 15-minute window
    final LoginPolicy policy = new LoginPolicy(new GrowingDelay(3, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofMinutes(15)),
            new ThrottleRule(30, Duration.ofMinutes(15)), clock);
    final Map<String, List<Instant>> failures = new HashMap<>();

    Optional<Duration> wait(String name, String address) {
        return policy.wait(recent("p:" + address + " " + name), recent("a:" + address));
    }

    List<Instant> recent(String key) {
        Instant since = clock.instant().minus(policy.window());
        return failures.getOrDefault(key, List.of()).stream().filter(at -> at.isAfter(since)).toList();
    }

    /** A wrong password, if the policy lets the attempt through; answers whether it did. */
    boolean guess(String name, String address) {
        if (wait(name, address).isPresent()) {
            return false; // refused attempts are not counted
        }
        failures.computeIfAbsent("p:" + address + " " + name, k -> new ArrayList<>()).add(0, clock.instant());
        failures.computeIfAbsent("a:" + address, k -> new ArrayList<>()).add(0, clock.instant());
        return true;
    }

    @Test
    void guessingFromOneAddressWaitsLongerAfterEachFailure() {
        for (int i = 0; i < 3; i++) {
            assertTrue(guess("admin", "203.0.113.9"));
        }
        assertTrue(wait("admin", "203.0.113.9").isEmpty(), "three failures are free");
        assertTrue(guess("admin", "203.0.113.9"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), wait("admin", "203.0.113.9"));
        clock.move(Duration.ofSeconds(4));
        assertFalse(guess("admin", "203.0.113.9"), "refused while waiting, and not counted");
        clock.move(Duration.ofSeconds(1));
        assertTrue(guess("admin", "203.0.113.9"));
        assertEquals(Optional.of(Duration.ofSeconds(10)), wait("admin", "203.0.113.9"));
        clock.move(Duration.ofSeconds(10));
        assertTrue(guess("admin", "203.0.113.9"));
        assertEquals(Optional.of(Duration.ofSeconds(20)), wait("admin", "203.0.113.9"));
    }

    @Test
    void theAccountItselfIsNeverLockedForOthers() {
        for (int i = 0; i < 8; i++) {
            guess("admin", "203.0.113.9");
            clock.move(wait("admin", "203.0.113.9").orElse(Duration.ZERO));
        }
        assertTrue(wait("admin", "198.51.100.20").isEmpty(), "the real admin, from their own address, signs in at once");
        assertTrue(wait("agent", "203.0.113.9").isEmpty(), "another name from the same address is not slowed by this one");
    }

    @Test
    void theWaitNeverPassesTheCeilingAndEndsWithTheWindow() {
        for (int i = 0; i < 20; i++) {
            clock.move(wait("admin", "203.0.113.9").orElse(Duration.ZERO));
            guess("admin", "203.0.113.9");
        }
        Duration left = wait("admin", "203.0.113.9").orElseThrow();
        assertTrue(left.compareTo(Duration.ofMinutes(15)) <= 0, left.toString());
        clock.move(Duration.ofMinutes(15));
        assertTrue(wait("admin", "203.0.113.9").isEmpty(), "fifteen quiet minutes later it starts afresh");
    }

    @Test
    void anAddressGuessingManyNamesHitsItsCeilingForEveryName() {
        for (int i = 0; i < 30; i++) {
            assertTrue(guess("nome-" + i, "203.0.113.9"));
            clock.move(Duration.ofSeconds(1));
        }
        Duration left = wait("agent", "203.0.113.9").orElseThrow();
        assertEquals(Duration.ofMinutes(15).minusSeconds(30), left, "until the oldest of the 30 leaves the window");
        assertTrue(wait("agent", "198.51.100.20").isEmpty(), "other addresses are not touched");
        clock.move(left);
        assertTrue(wait("agent", "203.0.113.9").isEmpty());
    }
}
