package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncCadenceTest {

    private final SyncCadence cadence = SyncCadence.DEFAULT;  // far 30 min, near 5 min within 2 h, last 1 min within 10 min

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void farFromTheDeadlineReadsRarely() {
        assertEquals(min(30), cadence.after(Duration.ofHours(20), false));
        assertEquals(min(30), cadence.after(Duration.ofHours(2).plusMinutes(30), false));
    }

    @Test
    void approachingTheNearWindowWakesWhenItStarts() {
        // 2 h 10 min left: read again in 10 min, when the near window begins.
        assertEquals(min(10), cadence.after(Duration.ofHours(2).plusMinutes(10), false));
        // Never more often than the near cadence while still far.
        assertEquals(min(5), cadence.after(Duration.ofHours(2).plusMinutes(1), false));
    }

    @Test
    void nearTheDeadlineReadsEveryFewMinutes() {
        assertEquals(min(5), cadence.after(Duration.ofHours(2), false));
        assertEquals(min(5), cadence.after(Duration.ofMinutes(11), false));
    }

    @Test
    void inTheLastWindowAndForAnHourAfterTheBreachReadsEveryMinute() {
        assertEquals(min(1), cadence.after(min(10), false));
        assertEquals(min(1), cadence.after(min(1), false));
        assertEquals(min(1), cadence.after(Duration.ZERO, false));
        assertEquals(min(1), cadence.after(min(-30), false));
        assertEquals(min(1), cadence.after(min(-60), false));
    }

    @Test
    void longAfterTheBreachReadsLessAndLessOftenUpToHourly() {
        assertEquals(min(5), cadence.after(min(-61), false));
        assertEquals(min(5), cadence.after(min(-70), false));
        assertEquals(min(15), cadence.after(min(-90), false));
        assertEquals(min(45), cadence.after(min(-150), false));
        assertEquals(min(60), cadence.after(min(-180), false));
        assertEquals(min(60), cadence.after(Duration.ofDays(-3), false), "an unmet demand left for days: hourly, not every 5 min");
        SyncCadence slow = new SyncCadence(min(30), min(5), Duration.ofHours(2), min(1), min(10), Duration.ofHours(6));
        assertEquals(Duration.ofHours(6), slow.after(Duration.ofDays(-3), false));
    }

    @Test
    void pausedClocksReadAtTheNearCadenceUnlessLittleWasLeftWhenTheyPaused() {
        assertEquals(min(5), cadence.after(Duration.ofHours(20), true));
        assertEquals(min(5), cadence.after(min(11), true));
        assertEquals(min(1), cadence.after(min(3), true));
    }

    @Test
    void customCadence() {
        SyncCadence c = new SyncCadence(Duration.ofHours(1), min(10), Duration.ofHours(4), min(2), min(30));
        assertEquals(Duration.ofHours(1), c.after(Duration.ofHours(8), false));
        assertEquals(min(40), c.after(Duration.ofHours(4).plusMinutes(40), false));
        assertEquals(min(10), c.after(Duration.ofHours(3), false));
        assertEquals(min(2), c.after(min(30), false));
    }
}
