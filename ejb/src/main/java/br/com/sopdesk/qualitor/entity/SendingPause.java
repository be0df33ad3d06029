package br.com.sopdesk.qualitor.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whether sending to Qualitor is paused because the same refusal Qualitor does not explain came
 * back for several different tickets in a row: then it is the installation's problem (a password,
 * a permission, a code), not the tickets'. One row shared by every instance: the streak being
 * counted (Qualitor's code and words, the tickets), and the pause with the words that caused it.
 * A ticket accepted by Qualitor ends both.
 */
@Entity
@Table(name = "qualitor_pause")
public class SendingPause {

    /** The one row. */
    public static final int ID = 1;
    private static final int MAX_TICKETS = 20;

    /** What a refusal did to the streak. */
    public enum Outcome {
        /** Counted; the ticket is refused on its own. */
        COUNTED,
        /** This refusal completed the streak: sending is paused now. */
        PAUSED_NOW,
        /** Sending was already paused. */
        ALREADY_PAUSED
    }

    @Id
    private Integer id;

    @Column(name = "streak_code", length = 40)
    private String streakCode;

    @Column(name = "streak_message", length = 1000)
    private String streakMessage;

    @Column(name = "streak_count", nullable = false)
    private int streakCount;

    @Column(name = "streak_tickets", length = 400)
    private String streakTickets;

    @Column(name = "paused_at")
    private LocalDateTime pausedAt;

    @Column(name = "paused_code", length = 40)
    private String pausedCode;

    @Column(name = "paused_message", length = 1000)
    private String pausedMessage;

    @Column(name = "probed_at")
    private LocalDateTime probedAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected SendingPause() {
    }

    /**
     * Counts Qualitor's refusal of {@code ticket}: the same code and words as the streak's extend it
     * (a ticket counts once), others start a new one; {@code after} different tickets in a row pause.
     */
    public Outcome refused(long ticket, String code, String message, int after, Instant now) {
        String c = cut(code == null ? "" : code.strip(), 40);
        String m = cut(message == null ? "" : message.strip(), 1000);
        updatedAt = Utc.of(now);
        if (isPaused()) {
            return Outcome.ALREADY_PAUSED;
        }
        List<Long> tickets = streakTickets();
        if (streakCount > 0 && Objects.equals(c, streakCode) && Objects.equals(m, streakMessage)) {
            if (!tickets.contains(ticket)) {
                tickets.add(ticket);
                streakCount++;
            }
        } else {
            streakCode = c;
            streakMessage = m;
            tickets = new ArrayList<>(List.of(ticket));
            streakCount = 1;
        }
        streakTickets = String.join(",", tickets.stream().skip(Math.max(0, tickets.size() - MAX_TICKETS)).map(String::valueOf).toList());
        if (streakCount >= Math.max(1, after)) {
            pausedAt = Utc.of(now);
            pausedCode = c;
            pausedMessage = m;
            probedAt = Utc.of(now);
            return Outcome.PAUSED_NOW;
        }
        return Outcome.COUNTED;
    }

    /** A ticket went through (or an administrator resumed): no streak, no pause. Returns whether it was paused. */
    public boolean clear(Instant now) {
        boolean was = isPaused();
        streakCode = null;
        streakMessage = null;
        streakCount = 0;
        streakTickets = null;
        pausedAt = null;
        pausedCode = null;
        pausedMessage = null;
        probedAt = null;
        updatedAt = Utc.of(now);
        return was;
    }

    /** While paused, whether one ticket may go now to see if Qualitor accepts again (at most one per {@code every}); claims it. */
    public boolean probe(Instant now, Duration every) {
        if (!isPaused() || (probedAt != null && Utc.instant(probedAt).plus(every).isAfter(now))) {
            return false;
        }
        probedAt = Utc.of(now);
        updatedAt = Utc.of(now);
        return true;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    /** Whether there is anything to clear. */
    public boolean isClear() {
        return !isPaused() && streakCount == 0;
    }

    /** The tickets of the current streak (the latest few). */
    public List<Long> streakTickets() {
        return streakTickets == null || streakTickets.isBlank() ? new ArrayList<>()
                : new ArrayList<>(Arrays.stream(streakTickets.split(",")).map(Long::valueOf).toList());
    }

    public int getStreakCount() {
        return streakCount;
    }

    public Instant getPausedAt() {
        return Utc.instant(pausedAt);
    }

    public String getPausedCode() {
        return pausedCode;
    }

    public String getPausedMessage() {
        return pausedMessage;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
