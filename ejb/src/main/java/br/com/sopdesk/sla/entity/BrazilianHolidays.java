package br.com.sopdesk.sla.entity;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Brazil's national holidays, for business-hours SLA clocks: the fixed ones (Lei 662/1949 and later
 * laws, with Consciência Negra on 20 November from 2024), Good Friday, and — unless turned off —
 * the nationwide optional days most desks close on (Carnival Monday and Tuesday, Corpus Christi).
 * Installations add their own days (state or city holidays, year-end) through {@code extra}.
 */
public final class BrazilianHolidays implements Predicate<LocalDate> {

    private static final List<MonthDay> FIXED = List.of(
            MonthDay.of(1, 1), MonthDay.of(4, 21), MonthDay.of(5, 1), MonthDay.of(9, 7),
            MonthDay.of(10, 12), MonthDay.of(11, 2), MonthDay.of(11, 15), MonthDay.of(12, 25));

    private final boolean optionalDays;
    private final Set<LocalDate> extra;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    public BrazilianHolidays(boolean optionalDays, Set<LocalDate> extra) {
        this.optionalDays = optionalDays;
        this.extra = Set.copyOf(extra);
    }

    @Override
    public boolean test(LocalDate day) {
        return extra.contains(day) || byYear.computeIfAbsent(day.getYear(), this::holidaysOf).contains(day);
    }

    /** The holidays of a year (without the extra days). */
    public Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> days = new HashSet<>();
        FIXED.forEach(md -> days.add(md.atYear(year)));
        if (year >= 2024) {
            days.add(LocalDate.of(year, 11, 20));
        }
        LocalDate easter = easter(year);
        days.add(easter.minusDays(2));
        if (optionalDays) {
            days.add(easter.minusDays(48));
            days.add(easter.minusDays(47));
            days.add(easter.plusDays(60));
        }
        return Set.copyOf(days);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher computus). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
