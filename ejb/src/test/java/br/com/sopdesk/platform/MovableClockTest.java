package br.com.sopdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Product time moves only in the test profile, and moves as a test asks. */
class MovableClockTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final Clock fixed = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void isRefusedOutsideTheTestProfile() {
        for (String profile : new String[] {null, "", "prod", "dev", "TEST", " test"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> MovableClock.inProfile(profile));
            assertTrue(e.getMessage().contains("only in the test profile"), e.getMessage());
        }
    }

    @Test
    void theProductClockIsTheSystemClockOutsideTheTestProfile() {
        SystemClock production = new SystemClock();
        production.profile = java.util.Optional.empty();
        production.choose();
        assertTrue(production.movable().isEmpty(), "no movable clock to ask for");
        assertEquals(Clock.systemUTC(), production.clock());

        SystemClock other = new SystemClock();
        other.profile = java.util.Optional.of("prod");
        other.choose();
        assertTrue(other.movable().isEmpty(), "only the test profile has one");

        SystemClock tests = new SystemClock();
        tests.profile = java.util.Optional.of("test");
        tests.choose();
        assertTrue(tests.movable().isPresent());
        assertTrue(tests.clock() instanceof MovableClock);
    }

    @Test
    void movesToAnInstantByADurationAndBack() {
        MovableClock clock = MovableClock.inProfile("test", fixed);
        assertEquals(T0, clock.instant());
        clock.moveBy(Duration.ofMinutes(5));
        assertEquals(T0.plusSeconds(300), clock.instant());
        clock.moveBy(Duration.ofMinutes(1));
        assertEquals(T0.plusSeconds(360), clock.instant());
        clock.moveTo(T0.plusSeconds(30));
        assertEquals(Duration.ofSeconds(30), clock.offset());
        assertEquals(T0.plusSeconds(30).toEpochMilli(), clock.millis());
        Clock inBrasilia = clock.withZone(ZoneId.of("America/Sao_Paulo"));
        clock.reset();
        assertEquals(T0, clock.instant());
        assertEquals(T0, inBrasilia.instant(), "one offset, whichever the zone");
        assertEquals(ZoneId.of("America/Sao_Paulo"), inBrasilia.getZone());
    }
}
