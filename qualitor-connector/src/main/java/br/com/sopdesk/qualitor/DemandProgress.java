package br.com.sopdesk.qualitor;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Where a demand stands in Qualitor, for the SLA monitor: its situation, Qualitor's own expected
 * answer date, and its history entries (oldest first).
 *
 * @param number         demand number
 * @param situationCode  {@code cdsituacao}
 * @param situationName  {@code nmsituacao}
 * @param expectedAnswer {@code dtprevisaoresposta} as Qualitor wrote it, or null
 * @param history        the history entries ({@code getTicketHistoryData})
 */
public record DemandProgress(String number, String situationCode, String situationName, String expectedAnswer,
                             List<Entry> history) {

    /**
     * One history entry.
     *
     * @param at     when it was written, Brasília local time (Qualitor's installations run on it)
     * @param author who wrote it ({@code nmusuario}, or {@code cdusuario})
     * @param ours   whether SOP Desk's integration user wrote it (a reiteration, not a return)
     */
    public record Entry(LocalDateTime at, String author, String text, boolean ours) {
    }

    /** The latest entry someone other than SOP Desk wrote, if any. */
    public java.util.Optional<Entry> lastReturn() {
        return history.stream().filter(e -> !e.ours() && e.at() != null).reduce((a, b) -> b);
    }
}
