package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrazilianHolidaysTest {

    private final BrazilianHolidays withOptional = new BrazilianHolidays(true, Set.of());
    private final BrazilianHolidays nationalOnly = new BrazilianHolidays(false, Set.of());

    @ParameterizedTest
    @CsvSource({"2000,2000-04-23", "2011,2011-04-24", "2019,2019-04-21", "2024,2024-03-31", "2025,2025-04-20",
            "2026,2026-04-05", "2027,2027-03-28", "2028,2028-04-16", "2038,2038-04-25", "2285,2285-03-22"})
    void easterSundayOfKnownYears(int year, LocalDate easter) {
        assertEquals(easter, BrazilianHolidays.easter(year));
        assertEquals(java.time.DayOfWeek.SUNDAY, BrazilianHolidays.easter(year).getDayOfWeek());
    }

    @ParameterizedTest
    @CsvSource({"2025-01-01", "2025-04-21", "2025-05-01", "2025-09-07", "2025-10-12", "2025-11-02", "2025-11-15",
            "2025-12-25", "2018-01-01", "2030-12-25"})
    void fixedNationalHolidays(LocalDate day) {
        assertTrue(withOptional.test(day), day.toString());
        assertTrue(nationalOnly.test(day), day.toString());
    }

    @ParameterizedTest
    @CsvSource({
            // year, Carnival Monday, Carnival Tuesday, Good Friday, Corpus Christi
            "2024,2024-02-12,2024-02-13,2024-03-29,2024-05-30",
            "2025,2025-03-03,2025-03-04,2025-04-18,2025-06-19",
            "2026,2026-02-16,2026-02-17,2026-04-03,2026-06-04",
            "2027,2027-02-08,2027-02-09,2027-03-26,2027-05-27"})
    void easterBasedDays(int year, LocalDate carnivalMonday, LocalDate carnivalTuesday, LocalDate goodFriday,
                         LocalDate corpusChristi) {
        assertTrue(withOptional.test(goodFriday), "Good Friday " + goodFriday);
        assertTrue(nationalOnly.test(goodFriday), "Good Friday is national " + goodFriday);
        for (LocalDate optional : new LocalDate[] {carnivalMonday, carnivalTuesday, corpusChristi}) {
            assertTrue(withOptional.test(optional), "optional day off " + optional);
            assertFalse(nationalOnly.test(optional), "not a holiday without optional days " + optional);
        }
        assertEquals(java.time.DayOfWeek.MONDAY, carnivalMonday.getDayOfWeek());
        assertEquals(java.time.DayOfWeek.THURSDAY, corpusChristi.getDayOfWeek());
        // Ash Wednesday and Easter Sunday itself are not days off.
        assertFalse(withOptional.test(carnivalTuesday.plusDays(1)));
        assertFalse(withOptional.holidaysOf(year).contains(BrazilianHolidays.easter(year)));
    }

    @Test
    void consciencianegraOnlyFrom2024() {
        assertFalse(withOptional.test(LocalDate.of(2023, 11, 20)));
        assertTrue(withOptional.test(LocalDate.of(2024, 11, 20)));
        assertTrue(nationalOnly.test(LocalDate.of(2025, 11, 20)));
        assertTrue(nationalOnly.test(LocalDate.of(2030, 11, 20)));
    }

    @Test
    void ordinaryDaysAreNotHolidays() {
        assertFalse(withOptional.test(LocalDate.of(2025, 11, 17)));
        assertFalse(withOptional.test(LocalDate.of(2025, 12, 24)));
        assertFalse(withOptional.test(LocalDate.of(2025, 12, 31)));
        assertFalse(withOptional.test(LocalDate.of(2025, 4, 17)));  // Maundy Thursday
    }

    @Test
    void aYearHasItsExactSetOfHolidays() {
        Set<LocalDate> expected = new HashSet<>();
        for (String d : new String[] {"01-01", "03-03", "03-04", "04-18", "04-21", "05-01", "06-19", "09-07",
                "10-12", "11-02", "11-15", "11-20", "12-25"}) {
            expected.add(LocalDate.parse("2025-" + d));
        }
        assertEquals(expected, withOptional.holidaysOf(2025));
        expected.removeAll(Set.of(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4), LocalDate.of(2025, 6, 19)));
        assertEquals(expected, nationalOnly.holidaysOf(2025));
        assertEquals(9, nationalOnly.holidaysOf(2023).size(), "2023: 8 fixed days and Good Friday, no 20/11");
    }

    @Test
    void extraDaysAreAddedForEveryInstallation() {
        BrazilianHolidays saoPaulo = new BrazilianHolidays(false, Set.of(LocalDate.of(2025, 1, 25),
                LocalDate.of(2025, 7, 9), LocalDate.of(2025, 12, 31)));
        assertTrue(saoPaulo.test(LocalDate.of(2025, 1, 25)));
        assertTrue(saoPaulo.test(LocalDate.of(2025, 7, 9)));
        assertTrue(saoPaulo.test(LocalDate.of(2025, 12, 31)));
        assertTrue(saoPaulo.test(LocalDate.of(2025, 12, 25)), "national days remain");
        assertFalse(saoPaulo.test(LocalDate.of(2026, 1, 25)), "an extra day is a date, not a yearly day");
        assertFalse(saoPaulo.holidaysOf(2025).contains(LocalDate.of(2025, 7, 9)), "holidaysOf leaves extra days out");
    }

    @Test
    void extraDaysAreCopied() {
        Set<LocalDate> extra = new HashSet<>(Set.of(LocalDate.of(2025, 7, 9)));
        BrazilianHolidays h = new BrazilianHolidays(false, extra);
        extra.add(LocalDate.of(2025, 7, 10));
        assertFalse(h.test(LocalDate.of(2025, 7, 10)));
        assertThrows(UnsupportedOperationException.class, () -> h.holidaysOf(2025).add(LocalDate.of(2025, Month.JULY, 10)));
    }
}
