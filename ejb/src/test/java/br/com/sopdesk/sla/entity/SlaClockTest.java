package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Text;
import static br.com.sopdesk.sla.entity.SlaTime.SP;
import static br.com.sopdesk.sla.entity.SlaTime.sp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaClockTest {

    static final Predicate<LocalDate> HOLIDAYS = new BrazilianHolidays(true, Set.of());
    static final SyncCadence CADENCE = SyncCadence.DEFAULT;
    static final String WAITING = "Aguardando cliente; 15";

    /** Monday 17/11/2025 10:00 in Brasília. */
    static final Instant T0 = sp("2025-11-17T10:00");

    static Instant t0(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    static Instant t0(long hours, long minutes) {
        return t0(hours).plus(Duration.ofMinutes(minutes));
    }

    static ClockPolicy policy(boolean business, int minutes, int atRiskPercent, int reminderMinutes) {
        ClockPolicy p = new ClockPolicy("RET24");
        p.define("Retorno 24 h", minutes, business, "08:00", "18:00", WAITING, atRiskPercent, reminderMinutes,
                "admin", T0);
        return p;
    }

    static SlaClock start(ClockPolicy p, Instant startedAt, Instant now, List<Happening> timeline) {
        return SlaClock.start(new ClockSubject(101L, "D-1", "SOP-7", "Certificado A1 não instala", "ACME Ltda", "agente", "N1"), p,
                startedAt, HOLIDAYS, SP, now, CADENCE, timeline);
    }

    /** The default 24-hour, calendar-hours clock (at risk at 75 %, reminders hourly) started at {@link #T0}. */
    static SlaClock started() {
        return start(policy(false, 1440, 75, 60), T0, T0, new ArrayList<>());
    }

    static void setId(SlaClock clock, long id) {
        try {
            Field f = SlaClock.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(clock, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** What the scan does with a claimed clock's levels (as SlaWork.settle): raise every level now due. */
    static List<String> settle(SlaClock clock, Instant now, List<Happening> timeline) {
        List<String> raised = new ArrayList<>();
        for (Optional<String> level = clock.dueLevel(now); level.isPresent(); level = clock.dueLevel(now)) {
            clock.levelRaised(level.get(), now, timeline, null);
            raised.add(level.get());
            if (raised.size() > 20) {
                throw new AssertionError("alert burst: " + raised);
            }
        }
        assertDueIsEarliest(clock);
        return raised;
    }

    static void assertDueIsEarliest(SlaClock c) {
        if (c.getState() == ClockState.MET) {
            assertNull(c.getDueAt(), "a met clock is never due");
            return;
        }
        Instant alert = c.getAlerts().getNextAlertAt();
        Instant sync = c.getSync().getNextSyncAt();
        Instant expected = alert == null ? sync : sync == null ? alert : alert.isBefore(sync) ? alert : sync;
        assertEquals(expected, c.getDueAt(), "dueAt = min(next alert, next sync)");
    }

    static Observation waiting(String code, String name) {
        return new Observation(code, name, null, null, false);
    }

    static Observation working() {
        return new Observation("3", "Em atendimento", null, null, false);
    }

    static Observation returned(Instant at) {
        return new Observation("3", "Em atendimento", null, at, false);
    }

    static Observation closed() {
        return new Observation("9", "Encerrada", null, null, true);
    }

    /** A timeline line as a pt-BR reader sees it, times in Brasília. */
    static String detail(Happening h) {
        return h.text().render(SlaText.PT, SP);
    }

    static List<String> kinds(List<Happening> timeline) {
        return timeline.stream().map(Happening::kind).toList();
    }

    static Happening last(List<Happening> timeline, String kind) {
        return timeline.stream().filter(h -> h.kind().equals(kind)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + kinds(timeline)));
    }

    @Nested
    class Start {

        @Test
        void calendarHoursDeadlineIs24HoursLater() {
            List<Happening> timeline = new ArrayList<>();
            SlaClock c = start(policy(false, 1440, 75, 60), T0, T0, timeline);
            assertEquals(ClockState.RUNNING, c.getState());
            assertEquals(T0, c.getStartedAt());
            assertEquals(sp("2025-11-18T10:00"), c.getDeadlineAt());
            assertEquals(1, c.getDeadlineVersion());
            assertEquals(AlertSchedule.AT_RISK, c.getAlerts().getNextLevel());
            assertEquals(t0(18), c.getAlerts().getNextAlertAt(), "at risk with 25 % (6 h) left");
            assertEquals(T0.plus(Duration.ofMinutes(30)), c.getSync().getNextSyncAt(), "far from the deadline: 30 min");
            assertEquals(T0.plus(Duration.ofMinutes(30)), c.getDueAt());
            assertDueIsEarliest(c);
            assertEquals(0, c.getAlerts().getRemindersSent());
            assertNull(c.getCountdown().getBreachedAt());
            assertNull(c.getCountdown().getMetAt());
            assertEquals(List.of("CREATED"), kinds(timeline));
            assertEquals(T0, timeline.get(0).at());
            assertEquals("Demanda D-1 registrada; prazo 18/11/2025 10:00 (horário de Brasília) (RET24: Retorno 24 h)",
                    detail(timeline.get(0)));
        }

        @Test
        void copiesThePolicy() {
            ClockPolicy p = policy(true, 1440, 80, 30);
            SlaClock c = start(p, T0, T0, new ArrayList<>());
            p.define("Outra", 60, false, "09:00", "17:00", null, 50, 0, "admin", T0);
            assertEquals("RET24", c.getPolicy().getCode());
            assertEquals(1440, c.getPolicy().getRules().getDurationMinutes());
            assertTrue(c.getPolicy().getRules().isBusinessHours());
            assertEquals(80, c.getPolicy().getRules().getAtRiskPercent());
            assertEquals(30, c.getPolicy().getRules().getReminderMinutes());
            assertEquals(101L, c.getSubject().getTicketId());
            assertEquals("D-1", c.getDemandNumber());
            assertEquals("SOP-7", c.getSubject().getSopId());
            assertEquals("agente", c.getSubject().getAgent());
            assertEquals("N1", c.getSubject().getTeam());
        }

        @Test
        void cutsLongTitlesAndNames() {
            SlaClock c = SlaClock.start(new ClockSubject(1L, "D-2", "SOP", "t".repeat(300), "c".repeat(250), "a", null),
                    policy(false, 1440, 75, 60), T0, HOLIDAYS, SP, T0, CADENCE, new ArrayList<>());
            assertEquals(200, c.getSubject().getTitle().length());
            assertEquals(200, c.getSubject().getCustomerName().length());
        }

        @Test
        void businessHoursDeadlineSkipsNightsAndTheWeekend() {
            // Friday 14/11 11:00: Friday 7 h, Monday 10 h, Tuesday 7 h.
            List<Happening> timeline = new ArrayList<>();
            Instant fri = sp("2025-11-14T11:00");
            SlaClock c = start(policy(true, 1440, 75, 60), fri, fri, timeline);
            assertEquals(sp("2025-11-18T15:00"), c.getDeadlineAt());
            assertEquals(sp("2025-11-18T09:00"), c.getAlerts().getNextAlertAt(), "6 working hours before the deadline");
            assertTrue(detail(timeline.get(0)).contains("prazo 18/11/2025 15:00 (horário de Brasília)"), detail(timeline.get(0)));
        }

        @Test
        void businessHoursDeadlineSkipsHolidays() {
            // Wednesday 19/11 17:00: 1 h, Thursday 20/11 holiday, Friday 10 h, Monday 10 h, Tuesday 3 h.
            Instant wed = sp("2025-11-19T17:00");
            SlaClock c = start(policy(true, 1440, 75, 60), wed, wed, new ArrayList<>());
            assertEquals(sp("2025-11-25T11:00"), c.getDeadlineAt());
        }

        @Test
        void businessHoursClockStartedOnASaturdayCountsFromMonday() {
            Instant sat = sp("2025-11-15T09:00");
            SlaClock c = start(policy(true, 1440, 75, 60), sat, sat, new ArrayList<>());
            assertEquals(sp("2025-11-19T12:00"), c.getDeadlineAt());
        }

        @Test
        void aClockStartedLateIsAtRiskAtOnce() {
            // Registered at T0 but only seen 20 h later: the at-risk point (T0 + 18 h) has passed.
            List<Happening> timeline = new ArrayList<>();
            SlaClock c = start(policy(false, 1440, 75, 60), T0, t0(20), timeline);
            assertEquals(t0(18), c.getDueAt());
            assertEquals(List.of(AlertSchedule.AT_RISK), settle(c, t0(20), timeline));
            assertEquals(t0(20, 30), c.getSync().getNextSyncAt(), "4 h left: read again in 30 min");
        }
    }

    @Nested
    class Levels {

        @Test
        void atRiskThenBreachThenReminders() {
            List<Happening> timeline = new ArrayList<>();
            SlaClock c = start(policy(false, 1440, 75, 60), T0, T0, timeline);
            Instant deadline = c.getDeadlineAt();

            assertEquals(Optional.empty(), c.dueLevel(t0(18).minusSeconds(1)));
            assertEquals(Optional.of(AlertSchedule.AT_RISK), c.dueLevel(t0(18)));
            assertEquals(Optional.of(AlertSchedule.AT_RISK), c.dueLevel(t0(18)), "asking twice changes nothing");
            assertEquals(List.of(AlertSchedule.AT_RISK), settle(c, t0(18), timeline));
            assertEquals(AlertSchedule.BREACH, c.getAlerts().getNextLevel());
            assertEquals(deadline, c.getAlerts().getNextAlertAt());

            assertEquals(List.of(), settle(c, deadline.minusSeconds(1), timeline));
            assertEquals(List.of(AlertSchedule.BREACH), settle(c, deadline, timeline));
            assertEquals(deadline, c.getCountdown().getBreachedAt());
            Happening due = last(timeline, "DUE");
            assertEquals(deadline, due.at());
            assertEquals(AlertSchedule.REMINDER, c.getAlerts().getNextLevel());
            assertEquals(deadline.plus(Duration.ofHours(1)), c.getAlerts().getNextAlertAt());

            assertEquals(List.of(), settle(c, t0(24, 59), timeline));
            assertEquals(List.of("REMINDER_1"), settle(c, t0(25), timeline));
            assertEquals(1, c.getAlerts().getRemindersSent());
            assertEquals(t0(26), c.getAlerts().getNextAlertAt());
            assertEquals(List.of("REMINDER_2"), settle(c, t0(26, 10), timeline));
            assertEquals(t0(27), c.getAlerts().getNextAlertAt());
            assertEquals(List.of("REMINDER_3"), settle(c, t0(27), timeline));
            assertEquals(3, c.getAlerts().getRemindersSent());
        }

        @Test
        void atRiskIsSkippedWhenTheDeadlineHasAlreadyPassed() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            assertEquals(List.of(AlertSchedule.BREACH), settle(c, t0(24, 10), timeline));
            assertEquals(t0(25), c.getAlerts().getNextAlertAt());
            assertEquals(List.of("DUE"), kinds(timeline));
        }

        @Test
        void atRiskIsSkippedAtTheExactDeadline() {
            SlaClock c = started();
            assertEquals(Optional.of(AlertSchedule.BREACH), c.dueLevel(t0(24)));
        }

        @Test
        void aClockFoundLongAfterItsBreachGetsOneReminderNotABurst() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            assertEquals(List.of(AlertSchedule.AT_RISK), settle(c, t0(18), timeline));
            assertEquals(List.of(AlertSchedule.BREACH), settle(c, t0(24), timeline));
            // The scan was down for five and a half hours: reminders 1 to 5 were missed.
            assertEquals(List.of("REMINDER_1"), settle(c, t0(29, 30), timeline));
            assertEquals(t0(30), c.getAlerts().getNextAlertAt(), "next reminder is the next hourly slot");
            assertEquals(List.of("REMINDER_6"), settle(c, t0(30), timeline));
            assertEquals(List.of("REMINDER_7"), settle(c, t0(31), timeline));
        }

        @Test
        void aClockFirstSeenLongAfterItsDeadlineRaisesOnlyTheBreach() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            assertEquals(List.of(AlertSchedule.BREACH), settle(c, t0(29, 30), timeline));
            assertEquals(t0(30), c.getAlerts().getNextAlertAt());
            assertEquals(List.of("REMINDER_6"), settle(c, t0(30), timeline));
        }

        @Test
        void withoutRemindersTheBreachIsTheLastAlert() {
            SlaClock c = start(policy(false, 1440, 75, 0), T0, T0, new ArrayList<>());
            List<Happening> timeline = new ArrayList<>();
            assertEquals(List.of(AlertSchedule.BREACH), settle(c, t0(24), timeline));
            assertNull(c.getAlerts().getNextLevel());
            assertNull(c.getAlerts().getNextAlertAt());
            assertEquals(c.getSync().getNextSyncAt(), c.getDueAt());
            assertEquals(List.of(), settle(c, t0(100), timeline));
        }

        @Test
        void businessHoursAtRiskPointIsInWorkingTime() {
            // Monday 24/11 10:00 -> deadline Wednesday 26/11 14:00; 6 working hours before = Wednesday 08:00.
            Instant mon = sp("2025-11-24T10:00");
            SlaClock c = start(policy(true, 1440, 75, 60), mon, mon, new ArrayList<>());
            assertEquals(sp("2025-11-26T14:00"), c.getDeadlineAt());
            Instant atRisk = c.getAlerts().getNextAlertAt();
            assertEquals(Duration.ofHours(6), SlaTime.business().between(atRisk, c.getDeadlineAt()));
            assertEquals(Optional.empty(), c.dueLevel(sp("2025-11-25T17:59")));
            assertEquals(Optional.of(AlertSchedule.AT_RISK), c.dueLevel(sp("2025-11-26T08:00")));
        }
    }

    @Nested
    class Observe {

        @Test
        void aWaitingSituationPausesAndKeepsTheRemainingTime() {
            List<Happening> timeline = new ArrayList<>();
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            timeline.addAll(c.observe(waiting("15", "Aguardando Cliente"), t0(2), cal, CADENCE));
            assertEquals(ClockState.PAUSED, c.getState());
            assertEquals(t0(2), c.getCountdown().getPausedAt());
            assertEquals(List.of("SYNCED", "PAUSED"), kinds(timeline));
            assertTrue(detail(last(timeline, "PAUSED")).contains("Aguardando Cliente"));
            assertEquals(Duration.ofHours(22), c.remaining(t0(2)));
            assertEquals(Duration.ofHours(22), c.remaining(t0(40)), "frozen while paused");
            assertEquals(Standing.PAUSED, c.standing(t0(40)));
            assertNull(c.getAlerts().getNextAlertAt());
            assertEquals(Optional.empty(), c.dueLevel(t0(40)), "no alert while paused, even past the old deadline");
            assertEquals(t0(2, 5), c.getSync().getNextSyncAt(), "paused clocks read every 5 min");
            assertEquals(t0(2, 5), c.getDueAt());
            assertEquals(t0(2), c.getSync().getLastSyncedAt());
            assertEquals("Aguardando Cliente", c.getSync().getQualitorSituation());
        }

        @Test
        void pauseMatchesTheSituationCodeWhenThereIsNoName() {
            SlaClock c = started();
            c.observe(waiting("15", null), t0(1), new WorkCalendar.AllHours(), CADENCE);
            assertEquals(ClockState.PAUSED, c.getState());
            assertEquals("15", c.getSync().getQualitorSituation());
        }

        @Test
        void stillWaitingStaysPausedWithoutNewLines() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            c.observe(waiting("15", "Aguardando cliente"), t0(2), cal, CADENCE);
            List<Happening> again = c.observe(waiting("15", "Aguardando cliente"), t0(5), cal, CADENCE);
            assertEquals(List.of(), again);
            assertEquals(ClockState.PAUSED, c.getState());
            assertEquals(t0(2), c.getCountdown().getPausedAt());
            assertEquals(Duration.ofHours(22), c.remaining(t0(5)));
            assertEquals(t0(5, 5), c.getSync().getNextSyncAt());
            assertEquals(1, c.getDeadlineVersion());
        }

        @Test
        void resumingMovesTheDeadlineAndReArmsTheLevels() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            c.observe(waiting("15", "Aguardando cliente"), t0(10), cal, CADENCE);  // 14 h left, not yet warned
            List<Happening> timeline = c.observe(working(), t0(30), cal, CADENCE);
            assertEquals(ClockState.RUNNING, c.getState());
            assertEquals(t0(44), c.getDeadlineAt());
            assertEquals(2, c.getDeadlineVersion());
            assertNull(c.getCountdown().getPausedAt());
            assertEquals(AlertSchedule.AT_RISK, c.getAlerts().getNextLevel());
            assertEquals(t0(38), c.getAlerts().getNextAlertAt());
            assertEquals(List.of("SYNCED", "RESUMED"), kinds(timeline));
            assertEquals("Relógio retomado após 20 h 0 min de pausa; novo prazo 19/11/2025 06:00 (horário de Brasília)",
                    detail(last(timeline, "RESUMED")));
            assertEquals(Duration.ofHours(14), c.remaining(t0(30)));
            assertEquals(Standing.ON_TRACK, c.standing(t0(30)));
            assertDueIsEarliest(c);
            assertEquals(List.of(), settle(c, t0(37), timeline));
            assertEquals(List.of(AlertSchedule.AT_RISK), settle(c, t0(38), timeline));
            assertEquals(List.of(AlertSchedule.BREACH), settle(c, t0(44), timeline));
        }

        @Test
        void resumingWhenNotYetWarnedAndAtRiskIsPastWarnsAtOnce() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            // The scan never raised the at-risk (T0 + 18 h) before the pause at T0 + 19 h: 5 h left.
            c.observe(waiting("15", "Aguardando cliente"), t0(19), cal, CADENCE);
            c.observe(working(), t0(21), cal, CADENCE);
            assertEquals(t0(26), c.getDeadlineAt());
            assertEquals(List.of(AlertSchedule.AT_RISK), settle(c, t0(21), new ArrayList<>()));
            assertEquals(Standing.AT_RISK, c.standing(t0(21)));
        }

        @Test
        void resumingAfterTheAtRiskWarningDoesNotRepeatItWhenItsNewTimeHasPassed() {
            List<Happening> timeline = new ArrayList<>();
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            assertEquals(List.of(AlertSchedule.AT_RISK), settle(c, t0(18), timeline));
            c.observe(waiting("15", "Aguardando cliente"), t0(20), cal, CADENCE);  // 4 h left
            c.observe(working(), t0(30), cal, CADENCE);
            assertEquals(t0(34), c.getDeadlineAt());
            assertEquals(2, c.getDeadlineVersion());
            assertEquals(AlertSchedule.BREACH, c.getAlerts().getNextLevel());
            assertEquals(t0(34), c.getAlerts().getNextAlertAt());
            assertEquals(List.of(), settle(c, t0(30), timeline));
            assertEquals(Standing.AT_RISK, c.standing(t0(30)));
            assertEquals(List.of(AlertSchedule.BREACH), settle(c, t0(34), timeline));
            assertEquals(t0(34), c.getCountdown().getBreachedAt());
        }

        @Test
        void pauseAndResumeCountInBusinessHours() {
            // Monday 24/11 10:00 -> deadline Wednesday 26/11 14:00.
            Instant mon = sp("2025-11-24T10:00");
            SlaClock c = start(policy(true, 1440, 75, 60), mon, mon, new ArrayList<>());
            WorkCalendar cal = c.getPolicy().getRules().calendar(SP, HOLIDAYS);
            c.observe(waiting("15", "Aguardando cliente"), sp("2025-11-24T17:00"), cal, CADENCE);
            // Left: Monday 1 h, Tuesday 10 h, Wednesday 6 h.
            assertEquals(Duration.ofHours(17), c.remaining(sp("2025-11-25T12:00")));
            List<Happening> timeline = c.observe(working(), sp("2025-11-27T10:00"), cal, CADENCE);
            // Resumed Thursday 10:00: Thursday 8 h, Friday 9 h.
            assertEquals(sp("2025-11-28T17:00"), c.getDeadlineAt());
            assertEquals(2, c.getDeadlineVersion());
            assertEquals(AlertSchedule.AT_RISK, c.getAlerts().getNextLevel());
            assertEquals(sp("2025-11-28T11:00"), c.getAlerts().getNextAlertAt());
            assertTrue(detail(last(timeline, "RESUMED")).contains("após 65 h 0 min de pausa; novo prazo 28/11/2025 17:00"),
                    detail(last(timeline, "RESUMED")));
        }

        @Test
        void pausingOverTheWeekendOutsideWorkingHoursKeepsTheSameDeadline() {
            Instant thu = sp("2025-11-27T10:00");  // deadline Monday 01/12 14:00
            SlaClock c = start(policy(true, 1440, 75, 60), thu, thu, new ArrayList<>());
            assertEquals(sp("2025-12-01T14:00"), c.getDeadlineAt());
            WorkCalendar cal = c.getPolicy().getRules().calendar(SP, HOLIDAYS);
            c.observe(waiting("15", "Aguardando cliente"), sp("2025-11-29T10:00"), cal, CADENCE);
            assertEquals(Duration.ofHours(6), c.remaining(sp("2025-11-29T10:00")));
            c.observe(working(), sp("2025-11-30T20:00"), cal, CADENCE);
            assertEquals(sp("2025-12-01T14:00"), c.getDeadlineAt());
            assertEquals(2, c.getDeadlineVersion());
        }

        @Test
        void aWaitingSituationAfterTheBreachDoesNotPause() {
            SlaClock c = started();
            List<Happening> timeline = c.observe(waiting("15", "Aguardando cliente"), t0(25), new WorkCalendar.AllHours(),
                    CADENCE);
            assertEquals(ClockState.RUNNING, c.getState());
            assertEquals(List.of("SYNCED"), kinds(timeline));
            assertEquals(Standing.BREACHED, c.standing(t0(25)));
            assertEquals(Duration.ofHours(-1), c.remaining(t0(25)));
        }

        @Test
        void aReturnMeetsTheClockAtTheReturnTime() {
            SlaClock c = started();
            List<Happening> timeline = c.observe(returned(t0(5)), t0(6), new WorkCalendar.AllHours(), CADENCE);
            assertEquals(ClockState.MET, c.getState());
            assertEquals(t0(5), c.getCountdown().getMetAt());
            assertEquals(Standing.MET, c.standing(t0(6)));
            assertNull(c.getDueAt());
            assertNull(c.getSync().getNextSyncAt());
            assertNull(c.getAlerts().getNextAlertAt());
            assertNull(c.getAlerts().getNextLevel());
            assertFalse(c.syncDue(t0(100)));
            assertEquals(Optional.empty(), c.dueLevel(t0(30)));
            Happening met = last(timeline, "MET");
            assertEquals(t0(5), met.at());
            assertEquals("Cumprido: retorno registrado no Qualitor em 17/11/2025 15:00 (horário de Brasília) (no prazo)", detail(met));
        }

        @Test
        void aClosedDemandMeetsTheClockNow() {
            SlaClock c = started();
            List<Happening> timeline = c.observe(closed(), t0(3), new WorkCalendar.AllHours(), CADENCE);
            assertEquals(ClockState.MET, c.getState());
            assertEquals(t0(3), c.getCountdown().getMetAt());
            assertTrue(detail(last(timeline, "MET")).contains("demanda encerrada no Qualitor"));
            assertNull(c.getDueAt());
        }

        @Test
        void aReturnAfterTheDeadlineIsMetLate() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            settle(c, t0(24), timeline);
            timeline.addAll(c.observe(returned(t0(25)), t0(26), new WorkCalendar.AllHours(), CADENCE));
            assertEquals(Standing.MET_LATE, c.standing(t0(26)));
            assertTrue(detail(last(timeline, "MET")).endsWith("(1 h 0 min após o prazo)"), detail(last(timeline, "MET")));
            assertEquals(Optional.empty(), c.dueLevel(t0(40)), "no more reminders");
            assertNull(c.getDueAt());
        }

        @Test
        void aReturnExactlyAtTheDeadlineIsOnTime() {
            SlaClock c = started();
            c.observe(returned(t0(24)), t0(24, 1), new WorkCalendar.AllHours(), CADENCE);
            assertEquals(Standing.MET, c.standing(t0(25)));
        }

        @Test
        void aReturnReadAsTheEndOfADayStillToComeIsMetWhenItWasRead() {
            // Qualitor gave a bare date (read as the end of that day): the return was written by now at the latest
            SlaClock c = started();
            c.observe(returned(sp("2025-11-17T23:59:59")), t0(6), new WorkCalendar.AllHours(), CADENCE);
            assertEquals(ClockState.MET, c.getState());
            assertEquals(t0(6), c.getCountdown().getMetAt());
        }

        @Test
        void aReturnDatedBeforeTheClockStartedDoesNotCount() {
            SlaClock c = started();
            List<Happening> timeline = c.observe(returned(T0.minusSeconds(3600)), t0(1), new WorkCalendar.AllHours(),
                    CADENCE);
            assertEquals(ClockState.RUNNING, c.getState());
            assertFalse(kinds(timeline).contains("MET"));
            assertEquals(Standing.ON_TRACK, c.standing(t0(1)));
            assertDueIsEarliest(c);
        }

        @Test
        void aMetClockIgnoresLaterReads() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            c.observe(returned(t0(5)), t0(6), cal, CADENCE);
            List<Happening> later = c.observe(waiting("15", "Aguardando cliente"), t0(7), cal, CADENCE);
            assertEquals(List.of(), later);
            assertEquals(ClockState.MET, c.getState());
            assertEquals(t0(5), c.getCountdown().getMetAt());
            assertEquals(t0(7), c.getSync().getLastSyncedAt());
            assertNull(c.getDueAt());
        }

        @Test
        void aSyncLineOnlyWhenQualitorShowsSomethingNew() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            assertEquals(List.of("SYNCED"), kinds(c.observe(working(), t0(1), cal, CADENCE)));
            assertEquals(List.of(), c.observe(working(), t0(2), cal, CADENCE));
            List<Happening> expected = c.observe(new Observation("3", "Em atendimento", sp("2025-11-18T14:30"), null, false), t0(3),
                    cal, CADENCE);
            assertEquals("Qualitor: situação \"Em atendimento\", previsão de resposta do Qualitor 18/11/2025 14:30 (horário de Brasília)",
                    detail(expected.get(0)));
            assertEquals(sp("2025-11-18T14:30"), c.getSync().getQualitorExpectedAt(), "kept as a time, never cut");
            assertEquals(t0(3), c.getSync().getLastSyncedAt());
        }

        @Test
        void aLongSituationNameSeenTwiceIsNotANewSituation() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            Observation o = new Observation("3", "Em atendimento — " + "x".repeat(120), null, null, false);
            assertEquals(List.of("SYNCED"), kinds(c.observe(o, t0(1), cal, CADENCE)));
            assertEquals(List.of(), c.observe(o, t0(2), cal, CADENCE),
                    "the same situation read again must not add a timeline line");
        }

        @Test
        void aLongExpectedAnswerSeenTwiceIsNotNews() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            Observation o = new Observation("3", "Em atendimento", sp("2025-11-18T14:30"), null, false);
            assertEquals(List.of("SYNCED"), kinds(c.observe(o, t0(1), cal, CADENCE)));
            assertEquals(List.of(), c.observe(o, t0(2), cal, CADENCE),
                    "the same expected answer read again must not add a timeline line");
        }

        @Test
        void twoPausesGiveTwoNewDeadlineVersions() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            c.observe(waiting("15", "Aguardando cliente"), t0(4), cal, CADENCE);   // 20 h left
            c.observe(working(), t0(10), cal, CADENCE);                           // deadline T0 + 30 h
            assertEquals(t0(30), c.getDeadlineAt());
            c.observe(waiting("15", "Aguardando cliente"), t0(12), cal, CADENCE);  // 18 h left
            assertEquals(Duration.ofHours(18), c.remaining(t0(13)));
            c.observe(working(), t0(20), cal, CADENCE);                           // deadline T0 + 38 h
            assertEquals(t0(38), c.getDeadlineAt());
            assertEquals(3, c.getDeadlineVersion());
            assertEquals(t0(32), c.getAlerts().getNextAlertAt());
            assertEquals(List.of(AlertSchedule.AT_RISK), settle(c, t0(32), new ArrayList<>()));
            setId(c, 5L);
            SlaAlert alert = new SlaAlert(c, AlertSchedule.BREACH, t0(38), "i1", List.of());
            assertEquals(3, alert.getDeadlineVersion(), "the ledger key follows the deadline version");
            assertEquals(t0(38), alert.getDeadlineAt());
        }

        @Test
        void aDemandClosedWhilePausedIsMetOnTimeWhenTheCountedTimeWasWithinThePromise() {
            // 20 h counted, paused with 4 h left, closed 20 h later while still waiting for the customer:
            // only 20 of the 24 h were counted, so the promise was kept.
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            c.observe(waiting("15", "Aguardando cliente"), t0(20), cal, CADENCE);
            List<Happening> timeline = c.observe(closed(), t0(40), cal, CADENCE);
            assertEquals(ClockState.MET, c.getState());
            assertEquals(Standing.MET, c.standing(t0(40)));
            assertTrue(detail(last(timeline, "MET")).endsWith("(no prazo)"), detail(last(timeline, "MET")));
        }

        @Test
        void aReturnWhilePausedIsOnTime() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            c.observe(waiting("15", "Aguardando cliente"), t0(20), cal, CADENCE);
            c.observe(returned(t0(30)), t0(31), cal, CADENCE);
            assertEquals(ClockState.MET, c.getState());
            assertEquals(Standing.MET, c.standing(t0(31)), "the return came while the clock was stopped");
        }
    }

    @Nested
    class StandingAndRemaining {

        @Test
        void standingThroughTheLife() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            assertEquals(Standing.ON_TRACK, c.standing(T0));
            assertEquals(Standing.ON_TRACK, c.standing(t0(18).minusSeconds(1)));
            assertEquals(Standing.AT_RISK, c.standing(t0(18)), "at risk even before the scan raises it");
            settle(c, t0(18), timeline);
            assertEquals(Standing.AT_RISK, c.standing(t0(20)));
            assertEquals(Standing.BREACHED, c.standing(t0(24)), "breached at the deadline, before the scan");
            settle(c, t0(24), timeline);
            assertEquals(Standing.BREACHED, c.standing(t0(30)));
        }

        @Test
        void remainingIsTheTimeToTheDeadline() {
            SlaClock c = started();
            assertEquals(Duration.ofHours(23), c.remaining(t0(1)));
            assertEquals(Duration.ZERO, c.remaining(t0(24)));
            assertEquals(Duration.ofHours(-2), c.remaining(t0(26)));
        }
    }

    @Nested
    class Sync {

        @Test
        void syncComesSoonerAsTheDeadlineNears() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            c.scheduleSync(t0(1), CADENCE);
            assertEquals(t0(1, 30), c.getSync().getNextSyncAt());
            assertEquals(t0(1, 30), c.getDueAt());
            c.scheduleSync(t0(21), CADENCE);  // 3 h left
            assertEquals(t0(21, 30), c.getSync().getNextSyncAt());
            settle(c, t0(21), timeline);      // at-risk raised; next alert is the deadline
            c.scheduleSync(t0(21, 50), CADENCE);  // 2 h 10 min left
            assertEquals(t0(22), c.getSync().getNextSyncAt());
            c.scheduleSync(t0(23), CADENCE);  // 1 h left
            assertEquals(t0(23, 5), c.getSync().getNextSyncAt());
            assertDueIsEarliest(c);
            c.scheduleSync(t0(23, 55), CADENCE);  // 5 min left
            assertEquals(t0(23, 56), c.getSync().getNextSyncAt());
            assertEquals(t0(23, 56), c.getDueAt());
            c.scheduleSync(t0(23, 59).plusSeconds(30), CADENCE);
            assertEquals(t0(24), c.getDueAt(), "the breach alert comes before the next read");
            c.scheduleSync(t0(24, 30), CADENCE);  // breached 30 min ago
            assertEquals(t0(24, 31), c.getSync().getNextSyncAt());
            c.scheduleSync(t0(26), CADENCE);      // breached 2 h ago: reads back off (30 min here, up to hourly)
            assertEquals(t0(26, 30), c.getSync().getNextSyncAt());
            c.scheduleSync(t0(72), CADENCE);      // two days unmet
            assertEquals(t0(73), c.getSync().getNextSyncAt());
            assertDueIsEarliest(c);
        }

        @Test
        void observeSchedulesTheNextRead() {
            SlaClock c = started();
            WorkCalendar cal = new WorkCalendar.AllHours();
            c.observe(working(), t0(23), cal, CADENCE);
            assertEquals(t0(23, 5), c.getSync().getNextSyncAt());
            assertDueIsEarliest(c);
            c.observe(waiting("15", "Aguardando cliente"), t0(23, 5), cal, CADENCE);
            assertEquals(t0(23, 10), c.getSync().getNextSyncAt());
            assertEquals(t0(23, 10), c.getDueAt());
            c.observe(working(), t0(30), cal, CADENCE);  // resumed with 55 min left
            assertEquals(t0(30, 5), c.getSync().getNextSyncAt());
            assertDueIsEarliest(c);
        }

        @Test
        void aFailedReadIsRetriedSoonWithoutMovingAlerts() {
            SlaClock c = started();
            c.syncFailed(t0(1), Duration.ofMinutes(1));
            assertEquals(t0(1, 1), c.getSync().getNextSyncAt());
            assertEquals(t0(1, 1), c.getDueAt());
            assertEquals(t0(18), c.getAlerts().getNextAlertAt());
            assertFalse(c.syncDue(t0(1, 1).minusSeconds(1)));
            assertTrue(c.syncDue(t0(1, 1)));
        }

        @Test
        void readsQualitorRefusesBackOffThenStopWithTimelineLines() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            c.syncRefused(t0(1), Text.verbatim("Ws - Chamado não encontrado: D-1"), timeline);
            assertEquals(t0(1, 1), c.getSync().getNextSyncAt());
            assertEquals(List.of("SYNC_FAILED"), kinds(timeline));
            assertTrue(detail(timeline.get(0)).contains("Chamado não encontrado"), detail(timeline.get(0)));
            long[] waits = {2, 4, 8, 16, 32, 60};
            Instant now = t0(1);
            for (long wait : waits) {
                now = now.plus(Duration.ofMinutes(70));
                c.syncRefused(now, Text.verbatim("Ws - Chamado não encontrado: D-1"), timeline);
                assertEquals(now.plus(Duration.ofMinutes(wait)), c.getSync().getNextSyncAt());
            }
            assertEquals(List.of("SYNC_FAILED"), kinds(timeline), "one line for the refusals in a row");
            c.syncRefused(now.plusSeconds(3600), Text.verbatim("Ws - Chamado não encontrado: D-1"), timeline);
            assertEquals(SyncSchedule.MAX_REFUSALS, c.getSync().getSyncRefusals());
            assertNull(c.getSync().getNextSyncAt(), "reads stop after the bound");
            assertEquals(List.of("SYNC_FAILED", "SYNC_STOPPED"), kinds(timeline));
            assertEquals(t0(18), c.getDueAt(), "the alerts go on");
            assertFalse(c.readDue(t0(24), Duration.ofSeconds(15)), "no read before the breach of a demand Qualitor does not know");
        }

        @Test
        void aSuccessfulReadEndsARunOfRefusals() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            c.syncRefused(t0(1), Text.verbatim("x"), timeline);
            c.syncRefused(t0(2), Text.verbatim("x"), timeline);
            c.observe(working(), t0(3), new WorkCalendar.AllHours(), CADENCE);
            assertEquals(0, c.getSync().getSyncRefusals());
            c.syncRefused(t0(4), Text.verbatim("x"), timeline);
            assertEquals(t0(4, 1), c.getSync().getNextSyncAt(), "the back-off starts again from a minute");
        }

        @Test
        void theBreachWaitsForAFreshReading() {
            Duration fresh = Duration.ofSeconds(15);
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            settle(c, t0(18), timeline);                       // at risk; next level the breach at t0(24)
            c.observe(working(), t0(23, 59).plusSeconds(30), new WorkCalendar.AllHours(), CADENCE);
            assertFalse(c.readDue(t0(23, 59).plusSeconds(40), fresh), "nothing due yet");
            assertFalse(c.syncDue(t0(24)), "no sync due at the deadline (next one a minute after the last)");
            assertTrue(c.readDue(t0(24), fresh), "the breach is due on a 30 s old reading: read first");
            c.observe(working(), t0(24).plusSeconds(5), new WorkCalendar.AllHours(), CADENCE);
            assertFalse(c.readDue(t0(24).plusSeconds(10), fresh), "a reading of 5 s ago is fresh enough");
            assertEquals(Optional.of(AlertSchedule.BREACH), c.dueLevel(t0(24).plusSeconds(10)));
            c.levelRaised(AlertSchedule.BREACH, t0(24).plusSeconds(10), timeline, fresh);
            assertEquals("Prazo de retorno vencido sem retorno registrado no Qualitor", detail(last(timeline, "DUE")));
        }

        @Test
        void aBreachRaisedWithoutAFreshReadingSaysSo() {
            SlaClock c = started();
            List<Happening> timeline = new ArrayList<>();
            c.observe(working(), t0(23), new WorkCalendar.AllHours(), CADENCE);
            c.syncFailed(t0(24), Duration.ofMinutes(1));      // the read before the breach failed
            assertEquals(Optional.of(AlertSchedule.BREACH), c.dueLevel(t0(24)));
            c.levelRaised(AlertSchedule.BREACH, t0(24), timeline, Duration.ofSeconds(15));
            assertEquals("Prazo de retorno vencido sem retorno registrado no Qualitor (sem leitura recente: última leitura do Qualitor em 18/11/2025 09:00)",
                    detail(last(timeline, "DUE")));
        }

        @Test
        void aPausedOrMetClockIsNotReadForABreach() {
            SlaClock c = started();
            c.observe(waiting("15", "Aguardando cliente"), t0(2), new WorkCalendar.AllHours(), CADENCE);
            assertFalse(c.readDue(t0(2, 1), Duration.ofSeconds(15)));
            SlaClock m = started();
            m.met(t0(2), true, new ArrayList<>());
            assertFalse(m.readDue(t0(30), Duration.ofSeconds(15)));
        }

        @Test
        void theClaimIsOnlyTheHoldersToken() {
            SlaClock c = started();
            assertFalse(c.claimedBy("t-1"));
            assertFalse(c.claimedBy(null));
        }

        @Test
        void aMetClockIsNeverScheduled() {
            SlaClock c = started();
            c.met(t0(2), true, new ArrayList<>());
            c.scheduleSync(t0(3), CADENCE);
            assertNull(c.getSync().getNextSyncAt());
            assertNull(c.getDueAt());
            c.syncFailed(t0(4), Duration.ofMinutes(1));
            assertNull(c.getDueAt(), "a failed read never makes a met clock due again");
            assertFalse(c.syncDue(t0(100)));
        }

        @Test
        void releaseClearsTheClaim() {
            SlaClock c = started();
            c.release();
            assertEquals(t0(0, 30), c.getDueAt());
        }
    }
}
