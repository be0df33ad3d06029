package br.com.sopdesk.sla.entity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * How an SLA clock counts time: every hour of the day ({@link AllHours}), or only working hours on
 * working days in a time zone ({@link BusinessHours}). The deadline, the at-risk point and what is
 * left when a clock pauses are all computed here, so a clock never does time arithmetic itself.
 */
public sealed interface WorkCalendar permits WorkCalendar.AllHours, WorkCalendar.BusinessHours {

    /** The instant when {@code work} of counted time has passed after {@code from}. */
    Instant plus(Instant from, Duration work);

    /** The instant {@code work} of counted time before {@code to}. */
    Instant minus(Instant to, Duration work);

    /** Counted time between two instants (negative when {@code to} is before {@code from}). */
    Duration between(Instant from, Instant to);

    /** Calendar hours: the clock runs day and night. */
    record AllHours() implements WorkCalendar {

        @Override
        public Instant plus(Instant from, Duration work) {
            return from.plus(work);
        }

        @Override
        public Instant minus(Instant to, Duration work) {
            return to.minus(work);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return Duration.between(from, to);
        }
    }

    /**
     * Working hours ({@code start} to {@code end}) on weekdays that are not holidays, in
     * {@code zone} (America/Sao_Paulo for Brazil's desks).
     */
    record BusinessHours(ZoneId zone, LocalTime start, LocalTime end, Predicate<LocalDate> holiday) implements WorkCalendar {

        /** A day of ten thousand years is a bug, not a deadline. */
        private static final int MAX_DAYS = 3_660;

        public BusinessHours {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("working hours must end after they start: " + start + "–" + end);
            }
        }

        public boolean workingDay(LocalDate day) {
            DayOfWeek d = day.getDayOfWeek();
            return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holiday.test(day);
        }

        @Override
        public Instant plus(Instant from, Duration work) {
            return work.isNegative() ? walk(from, work.negated(), false) : walk(from, work, true);
        }

        @Override
        public Instant minus(Instant to, Duration work) {
            return work.isNegative() ? walk(to, work.negated(), true) : walk(to, work, false);
        }

        /**
         * Spends {@code work} of working time from {@code at}, day by day, forward or backward: each
         * working day offers the part of its hours on the walking side of the current instant.
         */
        private Instant walk(Instant at, Duration work, boolean forward) {
            ZonedDateTime t = at.atZone(zone);
            Duration left = work;
            for (int i = 0; i < MAX_DAYS; i++) {
                LocalDate day = t.toLocalDate();
                ZonedDateTime open = day.atTime(start).atZone(zone);
                ZonedDateTime close = day.atTime(end).atZone(zone);
                ZonedDateTime edge = forward ? close : open;
                if (workingDay(day) && (forward ? t.isBefore(close) : t.isAfter(open))) {
                    ZonedDateTime from = forward ? (t.isBefore(open) ? open : t) : (t.isAfter(close) ? close : t);
                    Duration available = Duration.between(from, edge).abs();
                    if (left.compareTo(available) <= 0) {
                        return (forward ? from.plus(left) : from.minus(left)).toInstant();
                    }
                    left = left.minus(available);
                }
                t = forward ? day.plusDays(1).atStartOfDay(zone) : day.minusDays(1).atTime(LocalTime.MAX).atZone(zone);
            }
            throw new IllegalStateException("no working time found within " + MAX_DAYS + " days");
        }

        @Override
        public Duration between(Instant from, Instant to) {
            if (to.isBefore(from)) {
                return between(to, from).negated();
            }
            Duration total = Duration.ZERO;
            ZonedDateTime t = from.atZone(zone);
            ZonedDateTime last = to.atZone(zone);
            for (int i = 0; i < MAX_DAYS && t.isBefore(last); i++) {
                LocalDate day = t.toLocalDate();
                if (workingDay(day)) {
                    ZonedDateTime open = day.atTime(start).atZone(zone);
                    ZonedDateTime close = day.atTime(end).atZone(zone);
                    ZonedDateTime a = t.isBefore(open) ? open : t;
                    ZonedDateTime b = last.isBefore(close) ? last : close;
                    if (b.isAfter(a)) {
                        total = total.plus(Duration.between(a, b));
                    }
                }
                t = day.plusDays(1).atStartOfDay(zone);
            }
            return total;
        }
    }
}
