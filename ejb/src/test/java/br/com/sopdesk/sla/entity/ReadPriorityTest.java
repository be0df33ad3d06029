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
        assertEquals(ReadPriority.FAR, CADENCE.priority(Duration.ofHours(3), false, false));
        assertEquals(ReadPriority.NEAR, CADENCE.priority(Duration.ofHours(2), false, false));
        assertEquals(ReadPriority.LAST, CADENCE.priority(Duration.ofMinutes(10), false, false));
        assertEquals(ReadPriority.LAST, CADENCE.priority(Duration.ofMinutes(-60), false, false), "the hour after the breach");
        assertEquals(ReadPriority.NEAR, CADENCE.priority(Duration.ofMinutes(-61), false, false), "breached longer ago");
        assertEquals(ReadPriority.NEAR, CADENCE.priority(Duration.ofHours(20), true, false), "paused far");
        assertEquals(ReadPriority.LAST, CADENCE.priority(Duration.ofMinutes(5), true, false), "paused with little left");
        assertEquals(ReadPriority.ASKED, CADENCE.priority(Duration.ofHours(20), false, true));
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
        c.readDeferred(ReadPriority.FAR, due, CADENCE, FIFTY);
        assertEquals(due.plus(Duration.ofHours(6)), c.getSync().getNextSyncAt());
        assertEquals(atRisk, c.getAlerts().getNextAlertAt());
        assertEquals(atRisk.isBefore(due.plus(Duration.ofHours(6))) ? atRisk : due.plus(Duration.ofHours(6)), c.getDueAt());
    }

    @Test
    void aDeniedAskedReadTriesAgainSoonAndStaysAsked() {
        SlaClock c = started();
        c.changeAnnounced(t0(1));
        c.readDeferred(ReadPriority.ASKED, t0(1), CADENCE, FIFTY);
        assertEquals(t0(1).plus(SyncAllowance.ASKED_RETRY), c.getSync().getNextSyncAt());
        assertEquals(Optional.of(ReadPriority.ASKED), c.readPriority(t0(1).plus(SyncAllowance.ASKED_RETRY), FRESH, CADENCE));
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
}
