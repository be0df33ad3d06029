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
            if (work.isNegative()) {
                return minus(from, work.negated());
            }
            ZonedDateTime t = from.atZone(zone);
            Duration left = work;
            for (int i = 0; i < MAX_DAYS; i++) {
                LocalDate day = t.toLocalDate();
                ZonedDateTime open = day.atTime(start).atZone(zone);
                ZonedDateTime close = day.atTime(end).atZone(zone);
                if (workingDay(day) && t.isBefore(close)) {
                    ZonedDateTime from0 = t.isBefore(open) ? open : t;
                    Duration available = Duration.between(from0, close);
                    if (left.compareTo(available) <= 0) {
                        return from0.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
                t = day.plusDays(1).atStartOfDay(zone);
            }
            throw new IllegalStateException("no working time found within " + MAX_DAYS + " days");
        }

        @Override
        public Instant minus(Instant to, Duration work) {
            if (work.isNegative()) {
                return plus(to, work.negated());
            }
            ZonedDateTime t = to.atZone(zone);
            Duration left = work;
            for (int i = 0; i < MAX_DAYS; i++) {
                LocalDate day = t.toLocalDate();
                ZonedDateTime open = day.atTime(start).atZone(zone);
                ZonedDateTime close = day.atTime(end).atZone(zone);
                if (workingDay(day) && t.isAfter(open)) {
                    ZonedDateTime to0 = t.isAfter(close) ? close : t;
                    Duration available = Duration.between(open, to0);
                    if (left.compareTo(available) <= 0) {
                        return to0.minus(left).toInstant();
                    }
                    left = left.minus(available);
                }
                t = day.minusDays(1).atTime(LocalTime.MAX).atZone(zone);
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
