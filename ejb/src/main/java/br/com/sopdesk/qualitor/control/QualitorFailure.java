package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.QualitorException;

/**
 * Why a call to Qualitor did not succeed, in SOP Desk's terms: {@link QualitorGateway} translates
 * the connector's failures into this (a refusal into {@link QualitorRefusal}), so no caller handles
 * the connector's own types. The message is the connector's sentence, unchanged.
 */
public class QualitorFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What happened; each is read differently by the outbox ({@link QualitorFailures}). */
    public enum Type {
        /** Qualitor answered and refused the request ({@link QualitorRefusal}): a person acts, then it is sent again. */
        REFUSED,
        /** Qualitor refused SOP Desk's own integration login: an outage on our side, retried later. */
        LOGIN_REFUSED,
        /** Qualitor could not be reached, was slow past the timeout or answered an HTTP error: retried later. */
        UNAVAILABLE,
        /** Qualitor answered something that is not a Qualitor message: retried later. */
        UNREADABLE,
        /** A lost answer cannot be checked: a person looks in Qualitor before anything is sent again. */
        UNVERIFIABLE
    }

    private final Type type;
    private final boolean writeMayHaveApplied;

    QualitorFailure(Type type, QualitorException cause) {
        super(cause.getMessage(), cause);
        this.type = type;
        this.writeMayHaveApplied = cause.writeMayHaveApplied();
    }

    /** The connector's failure in SOP Desk's terms. */
    static QualitorFailure of(QualitorException e) {
        if (e instanceof QualitorException.Refused r) {
            return new QualitorRefusal(r);
        }
        Type type = e instanceof QualitorException.Unauthorized ? Type.LOGIN_REFUSED
                : e instanceof QualitorException.Unavailable ? Type.UNAVAILABLE
                : e instanceof QualitorException.Malformed ? Type.UNREADABLE
                : Type.UNVERIFIABLE;
        return new QualitorFailure(type, e);
    }

    /** Qualitor unavailable for {@code why} (e.g. calls suspended by the circuit breaker), as the connector words it. */
    public static QualitorFailure unavailable(String why, Throwable cause) {
        return of(new QualitorException.Unavailable(why, cause));
    }

    public Type type() {
        return type;
    }

    /** The connector's sentence as SOP Desk's text, rendered in the reader's language. */
    public Text text() {
        return ConnectorText.of((QualitorException) getCause());
    }

    /** Whether the same request may succeed when sent again later (Qualitor's login refused, unavailable or unreadable). */
    public boolean retryable() {
        return type == Type.LOGIN_REFUSED || type == Type.UNAVAILABLE || type == Type.UNREADABLE;
    }

    /**
     * Whether Qualitor may have carried out the write that failed (the ticket may exist although no
     * answer arrived): a retry must look for it before writing again.
     */
    public boolean writeMayHaveApplied() {
        return writeMayHaveApplied;
    }
}
