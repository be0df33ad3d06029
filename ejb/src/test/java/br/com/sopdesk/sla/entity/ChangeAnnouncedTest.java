package br.com.sopdesk.sla.entity;

import static br.com.sopdesk.sla.entity.SlaClockTest.CADENCE;
import static br.com.sopdesk.sla.entity.SlaClockTest.T0;
import static br.com.sopdesk.sla.entity.SlaClockTest.assertDueIsEarliest;
import static br.com.sopdesk.sla.entity.SlaClockTest.closed;
import static br.com.sopdesk.sla.entity.SlaClockTest.detail;
import static br.com.sopdesk.sla.entity.SlaClockTest.started;
import static br.com.sopdesk.sla.entity.SlaClockTest.working;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.Utc;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Qualitor announcing that a demand changed: the clock's read falls due at once, once per change, and decides nothing by itself. */
class ChangeAnnouncedTest {

    static final WorkCalendar CAL = new WorkCalendar.AllHours();

    static Instant at(long minutes, long seconds) {
        return T0.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds);
    }

    /** A scan holds the clock until {@code until} (what the claim query writes), as while it reads Qualitor. */
    static void claimed(SlaClock clock, Instant until) {
        try {
            Field f = SlaClock.class.getDeclaredField("claimedUntil");
            f.setAccessible(true);
            f.set(clock, Utc.of(until));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAnnouncementBringsTheReadForwardToNowAndSaysSoOnTheTimeline() {
        SlaClock c = started();
        assertEquals(T0.plus(CADENCE.far()), c.getSync().getNextSyncAt(), "far from the deadline: read every 30 min");

        Optional<Happening> line = c.changeAnnounced(at(1, 0));

        assertTrue(line.isPresent());
        assertEquals("ANNOUNCED", line.get().kind());
        assertEquals(at(1, 0), line.get().at());
        assertTrue(detail(line.get()).startsWith("O Qualitor avisou que a demanda mudou"), detail(line.get()));
        assertEquals(at(1, 0), c.getSync().getNextSyncAt());
        assertEquals(at(1, 0), c.getDueAt(), "due now: the next scan claims it");
        assertTrue(c.syncDue(at(1, 0)));
        assertDueIsEarliest(c);
    }

    @Test
    void retriesWhileTheReadWaitsChangeNothing() {
        SlaClock c = started();
        c.changeAnnounced(at(1, 0));
        for (int retry = 1; retry <= 5; retry++) {
            assertEquals(Optional.empty(), c.changeAnnounced(at(1, retry)), "retry " + retry);
        }
        assertEquals(at(1, 0), c.getSync().getAnnouncedAt());
        assertEquals(at(1, 0), c.getSync().getNextSyncAt());
        assertEquals(at(1, 0), c.getDueAt());
    }

    @Test
    void aReadStartedAfterTheAnnouncementAnswersItAndTheCadenceResumes() {
        SlaClock c = started();
        c.changeAnnounced(at(1, 0));

        c.observe(working(), at(1, 5), at(1, 6), CAL, CADENCE);

        assertNull(c.getSync().getAnnouncedAt());
        assertEquals(at(1, 6).plus(CADENCE.far()), c.getSync().getNextSyncAt(), "back to the cadence");
        assertFalse(c.syncDue(at(2, 0)));
        assertTrue(c.changeAnnounced(at(3, 0)).isPresent(), "a later change is news again");
        assertEquals(at(3, 0), c.getDueAt());
    }

    @Test
    void aReadUnderWayWhenTheChangeCameDoesNotAnswerItTheClockIsReadAgainAtOnce() {
        SlaClock c = started();
        claimed(c, at(3, 0));                        // a scan claimed the clock and started reading at 1:00

        assertTrue(c.changeAnnounced(at(1, 30)).isPresent());
        c.observe(working(), at(1, 0), at(2, 0), CAL, CADENCE);

        assertEquals(at(1, 30), c.getSync().getAnnouncedAt(), "still owed a read");
        assertEquals(at(2, 0), c.getSync().getNextSyncAt(), "read again at once, not at the cadence");
        c.observe(working(), at(2, 1), at(2, 2), CAL, CADENCE);
        assertNull(c.getSync().getAnnouncedAt());
    }

    @Test
    void aRepeatedAnnouncementDuringAReadIsKeptForTheNextReadButWritesNoSecondLine() {
        SlaClock c = started();
        c.changeAnnounced(at(1, 0));                 // waits for a read
        claimed(c, at(5, 0));                        // the read started at 2:00

        assertEquals(Optional.empty(), c.changeAnnounced(at(2, 30)), "no second timeline line");
        c.observe(working(), at(2, 0), at(3, 0), CAL, CADENCE);

        assertEquals(at(2, 30), c.getSync().getAnnouncedAt(), "the read that started before it does not answer it");
        assertEquals(at(3, 0), c.getSync().getNextSyncAt());
    }

    @Test
    void theAnnouncementDecidesNothingOnlyTheReadDoes() {
        SlaClock c = started();
        Instant deadline = c.getDeadlineAt();
        Instant nextAlert = c.getAlerts().getNextAlertAt();

        c.changeAnnounced(at(1, 0));

        assertEquals(ClockState.RUNNING, c.getState(), "not met by the call");
        assertEquals(deadline, c.getDeadlineAt());
        assertEquals(nextAlert, c.getAlerts().getNextAlertAt());
        assertEquals(Optional.empty(), c.dueLevel(at(1, 0)));
        c.observe(closed(), at(1, 5), at(1, 6), CAL, CADENCE);
        assertEquals(ClockState.MET, c.getState(), "met by what the read showed");
    }

    @Test
    void aMetClockOrOneWhoseReadsStoppedIgnoresAnnouncements() {
        SlaClock met = started();
        met.observe(closed(), at(1, 0), at(1, 0), CAL, CADENCE);
        assertEquals(Optional.empty(), met.changeAnnounced(at(2, 0)));
        assertNull(met.getDueAt());

        SlaClock stopped = started();
        List<Happening> timeline = new ArrayList<>();
        Instant now = at(1, 0);
        for (int i = 0; i < SyncSchedule.MAX_REFUSALS; i++) {
            stopped.syncRefused(now, Text.verbatim("Ws - Chamado não encontrado: D-1"), timeline);
            now = now.plus(Duration.ofHours(1));
        }
        assertNull(stopped.getSync().getNextSyncAt(), "reads stopped");
        assertEquals(Optional.empty(), stopped.changeAnnounced(now));
        assertNull(stopped.getSync().getNextSyncAt());
    }

    @Test
    void aFailedReadKeepsTheAnnouncementButWaitsItsRetryDelayAQualitorDownIsNotHammered() {
        SlaClock c = started();
        c.changeAnnounced(at(1, 0));

        c.syncFailed(at(1, 5), Duration.ofMinutes(1));

        assertEquals(at(1, 0), c.getSync().getAnnouncedAt(), "the change is still owed a read");
        assertEquals(at(2, 5), c.getSync().getNextSyncAt(), "after the retry delay, not at once");
        assertEquals(Optional.empty(), c.changeAnnounced(at(1, 30)), "a retry of the call does not hurry it");
        assertEquals(at(2, 5), c.getSync().getNextSyncAt());
    }

    @Test
    void aRefusedReadAnswersTheAnnouncementAndKeepsItsBackOff() {
        SlaClock c = started();
        c.changeAnnounced(at(1, 0));

        c.syncRefused(at(1, 5), at(1, 6), Text.verbatim("Ws - Chamado não encontrado: D-1"), new ArrayList<>());

        assertNull(c.getSync().getAnnouncedAt());
        assertEquals(at(2, 6), c.getSync().getNextSyncAt(), "the first refusal waits a minute");
    }
}
