package br.com.sopdesk.outbox.control;

import br.com.sopdesk.platform.Text;
import jakarta.ejb.EJBException;

/**
 * Why an attempt did not deliver, and what follows: {@code LATER} (may pass: retried after the
 * back-off), {@code REFUSED} (a person acts), {@code HELD} (it may have arrived and cannot be
 * checked), {@code WITHDRAWN} (went stale). A courier reads its receiver's failures into these
 * ({@link Courier#read}); {@link #of} reads what nobody foresaw. Its {@link #text} is kept on the
 * delivery and shown to a person in their language; the message is its pt-BR form, for the log.
 */
public final class Undelivered extends RuntimeException {

    public enum Outcome { LATER, REFUSED, HELD, WITHDRAWN }

    private final Outcome outcome;
    private final boolean mayHaveArrived;
    private final String refusal;
    private final String detail;
    private final boolean unexpected;
    private final boolean unreachable;
    private final Text text;

    private Undelivered(Outcome outcome, Text message, boolean mayHaveArrived, String refusal, String detail, boolean unexpected,
            boolean unreachable) {
        super(message.toString(), null, false, false);
        this.text = message;
        this.outcome = outcome;
        this.mayHaveArrived = mayHaveArrived;
        this.refusal = refusal;
        this.detail = detail;
        this.unexpected = unexpected;
        this.unreachable = unreachable;
    }

    private Undelivered(Outcome outcome, Text message, boolean mayHaveArrived, String refusal, String detail, boolean unexpected) {
        this(outcome, message, mayHaveArrived, refusal, detail, unexpected, false);
    }

    public static Undelivered later(Text message, boolean mayHaveArrived) {
        return new Undelivered(Outcome.LATER, message, mayHaveArrived, null, null, false);
    }

    /** Not sent: the receiver is known to be down (its circuit breaker is open), so nothing else goes to it this round. */
    public static Undelivered unreachable(Text message) {
        return new Undelivered(Outcome.LATER, message, false, null, null, false, true);
    }

    public static Undelivered withdrawn(Text reason) {
        return new Undelivered(Outcome.WITHDRAWN, reason, false, null, reason.toString(), false);
    }

    public static Undelivered refused(Text message, String refusal, String detail) {
        return new Undelivered(Outcome.REFUSED, message, false, refusal, detail, false);
    }

    public static Undelivered held(Text message, String detail) {
        return new Undelivered(Outcome.HELD, message, true, null, detail, false);
    }

    /**
     * Reads a failure no courier foresaw: a decision already made stands; a session bean's wrapper is
     * read for what it wraps; anything else is unexpected and may have delivered.
     */
    public static Undelivered of(Throwable e) {
        if (e instanceof EJBException && e.getCause() != null) {
            return of(e.getCause());
        }
        if (e instanceof Undelivered u) {
            return u;
        }
        return new Undelivered(Outcome.LATER, unexpected(e), true, null, null, true);
    }

    /** What a failure nobody foresaw leaves on the delivery. */
    public static Text unexpected(Throwable e) {
        return Text.of("outbox.unexpected", String.valueOf(e));
    }

    /** Why, for a person: kept on the delivery ({@link Text#stored}), rendered in the reader's language. */
    public Text text() {
        return text;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Whether the receiver may hold it although no answer came. */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }

    /** The refusal's kind, when the receiver refused (Qualitor's {@code RefusalKind}); null otherwise. */
    public String refusal() {
        return refusal;
    }

    /** What the audit records: the receiver's code and words, never the plain sentence (it may name the customer). */
    public String detail() {
        return detail == null ? getMessage() : detail;
    }

    /** Whether the receiver is known to be down: a drain stops, leaving the rest for its next round. */
    public boolean unreachable() {
        return unreachable;
    }

    /** Whether nothing foresaw this failure (worth a warning in the log). */
    public boolean unexpected() {
        return unexpected;
    }
}
