package br.com.sopdesk.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.ticket.entity.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final RetentionPolicy year = new RetentionPolicy(365);

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void finishedTicketsOlderThanThePeriodExpire() {
        assertTrue(year.expired(TicketState.SENT.isFinished(), daysAgo(366), false, NOW));
        assertTrue(year.expired(TicketState.REJECTED.isFinished(), daysAgo(400), false, NOW));
    }

    @Test
    void ticketsStillOnTheirWayToQualitorAreKeptWhateverTheirAge() {
        assertFalse(year.expired(TicketState.QUEUED.isFinished(), daysAgo(2000), false, NOW));
        assertFalse(year.expired(TicketState.SENDING.isFinished(), daysAgo(2000), false, NOW));
    }

    @Test
    void theBoundaryIsExclusive() {
        assertFalse(year.expired(true, daysAgo(365), false, NOW), "exactly the period old is kept");
        assertTrue(year.expired(true, daysAgo(365).minusSeconds(1), false, NOW));
        assertFalse(year.expired(true, daysAgo(10), false, NOW));
    }

    @Test
    void anonymizedRecordsAreNotTakenAgain() {
        assertFalse(year.expired(true, daysAgo(800), true, NOW));
    }

    @Test
    void zeroOrNegativeDaysKeepDataForever() {
        for (int days : new int[] {0, -5}) {
            RetentionPolicy forever = new RetentionPolicy(days);
            assertTrue(forever.keepsForever());
            assertEquals(Optional.empty(), forever.cutoff(NOW));
            assertFalse(forever.expired(true, daysAgo(100_000), false, NOW));
        }
    }

    @Test
    void cutoffIsThePeriodBeforeNow() {
        assertEquals(Optional.of(Instant.parse("2025-11-23T12:00:00Z")), year.cutoff(NOW));
        assertEquals(Optional.of(Instant.parse("2026-11-22T12:00:00Z")), new RetentionPolicy(1).cutoff(NOW));
    }

    @Test
    void finishedStatesAreSentAndRejected() {
        for (TicketState state : TicketState.values()) {
            assertEquals(state == TicketState.SENT || state == TicketState.REJECTED, state.isFinished(), state.name());
        }
    }
}
