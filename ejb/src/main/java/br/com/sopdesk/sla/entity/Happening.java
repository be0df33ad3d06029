package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Text;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of a clock's timeline, produced by the clock and stored by the control as an {@link SlaEvent}:
 * its kind ({@code CREATED}, {@code SYNCED}, {@code PAUSED}...) and what happened as a text code, never a sentence.
 */
public record Happening(Instant at, String kind, SlaText text) {

    public Happening(Instant at, String kind, String key, String... args) {
        this(at, kind, SlaText.of(key, args));
    }

    static Happening created(Instant at, String demand, Instant deadline, ClockPolicy policy) {
        return new Happening(at, "CREATED", "event.CREATED", SlaText.text(demand), SlaText.zoned(deadline),
                SlaText.text(policy.getCode()), SlaText.text(policy.getName()));
    }

    /** Qualitor shows a new situation, or a new expected answer ({@code expected} may be null). */
    static Happening synced(Instant at, String situation, Instant expected) {
        return expected == null ? new Happening(at, "SYNCED", "event.SYNCED", SlaText.text(situation))
                : new Happening(at, "SYNCED", "event.SYNCED.expected", SlaText.text(situation), SlaText.zoned(expected));
    }

    /** The deadline passed; {@code fresh}: Qualitor was read recently; {@code lastRead}: when it last was (null: never). */
    static Happening due(Instant deadline, boolean fresh, Instant lastRead) {
        SlaText text = fresh ? SlaText.of("event.DUE") : lastRead == null ? SlaText.of("event.DUE.unread")
                : SlaText.of("event.DUE.stale", SlaText.time(lastRead));
        return new Happening(deadline, "DUE", text);
    }

    /** Met at {@code at} by a return written in Qualitor ({@code returned}) or the demand's closing, {@code late} after the deadline. */
    static Happening met(Instant at, boolean returned, Duration late) {
        String key = "event.MET." + (returned ? "returned" : "closed");
        return late.isNegative() || late.isZero() ? new Happening(at, "MET", key, SlaText.zoned(at))
                : new Happening(at, "MET", key + ".late", SlaText.zoned(at), SlaText.span(late));
    }

    static Happening paused(Instant at, String situation) {
        return new Happening(at, "PAUSED", "event.PAUSED", SlaText.text(situation));
    }

    static Happening resumed(Instant at, Duration paused, Instant deadline) {
        return new Happening(at, "RESUMED", "event.RESUMED", SlaText.span(paused), SlaText.zoned(deadline));
    }

    /** Qualitor announced a change of the demand: it is read now rather than at the cadence. */
    static Happening announced(Instant at) {
        return new Happening(at, "ANNOUNCED", "event.ANNOUNCED");
    }

    /** Qualitor refused a read ({@code refusals} in a row), and whether reads stop now. */
    static Happening refused(Instant at, int refusals, boolean stopped, Text reason) {
        return stopped ? new Happening(at, "SYNC_STOPPED", "event.SYNC_STOPPED", SlaText.text(String.valueOf(refusals)), SlaText.wording(reason))
                : new Happening(at, "SYNC_FAILED", "event.SYNC_FAILED", SlaText.wording(reason));
    }
}
