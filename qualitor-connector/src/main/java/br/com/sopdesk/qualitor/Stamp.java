package br.com.sopdesk.qualitor;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A time as Qualitor wrote it: the time, and whether only the date was given (then at the day's
 * start). Qualitor writes {@code YYYY-MM-DD HH:MM[:SS]} (some screens and versions
 * {@code DD/MM/YYYY HH:MM[:SS]}) or a bare date; fractions of a second are dropped.
 */
record Stamp(LocalDateTime at, boolean dateOnly) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter BR = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The latest moment meant: the time itself, or the last second of a bare date's day. */
    LocalDateTime latest() {
        return dateOnly ? at.toLocalDate().atTime(23, 59, 59) : at;
    }

    /** Reads a value Qualitor wrote; null for none; {@link QualitorException.Malformed} for a shape it cannot read. */
    static Stamp parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace('T', ' ');
        boolean br = v.length() >= 10 && v.charAt(2) == '/';
        try {
            if (v.length() == 10) {
                return new Stamp((br ? LocalDate.parse(v, BR_DATE) : LocalDate.parse(v)).atStartOfDay(), true);
            }
            String full = v.length() == 16 ? v + ":00" : v.substring(0, 19);
            return new Stamp(LocalDateTime.parse(full, br ? BR : ISO), false);
        } catch (RuntimeException e) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.bad-date", value));
        }
    }
}
