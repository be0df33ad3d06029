package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The group's budget of Qualitor calls: a bucket that fills at the rate, with reserves by priority and breach reads that never wait. */
class SyncBudgetTest {

    static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    /** 50 calls/s, a burst of 20 s: 1,000 calls at most unspent. */
    static final SyncAllowance FIFTY = new SyncAllowance(50, Duration.ofSeconds(20), 12);

    static Instant ms(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void aFullBudgetHoldsTheBurstAndFillsNoFurther() {
        SyncBudget b = SyncBudget.full(T0, FIFTY);
        assertEquals(1000, b.getTokens(), 1e-9);
        assertTrue(b.take(ReadPriority.FAR, 2, ms(60_000), FIFTY));
        assertEquals(998, b.getTokens(), 1e-9, "an idle minute adds nothing past the burst");
    }

    @Test
    void anEmptyBudgetFillsAtTheRate() {
        SyncBudget b = SyncBudget.full(T0, FIFTY);
        while (b.take(ReadPriority.LAST, 2, T0, FIFTY)) {
            // spend it all at once
        }
        assertEquals(1000, b.getCallsTaken());
        assertFalse(b.take(ReadPriority.LAST, 2, ms(39), FIFTY), "1.95 calls earned in 39 ms: not a read's two");
        assertTrue(b.take(ReadPriority.LAST, 2, ms(40), FIFTY), "2 calls earned in 40 ms");
        assertFalse(b.take(ReadPriority.ASKED, 2, ms(40), FIFTY));
        assertEquals(3, b.getReadsDenied(), "the denials are counted");
    }

    @Test
    void farReadsLeaveHalfTheBurstAndNearReadsAQuarterForTheReadsBeforeThem() {
        SyncBudget b = SyncBudget.full(T0, FIFTY);
        int far = 0;
        while (b.take(ReadPriority.FAR, 2, T0, FIFTY)) {
            far++;
        }
        assertEquals(250, far, "from 1,000 down to 500 calls");
        int near = 0;
        while (b.take(ReadPriority.NEAR, 2, T0, FIFTY)) {
            near++;
        }
        assertEquals(125, near, "from 500 down to 250");
        int last = 0;
        while (b.take(ReadPriority.LAST, 2, T0, FIFTY)) {
            last++;
        }
        assertEquals(125, last, "the last windows spend it down to nothing");
        assertFalse(b.take(ReadPriority.ASKED, 2, T0, FIFTY));
    }

    @Test
    void theBreachReadNeverWaitsAndItsDebtHoldsTheOthersBack() {
        SyncBudget b = SyncBudget.full(T0, FIFTY);
        for (int i = 0; i < 600; i++) {
            assertTrue(b.take(ReadPriority.BREACH, 2, T0, FIFTY), "breach read " + i);
        }
        assertEquals(-200, b.getTokens(), 1e-9);
        assertFalse(b.take(ReadPriority.LAST, 2, ms(4_000), FIFTY), "4 s repay the debt, nothing more");
        assertTrue(b.take(ReadPriority.LAST, 2, ms(4_040), FIFTY));
        assertTrue(b.take(ReadPriority.BREACH, 2, ms(4_040), FIFTY));
    }

    @Test
    void timeCountedNeverRunsBackwards() {
        SyncBudget b = SyncBudget.full(T0, FIFTY);
        while (b.take(ReadPriority.LAST, 2, ms(1_000), FIFTY)) {
            // empty at T0 + 1 s (an instance whose clock runs ahead)
        }
        assertFalse(b.take(ReadPriority.LAST, 2, ms(500), FIFTY), "an instance behind earns nothing twice");
        assertFalse(b.take(ReadPriority.LAST, 2, ms(1_030), FIFTY));
        assertTrue(b.take(ReadPriority.LAST, 2, ms(1_040), FIFTY));
    }

    @Test
    void noLimitTakesEverything() {
        SyncBudget b = SyncBudget.full(T0, SyncAllowance.UNLIMITED);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(b.take(ReadPriority.FAR, 2, T0, SyncAllowance.UNLIMITED));
        }
    }

    @Test
    void aDeniedReadWaitsTheDeferralTimesItsCadence() {
        assertEquals(Duration.ofHours(6), FIFTY.deferred(Duration.ofMinutes(30)));
        assertEquals(Duration.ofMinutes(60), FIFTY.deferred(Duration.ofMinutes(5)));
    }
}
