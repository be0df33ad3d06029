package br.com.sopdesk.sla.entity;

import static br.com.sopdesk.sla.entity.SlaClockTest.CADENCE;
import static br.com.sopdesk.sla.entity.SlaClockTest.T0;
import static br.com.sopdesk.sla.entity.SlaClockTest.started;
import static br.com.sopdesk.sla.entity.SlaClockTest.t0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a clock's due read ranks for the budget of Qualitor calls, what a denial does, and a person's look. */
class ReadPriorityTest {

    static final Duration FRESH = Duration.ofSeconds(15);
    static final SyncAllowance FIFTY = new SyncAllowance(50, Duration.ofSeconds(20), 12);

    @Test
    void theBandsFollowTheCadencesWindows() {
        assertEquals(ReadPriority.FAR, CADENCE.priority(Duration.ofHours(3), false, false, null));
        assertEquals(ReadPriority.NEAR, CADENCE.priority(Duration.ofHours(2), false, false, null));
        assertEquals(ReadPriority.LAST, CADENCE.priority(Duration.ofMinutes(10), false, false, null));
        assertEquals(ReadPriority.LAST, CADENCE.priority(Duration.ofMinutes(-60), false, false, null), "the hour after the breach");
        assertEquals(ReadPriority.NEAR, CADENCE.priority(Duration.ofMinutes(-61), false, false, null), "breached longer ago");
        assertEquals(ReadPriority.NEAR, CADENCE.priority(Duration.ofHours(20), true, false, null), "paused far");
        assertEquals(ReadPriority.LAST, CADENCE.priority(Duration.ofMinutes(5), true, false, null), "paused with little left");
        assertEquals(ReadPriority.ASKED, CADENCE.priority(Duration.ofHours(20), false, true, null));
    }

    @Test
    void aClockReadAlreadyInItsBandRanksOneBandLower() {
        Duration left = Duration.ofMinutes(4);
        assertEquals(ReadPriority.LAST, CADENCE.priority(left, false, false, Duration.ofMinutes(7)), "read before the last window");
        assertEquals(ReadPriority.NEAR, CADENCE.priority(left, false, false, Duration.ofMinutes(1)), "read 1 min ago, in the window");
        assertEquals(ReadPriority.FAR, CADENCE.priority(Duration.ofHours(1), false, false, Duration.ofMinutes(30)));
        assertEquals(ReadPriority.NEAR, CADENCE.priority(Duration.ofHours(1), false, false, Duration.ofMinutes(61)));
        assertEquals(ReadPriority.ASKED, CADENCE.priority(left, false, true, Duration.ofSeconds(1)), "asked for stays first");
        assertEquals(ReadPriority.LAST, CADENCE.priority(Duration.ofMinutes(-5), false, false, Duration.ofMinutes(1)), "after the breach");
    }

    @Test
    void aClockRanksItsDueReadByTheTimeLeft() {
        SlaClock c = started();  // 24 h policy from T0
        assertEquals(Optional.empty(), c.readPriority(T0.plusSeconds(60), FRESH, CADENCE), "nothing due yet");
        assertEquals(Optional.of(ReadPriority.FAR), c.readPriority(c.getSync().getNextSyncAt(), FRESH, CADENCE));
    }

    @Test
    void theBreachOnAnOldReadingRanksFirstEvenWhenAChangeWasAnnounced() {
        SlaClock c = started();
        c.changeAnnounced(t0(24));
        assertEquals(Optional.of(ReadPriority.BREACH), c.readPriority(t0(24), FRESH, CADENCE));
    }

    @Test
    void anAnnouncedChangeIsAskedFor() {
        SlaClock c = started();
        c.changeAnnounced(t0(1));
        assertEquals(Optional.of(ReadPriority.ASKED), c.readPriority(t0(1), FRESH, CADENCE));
    }

    @Test
    void aDeniedFarReadWaitsTwelveCadencesAndTheAlertsKeepTheirTimes() {
        SlaClock c = started();
        Instant due = c.getSync().getNextSyncAt();
        Instant atRisk = c.getAlerts().getNextAlertAt();
        c.readDeferred(due, CADENCE, FIFTY);
        assertEquals(due.plus(Duration.ofHours(6)), c.getSync().getNextSyncAt());
        assertEquals(atRisk, c.getAlerts().getNextAlertAt());
        assertEquals(atRisk.isBefore(due.plus(Duration.ofHours(6))) ? atRisk : due.plus(Duration.ofHours(6)), c.getDueAt());
    }

    @Test
    void aDeniedReadNeverWaitsPastTheStartOfANearerBand() {
        assertEquals(Duration.ofHours(6), CADENCE.deferred(Duration.ofHours(20), false, FIFTY));
        assertEquals(Duration.ofMinutes(60), CADENCE.deferred(Duration.ofHours(3), false, FIFTY), "until 2 h are left");
        assertEquals(Duration.ofMinutes(50), CADENCE.deferred(Duration.ofHours(1), false, FIFTY), "until 10 min are left");
        assertEquals(Duration.ofMinutes(12), CADENCE.deferred(Duration.ofMinutes(5), false, FIFTY));
        assertEquals(Duration.ofSeconds(1), CADENCE.deferred(Duration.ofHours(2).plusMillis(10), false, FIFTY));
        assertEquals(Duration.ofMinutes(60), CADENCE.deferred(Duration.ofHours(20), true, FIFTY), "paused: the time left stands still");
    }

    @Test
    void aDeniedAskedReadWaitsLikeTheOthersAndStaysAsked() {
        SlaClock c = started();
        c.changeAnnounced(t0(1));
        c.readDeferred(t0(1), CADENCE, FIFTY);
        assertEquals(t0(7), c.getSync().getNextSyncAt(), "far: twelve times 30 min");
        assertEquals(Optional.of(ReadPriority.ASKED), c.readPriority(t0(7), FRESH, CADENCE));
    }

    @Test
    void aLookAsksForAReadOnlyWhenTheReadingIsOld() {
        SlaClock c = started();
        Duration look = Duration.ofMinutes(2);
        assertTrue(c.lookedAt(t0(0, 10), look), "never read since it started");
        assertEquals(t0(0, 10), c.getSync().getNextSyncAt());
        assertEquals(t0(0, 10), c.getDueAt());
        assertFalse(c.lookedAt(t0(0, 10).plusSeconds(10), look), "asked already");
        c.observe(SlaClockTest.working(), t0(0, 10), t0(0, 10).plusSeconds(1), new WorkCalendar.AllHours(), CADENCE);
        assertFalse(c.lookedAt(t0(0, 10).plusSeconds(60), look), "read a minute ago");
        assertTrue(c.lookedAt(t0(0, 10).plusSeconds(200), look), "read over two minutes ago");
        assertEquals(Optional.of(ReadPriority.ASKED), c.readPriority(t0(0, 10).plusSeconds(200), FRESH, CADENCE));
    }

    @Test
    void aLookWaitingForItsReadNeverHidesAnAnnouncement() {
        SlaClock c = started();
        assertTrue(c.lookedAt(t0(0, 10), Duration.ofMinutes(2)));
        assertTrue(c.changeAnnounced(t0(0, 10).plusSeconds(1)).isPresent(), "the announcement's line is written");
        assertEquals(Optional.of(ReadPriority.ASKED), c.readPriority(t0(0, 10).plusSeconds(1), FRESH, CADENCE));
        c.observe(SlaClockTest.working(), t0(0, 10).plusSeconds(2), t0(0, 10).plusSeconds(3), new WorkCalendar.AllHours(), CADENCE);
        assertEquals(null, c.getSync().getAnnouncedAt(), "one read answers both");
        assertEquals(Optional.empty(), c.readPriority(t0(0, 10).plusSeconds(3), FRESH, CADENCE));
    }
}
