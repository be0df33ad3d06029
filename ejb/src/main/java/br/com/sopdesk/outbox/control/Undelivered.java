package br.com.sopdesk.outbox.control;

import br.com.sopdesk.qualitor.QualitorException;
import jakarta.ejb.EJBException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Why an attempt did not deliver, and what follows: {@code LATER} (may pass: retried after the
 * back-off), {@code REFUSED} (a person acts), {@code HELD} (it may have arrived and cannot be
 * checked), {@code WITHDRAWN} (went stale). {@link #of} is the one reading of every failure.
 */
public final class Undelivered extends RuntimeException {

    public enum Outcome { LATER, REFUSED, HELD, WITHDRAWN }

    private final Outcome outcome;
    private final boolean mayHaveArrived;
    private final String refusal;
    private final String detail;
    private final boolean unexpected;

    private Undelivered(Outcome outcome, String message, boolean mayHaveArrived, String refusal, String detail, boolean unexpected) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.mayHaveArrived = mayHaveArrived;
        this.refusal = refusal;
        this.detail = detail;
        this.unexpected = unexpected;
    }

    public static Undelivered later(String message, boolean mayHaveArrived) {
        return new Undelivered(Outcome.LATER, message, mayHaveArrived, null, null, false);
    }

    public static Undelivered withdrawn(String reason) {
        return new Undelivered(Outcome.WITHDRAWN, reason, false, null, reason, false);
    }

    /**
     * Reads a failure: Qualitor's answer by its kind (a lost answer that cannot be checked holds the
     * delivery), an open circuit breaker as an outage (nothing was sent), anything else unexpected as
     * a failure that may have delivered.
     */
    public static Undelivered of(Throwable e) {
        if (e instanceof EJBException && e.getCause() != null) {
            return of(e.getCause());
        }
        if (e instanceof Undelivered u) {
            return u;
        }
        if (e instanceof QualitorException q) {
            if (q instanceof QualitorException.Unverifiable) {
                return new Undelivered(Outcome.HELD, q.getMessage(), true, null, "não foi possível conferir no Qualitor se chegou", false);
            }
            if (q.retryable()) {
                return later(q.getMessage(), q.writeMayHaveApplied());
            }
            if (q instanceof QualitorException.Refused r) {
                return new Undelivered(Outcome.REFUSED, q.getMessage(), false, r.kind().name(),
                        r.kind().name() + ": código " + r.errorCode() + ": " + r.qualitorMessage(), false);
            }
            return new Undelivered(Outcome.REFUSED, q.getMessage(), false, null, q.getMessage(), false);
        }
        if (e instanceof CircuitBreakerOpenException) {
            return later("Qualitor indisponível: envios suspensos por alguns segundos após falhas seguidas", false);
        }
        return new Undelivered(Outcome.LATER, "Falha inesperada: " + e, true, null, null, true);
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

    /** Whether nothing foresaw this failure (worth a warning in the log). */
    public boolean unexpected() {
        return unexpected;
    }
}
