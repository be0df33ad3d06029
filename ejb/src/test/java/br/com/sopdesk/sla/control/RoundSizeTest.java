package br.com.sopdesk.sla.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoundSizeTest {

    private final RoundSize rounds = new RoundSize(6, 500, 1000);

    @Test
    void aFirstRoundTakesAFewClocksPerWorker() {
        assertEquals(24, rounds.next());
    }

    @Test
    void slowReadsMakeRoundsOfAboutTheTarget() {
        rounds.done(24, 800);  // 200 ms a clock on each of 6 workers
        assertEquals(30, rounds.next(), "6 workers × 1000 ms / 200 ms");
        rounds.done(30, 1000);
        assertEquals(30, rounds.next());
    }

    @Test
    void fastRoundsGrowToTheBatch() {
        rounds.done(24, 12);  // 3 ms a clock: database work only
        assertEquals(500, rounds.next());
    }

    @Test
    void thePaceMovesHalfwayAtEachRound() {
        rounds.done(24, 12);
        rounds.done(500, 16_667);  // reads began: 200 ms a clock
        int after = rounds.next();
        assertTrue(after > 30 && after < 100, "between the two paces: " + after);
        rounds.done(after, after * 200L / 6);
        assertTrue(rounds.next() < after, "closer to the slow pace");
    }

    @Test
    void aRoundNeverTakesFewerThanOneClockPerWorker() {
        rounds.done(6, 60_000);  // a read that hung for a minute
        assertEquals(6, rounds.next());
    }

    @Test
    void aRoundSmallerThanTheWorkersCountsOneWorkerPerClock() {
        rounds.done(2, 200);  // two clocks on two workers at once: 200 ms each
        assertEquals(30, rounds.next());
    }

    @Test
    void anEmptyRoundTeachesNothing() {
        rounds.done(0, 5);
        assertEquals(24, rounds.next());
    }
}
