package br.com.sopdesk.qualitor;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a demand stands in Qualitor, for the SLA monitor: its situation, Qualitor's own expected
 * answer date, and its history entries (oldest first). Times are Qualitor's local wall-clock times
 * (its installations run on Brasília time); the caller places them in its zone.
 *
 * @param number         demand number
 * @param situationCode  {@code cdsituacao}
 * @param situationName  {@code nmsituacao}
 * @param expectedAnswer {@code dtprevisaoresposta} read as a time (a bare date: the end of that day), or null when
 *                       absent or unreadable
 * @param history        the history entries ({@code getTicketHistoryData})
 */
public record DemandProgress(String number, String situationCode, String situationName, LocalDateTime expectedAnswer,
                             List<Entry> history) {

    /**
     * One history entry.
     *
     * @param at       when it was written; for an entry Qualitor stamped with a bare date, the start of that day
     * @param dateOnly whether Qualitor gave only the date (no time of day)
     * @param author   who wrote it ({@code nmusuario}, or {@code cdusuario})
     * @param ours     whether SOP Desk wrote it (a reiteration or a closing, not a return): written by the integration
     *                 user (login or code) or carrying SOP Desk's marker ({@link QualitorClient#HISTORY_MARKER})
     */
    public record Entry(LocalDateTime at, boolean dateOnly, String author, String text, boolean ours) {

        /**
         * The latest moment the entry may have been written: its time, or for a bare date the last
         * second of that day (the conservative reading: never earlier than it really was).
         */
        public LocalDateTime latest() {
            return at == null || !dateOnly ? at : at.toLocalDate().atTime(LocalTime.of(23, 59, 59));
        }
    }

    /**
     * The first entry someone other than SOP Desk wrote at or after {@code since}: the return that
     * met the promise. Entries are compared by {@link Entry#latest()}, so a bare date counts only if
     * its day's end is not before {@code since}, and then as if written at that end.
     */
    public Optional<Entry> firstReturnSince(LocalDateTime since) {
        return history.stream()
                .filter(e -> !e.ours() && e.at() != null && !e.latest().isBefore(since))
                .min(Comparator.comparing(Entry::latest));
    }
}
