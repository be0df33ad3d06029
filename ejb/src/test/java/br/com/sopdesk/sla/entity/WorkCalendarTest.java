package br.com.sopdesk.sla.entity;

import static br.com.sopdesk.sla.entity.SlaTime.SP;
import static br.com.sopdesk.sla.entity.SlaTime.business;
import static br.com.sopdesk.sla.entity.SlaTime.sp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    @Nested
    class AllHoursCalendar {

        private final WorkCalendar cal = new WorkCalendar.AllHours();

        @Test
        void plusCountsNightsWeekendsAndHolidays() {
            // The holiday of 20/11 and the weekend count like any other hours.
            assertEquals(sp("2025-11-21T10:00"), cal.plus(sp("2025-11-20T10:00"), h(24)));
            assertEquals(sp("2025-11-17T17:00"), cal.plus(sp("2025-11-14T17:00"), h(72)));
        }

        @Test
        void minusAndBetweenAreWallTime() {
            assertEquals(sp("2025-11-14T17:00"), cal.minus(sp("2025-11-17T17:00"), h(72)));
            assertEquals(h(72), cal.between(sp("2025-11-14T17:00"), sp("2025-11-17T17:00")));
            assertEquals(h(-72), cal.between(sp("2025-11-17T17:00"), sp("2025-11-14T17:00")));
        }

        @Test
        void acrossTheEndOfDaylightSavingIn2019ADayHas25RealHours() {
            // 2019-02-17 00:00 -02:00 went back to 2019-02-16 23:00 -03:00.
            Instant from = sp("2019-02-16T12:00");
            Instant to = sp("2019-02-17T12:00");
            assertEquals(h(25), cal.between(from, to));
            assertEquals(to, cal.plus(from, h(25)));
        }
    }

    @Nested
    class BusinessHoursCalendar {

        private final WorkCalendar.BusinessHours cal = business();

        @Test
        void refusesHoursThatEndBeforeTheyStart() {
            assertThrows(IllegalArgumentException.class, () -> new WorkCalendar.BusinessHours(SP,
                    LocalTime.of(18, 0), LocalTime.of(8, 0), d -> false));
            assertThrows(IllegalArgumentException.class, () -> new WorkCalendar.BusinessHours(SP,
                    LocalTime.of(8, 0), LocalTime.of(8, 0), d -> false));
        }

        @Test
        void workingDaysAreWeekdaysThatAreNotHolidays() {
            assertTrue(cal.workingDay(LocalDate.of(2025, 11, 17)));   // Monday
            assertFalse(cal.workingDay(LocalDate.of(2025, 11, 20)));  // Consciência Negra (Thursday)
            assertFalse(cal.workingDay(LocalDate.of(2025, 11, 22)));  // Saturday
            assertFalse(cal.workingDay(LocalDate.of(2025, 11, 23)));  // Sunday
        }

        @Test
        void plusInsideWorkingHoursOnTheSameDay() {
            assertEquals(sp("2025-11-17T14:00"), cal.plus(sp("2025-11-17T10:00"), h(4)));
            assertEquals(sp("2025-11-17T10:00"), cal.plus(sp("2025-11-17T10:00"), Duration.ZERO));
        }

        @Test
        void plusAcrossTheNight() {
            assertEquals(sp("2025-11-18T10:00"), cal.plus(sp("2025-11-17T16:00"), h(4)));
        }

        @Test
        void plusStartingBeforeOpeningCountsFromOpening() {
            assertEquals(sp("2025-11-17T09:00"), cal.plus(sp("2025-11-17T06:00"), h(1)));
            assertEquals(sp("2025-11-17T08:30"), cal.plus(sp("2025-11-17T00:00"), Duration.ofMinutes(30)));
        }

        @Test
        void plusStartingAfterClosingCountsFromNextOpening() {
            assertEquals(sp("2025-11-18T09:00"), cal.plus(sp("2025-11-17T19:00"), h(1)));
            assertEquals(sp("2025-11-18T09:00"), cal.plus(sp("2025-11-17T23:59:59"), h(1)));
        }

        @Test
        void plusAcrossTheWeekend() {
            assertEquals(sp("2025-11-17T09:00"), cal.plus(sp("2025-11-14T17:00"), h(2)));
            assertEquals(sp("2025-11-17T09:00"), cal.plus(sp("2025-11-15T12:00"), h(1)));  // from Saturday
            assertEquals(sp("2025-11-17T09:00"), cal.plus(sp("2025-11-16T23:00"), h(1)));  // from Sunday
        }

        @Test
        void plusSkipsHolidays() {
            // Wednesday 19/11/2025 17:00 + 2 h: Thursday 20/11 is Consciência Negra.
            assertEquals(sp("2025-11-21T09:00"), cal.plus(sp("2025-11-19T17:00"), h(2)));
            // Thursday 17/04/2025 17:00 + 2 h: Good Friday 18/04, weekend, Tiradentes Monday 21/04.
            assertEquals(sp("2025-04-22T09:00"), cal.plus(sp("2025-04-17T17:00"), h(2)));
        }

        @Test
        void plusSkipsCarnivalOnlyWhenOptionalDaysAreOn() {
            // Friday 13/02/2026 10:00 + 24 working hours: Friday 8 h, Carnival Mon/Tue 16–17/02 off,
            // Wednesday 18/02 10 h, Thursday 19/02 6 h.
            assertEquals(sp("2026-02-19T14:00"), cal.plus(sp("2026-02-13T10:00"), h(24)));
            var noOptional = new WorkCalendar.BusinessHours(SP, LocalTime.of(8, 0), LocalTime.of(18, 0),
                    new BrazilianHolidays(false, Set.of()));
            assertEquals(sp("2026-02-17T14:00"), noOptional.plus(sp("2026-02-13T10:00"), h(24)));
        }

        @Test
        void plusEndingExactlyAtClosingStaysOnThatDay() {
            assertEquals(sp("2025-11-17T18:00"), cal.plus(sp("2025-11-17T08:00"), h(10)));
            assertEquals(sp("2025-11-17T18:00"), cal.plus(sp("2025-11-17T07:00"), h(10)));
            assertEquals(sp("2025-11-18T08:01"), cal.plus(sp("2025-11-17T08:00"), h(10).plusMinutes(1)));
        }

        @Test
        void plusFromExactlyClosingStartsNextWorkingDay() {
            assertEquals(sp("2025-11-18T08:01"), cal.plus(sp("2025-11-17T18:00"), Duration.ofMinutes(1)));
            assertEquals(sp("2025-11-17T08:01"), cal.plus(sp("2025-11-14T18:00"), Duration.ofMinutes(1)));
        }

        @Test
        void plusOfADefault24HourPromiseSpansThreeDays() {
            // Thursday 13/11 10:00: Thursday 8 h, Friday 10 h, (weekend), Monday 6 h.
            assertEquals(sp("2025-11-17T14:00"), cal.plus(sp("2025-11-13T10:00"), h(24)));
            // Monday 24/11 10:00: Monday 8 h, Tuesday 10 h, Wednesday 6 h.
            assertEquals(sp("2025-11-26T14:00"), cal.plus(sp("2025-11-24T10:00"), h(24)));
        }

        @Test
        void negativePlusIsMinus() {
            assertEquals(cal.minus(sp("2025-11-17T10:00"), h(4)), cal.plus(sp("2025-11-17T10:00"), h(-4)));
            assertEquals(cal.plus(sp("2025-11-17T10:00"), h(4)), cal.minus(sp("2025-11-17T10:00"), h(-4)));
        }

        @Test
        void minusInsideTheDayAndAcrossTheWeekend() {
            assertEquals(sp("2025-11-17T10:00"), cal.minus(sp("2025-11-17T14:00"), h(4)));
            // Monday 10:00 - 4 h: Monday 2 h, then Friday 18:00 - 2 h.
            assertEquals(sp("2025-11-14T16:00"), cal.minus(sp("2025-11-17T10:00"), h(4)));
        }

        @Test
        void minusFromOutsideWorkingHours() {
            assertEquals(sp("2025-11-17T17:00"), cal.minus(sp("2025-11-17T20:00"), h(1)));  // after close
            assertEquals(sp("2025-11-17T17:00"), cal.minus(sp("2025-11-18T07:00"), h(1)));  // before open
            assertEquals(sp("2025-11-21T17:00"), cal.minus(sp("2025-11-23T12:00"), h(1)));  // Sunday
        }

        @Test
        void minusSkipsHolidays() {
            // Friday 21/11/2025 09:00 - 2 h: 1 h on Friday, Thursday 20/11 is a holiday, then Wednesday 17:00.
            assertEquals(sp("2025-11-19T17:00"), cal.minus(sp("2025-11-21T09:00"), h(2)));
        }

        @Test
        void minusAtExactBoundaries() {
            assertEquals(sp("2025-11-17T08:00"), cal.minus(sp("2025-11-17T18:00"), h(10)));
            assertEquals(sp("2025-11-17T17:00"), cal.minus(sp("2025-11-18T08:00"), h(1)));
            assertEquals(sp("2025-11-17T12:00"), cal.minus(sp("2025-11-17T12:00"), Duration.ZERO));
        }

        @Test
        void betweenCountsOnlyWorkingTime() {
            assertEquals(h(2), cal.between(sp("2025-11-14T17:00"), sp("2025-11-17T09:00")));
            assertEquals(h(10), cal.between(sp("2025-11-17T06:00"), sp("2025-11-17T21:00")));
            assertEquals(Duration.ZERO, cal.between(sp("2025-11-15T00:00"), sp("2025-11-17T08:00")));
            assertEquals(Duration.ZERO, cal.between(sp("2025-11-17T12:00"), sp("2025-11-17T12:00")));
            assertEquals(Duration.ofMinutes(90), cal.between(sp("2025-11-17T10:00"), sp("2025-11-17T11:30")));
        }

        @Test
        void betweenSkipsHolidaysAndIsNegativeBackwards() {
            // Wednesday 19/11 17:00 to Friday 21/11 09:00 over the Thursday holiday.
            assertEquals(h(2), cal.between(sp("2025-11-19T17:00"), sp("2025-11-21T09:00")));
            assertEquals(h(-2), cal.between(sp("2025-11-21T09:00"), sp("2025-11-19T17:00")));
        }

        @Test
        void aWholeWorkingWeekIsFiftyHours() {
            assertEquals(h(50), cal.between(sp("2025-11-10T00:00"), sp("2025-11-17T00:00")));
            // The week of the 20th has a holiday: 40 h.
            assertEquals(h(40), cal.between(sp("2025-11-17T00:00"), sp("2025-11-24T00:00")));
        }

        @Test
        void usesSaoPauloTimeNotUtc() {
            // 10:30 UTC is 07:30 in Brasília (UTC-3 since 2019): before opening.
            Instant utc1030 = LocalDateTime.of(2025, 11, 17, 10, 30).toInstant(ZoneOffset.UTC);
            assertEquals(sp("2025-11-17T09:00"), cal.plus(utc1030, h(1)));
            assertEquals(LocalDateTime.of(2025, 11, 17, 12, 0).toInstant(ZoneOffset.UTC), cal.plus(utc1030, h(1)));
            // 21:30 UTC is 18:30 in Brasília: after closing.
            Instant utc2130 = LocalDateTime.of(2025, 11, 17, 21, 30).toInstant(ZoneOffset.UTC);
            assertEquals(sp("2025-11-18T09:00"), cal.plus(utc2130, h(1)));
        }

        @Test
        void anotherZoneAndOtherHours() {
            // Manaus is UTC-4: 12:30 UTC is 08:30 there, 09:30 in Brasília.
            var manaus = new WorkCalendar.BusinessHours(java.time.ZoneId.of("America/Manaus"), LocalTime.of(9, 0),
                    LocalTime.of(17, 30), d -> false);
            Instant utc1230 = Instant.parse("2025-11-17T12:30:00Z");
            assertEquals(Instant.parse("2025-11-17T14:00:00Z"), manaus.plus(utc1230, h(1)));
            assertEquals(Duration.ofMinutes(8 * 60 + 30), manaus.between(Instant.parse("2025-11-17T00:00:00Z"),
                    Instant.parse("2025-11-18T00:00:00Z")));
            // No holidays in this calendar: 20/11 counts.
            assertTrue(manaus.workingDay(LocalDate.of(2025, 11, 20)));
        }

        @Test
        void installationDaysOffAreSkipped() {
            var withYearEnd = new WorkCalendar.BusinessHours(SP, LocalTime.of(8, 0), LocalTime.of(18, 0),
                    new BrazilianHolidays(true, Set.of(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 31))));
            // Tuesday 23/12 17:00 + 2 h: 24/12 off, 25/12 Christmas, Friday 26/12 09:00.
            assertEquals(sp("2025-12-26T09:00"), withYearEnd.plus(sp("2025-12-23T17:00"), h(2)));
            assertEquals(sp("2025-12-24T09:00"), cal.plus(sp("2025-12-23T17:00"), h(2)));
        }

        @Test
        void secondsAreCountedExactly() {
            Instant from = sp("2025-11-17T17:59:30");
            Instant to = cal.plus(from, Duration.ofSeconds(45));
            assertEquals(sp("2025-11-18T08:00:15"), to);
            assertEquals(Duration.ofSeconds(45), cal.between(from, to));
            assertEquals(from, cal.minus(to, Duration.ofSeconds(45)));
        }

        @Test
        void daylightSavingStartIn2018StillCountsWorkingHours() {
            // DST started Sunday 04/11/2018 00:00 (-03:00 -> -02:00); Friday 02/11 was Finados.
            Instant thursday = sp("2018-11-01T17:00");
            Instant monday = cal.plus(thursday, h(2));
            assertEquals(LocalDateTime.parse("2018-11-05T09:00"), LocalDateTime.ofInstant(monday, SP));
            assertEquals(ZoneOffset.ofHours(-2), SP.getRules().getOffset(monday));
            assertEquals(ZoneOffset.ofHours(-3), SP.getRules().getOffset(thursday));
            assertEquals(h(2), cal.between(thursday, monday));
            assertEquals(thursday, cal.minus(monday, h(2)));
            assertEquals(h(10), cal.between(sp("2018-11-02T00:00"), sp("2018-11-05T18:00")));
            // Saturday to Monday over the midnight gap.
            assertEquals(sp("2018-11-05T08:30"), cal.plus(sp("2018-11-03T12:00"), Duration.ofMinutes(30)));
        }

        @Test
        void daylightSavingEndIn2019StillCountsWorkingHours() {
            // DST ended Sunday 17/02/2019 00:00 (-02:00 -> -03:00; Saturday 23:00 came twice).
            Instant friday = sp("2019-02-15T17:30");
            Instant monday = cal.plus(friday, h(1));
            assertEquals(LocalDateTime.parse("2019-02-18T08:30"), LocalDateTime.ofInstant(monday, SP));
            assertEquals(h(1), cal.between(friday, monday));
            assertEquals(friday, cal.minus(monday, h(1)));
            assertEquals(h(50), cal.between(sp("2019-02-11T00:00"), sp("2019-02-18T00:00")));
        }

        @Test
        void longDurationsSpanManyDaysAndMonths() {
            // 90 days of minutes (the policy maximum) = 2160 working hours = 216 working days.
            Instant from = sp("2025-01-06T08:00");
            Duration work = Duration.ofMinutes(60 * 24 * 90);
            Instant to = cal.plus(from, work);
            assertEquals(work, cal.between(from, to));
            assertEquals(from, cal.minus(to, work));
            assertTrue(to.isAfter(sp("2025-10-01T00:00")), "216 working days from January end after September: " + to);
            // A 200-hour stretch from a Friday afternoon: 20 working days.
            Instant fri = sp("2025-11-14T17:00");
            Instant end = cal.plus(fri, h(200));
            assertEquals(h(200), cal.between(fri, end));
            assertEquals(fri, cal.minus(end, h(200)));
        }

        @Test
        void roundTripRecoversEveryInstantInsideWorkingHours() {
            List<Duration> works = List.of(Duration.ofMinutes(1), Duration.ofMinutes(45), h(1), h(4), h(10),
                    h(10).plusMinutes(1), h(24), h(37).plusMinutes(13), h(100));
            Instant t = sp("2025-11-13T00:00");
            Instant stop = sp("2025-11-27T00:00");
            int checked = 0;
            for (; t.isBefore(stop); t = t.plus(Duration.ofMinutes(37))) {
                for (Duration d : works) {
                    Instant y = cal.plus(t, d);
                    assertEquals(d, cal.between(t, y), () -> "between(x, plus(x, d)) for " + d);
                    Instant back = cal.minus(y, d);
                    assertEquals(Duration.ZERO, cal.between(back, t), () -> "minus(plus(x, d), d) is x in working time");
                    LocalTime local = t.atZone(SP).toLocalTime();
                    boolean inside = cal.workingDay(t.atZone(SP).toLocalDate())
                            && local.isAfter(LocalTime.of(8, 0)) && local.isBefore(LocalTime.of(18, 0));
                    if (inside) {
                        assertEquals(t, back, "minus(plus(x, d), d) == x for x = " + t + ", d = " + d);
                        checked++;
                    }
                }
            }
            assertTrue(checked > 500, "checked " + checked);
        }
    }
}
