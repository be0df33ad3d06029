package br.com.sopdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.MovableClock;
import br.com.sopdesk.platform.SystemClock;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test clock's endpoint does not exist outside the test profile, and moves product time in it. */
class TestClockResourceTest {

    private static TestClockResource resource(Optional<MovableClock> movable) {
        TestClockResource r = new TestClockResource();
        r.clocks = new SystemClock() {
            @Override
            public Optional<MovableClock> movable() {
                return movable;
            }
        };
        return r;
    }

    @Test
    void answers404OutsideTheTestProfile() {
        TestClockResource r = resource(Optional.empty());
        assertThrows(NotFoundException.class, r::read);
        assertThrows(NotFoundException.class, () -> r.move(new TestClockResource.Move(null, 60L)));
        assertThrows(NotFoundException.class, r::reset);
    }

    @Test
    void movesToAnInstantOrByAnOffsetAndBack() {
        MovableClock clock = MovableClock.inProfile("test");
        TestClockResource r = resource(Optional.of(clock));
        assertEquals(Duration.ofSeconds(90).toMillis(), r.move(new TestClockResource.Move(null, 90L)).offsetMillis());
        assertEquals(Duration.ofSeconds(30).toMillis(), r.move(new TestClockResource.Move(null, 30L)).offsetMillis(), "an offset from the system clock, not added");
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        r.move(new TestClockResource.Move(tomorrow.toString(), null));
        assertTrue(Duration.between(tomorrow, clock.instant()).abs().toSeconds() < 5, clock.instant().toString());
        assertThrows(BadRequestException.class, () -> r.move(new TestClockResource.Move("amanhã", null)));
        assertThrows(BadRequestException.class, () -> r.move(new TestClockResource.Move(tomorrow.toString(), 5L)));
        assertEquals(0, r.reset().offsetMillis());
    }
}
