package br.com.sopdesk.qualitor;

import java.util.List;

/**
 * Why a Qualitor call did not succeed, in kinds the caller treats differently: Qualitor answered
 * and refused the request ({@link Refused}, classified by {@link RefusalKind}: a person acts, then
 * it is sent again), Qualitor refused SOP Desk's own login ({@link Unauthorized}: an outage, retry
 * later), Qualitor could not be reached or failed ({@link Unavailable}: retry later), it answered
 * something that is not a Qualitor message ({@link Malformed}: retry later, the request may or may
 * not have been applied), or a lost answer cannot be checked ({@link Unverifiable}: a person looks
 * in Qualitor before anything is sent again).
 */
public abstract sealed class QualitorException extends RuntimeException
        permits QualitorException.Refused, QualitorException.Unauthorized, QualitorException.Unverifiable,
        QualitorException.Unavailable, QualitorException.Malformed {

    private boolean writeMayHaveApplied;
    private final Wording wording;

    QualitorException(Wording wording, Throwable cause) {
        super(wording.toString(), cause);
        this.wording = wording;
    }

    /** What to tell a person, for the application to render in the reader's language (the message is its pt-BR form). */
    public Wording wording() {
        return wording;
    }

    /** Whether the same request may succeed when sent again later. */
    public abstract boolean retryable();

    /**
     * Whether Qualitor may have carried out the write that failed (the ticket may exist although
     * no answer arrived): a retry must look for it before writing again.
     */
    public boolean writeMayHaveApplied() {
        return writeMayHaveApplied;
    }

    /** Marks the failure as one of a write whose outcome is unknown (unless it surely did nothing). */
    QualitorException duringWrite() {
        this.writeMayHaveApplied = retryable() && !surelyNotApplied();
        return this;
    }

    /** Failures that certainly happened before Qualitor did anything (refused connection, HTTP 503). */
    boolean surelyNotApplied() {
        return false;
    }

    /**
     * The refusal of one {@code status 0} answer (or SOAP {@code Client} fault) of {@code operation}:
     * {@link Unauthorized} when it is about SOP Desk's own login, otherwise {@link Refused}, both
     * classified by {@link RefusalKind}.
     */
    static QualitorException refusal(String operation, String errorCode, String qualitorMessage) {
        RefusalKind kind = RefusalKind.classify(operation, errorCode, qualitorMessage);
        return kind == RefusalKind.CREDENTIALS ? new Unauthorized(errorCode, qualitorMessage)
                : new Refused(kind, errorCode, qualitorMessage, null);
    }

    /** Qualitor's own words and code ("Detalhe do Qualitor (código 12): Ws - ..."), kept beside our sentence. */
    static Wording detail(String errorCode, String qualitorMessage) {
        Object words = qualitorMessage == null || qualitorMessage.isBlank() ? Wording.of("connector.detail.none") : qualitorMessage.strip();
        return errorCode == null || errorCode.isBlank() ? Wording.of("connector.detail", words)
                : Wording.of("connector.detail.code", errorCode.strip(), words);
    }

    /**
     * Qualitor answered {@code status 0} about the request itself; carries its {@code error_code} and
     * {@code msg}, what kind of refusal it is, and a plain sentence saying what to do. Sending
     * the same request again changes nothing until a person acts. A refusal did nothing in Qualitor.
     */
    public static final class Refused extends QualitorException {
        private static final List<String> CLASSIFICATION = List.of("cdcategoria", "cdtipochamado", "cdlocalidade", "cdseveridade");
        private final RefusalKind kind;
        private final String errorCode;
        private final String qualitorMessage;
        private final Wording advice;

        public Refused(String errorCode, String qualitorMessage) {
            this(RefusalKind.OTHER, errorCode, qualitorMessage, null);
        }

        Refused(RefusalKind kind, String errorCode, String qualitorMessage, Wording advice) {
            this(kind, errorCode, qualitorMessage, advice == null ? defaultAdvice(kind, qualitorMessage) : advice, true);
        }

        private Refused(RefusalKind kind, String errorCode, String qualitorMessage, Wording advice, boolean checked) {
            super(Wording.of("connector.with-detail", advice, detail(errorCode, qualitorMessage)), null);
            this.kind = kind;
            this.errorCode = errorCode;
            this.qualitorMessage = qualitorMessage;
            this.advice = advice;
        }

        /** The same refusal with a sentence that names what was refused (the document, the e-mail). */
        Refused advising(Wording sentence) {
            return new Refused(kind, errorCode, qualitorMessage, sentence);
        }

        public RefusalKind kind() {
            return kind;
        }

        public String errorCode() {
            return errorCode;
        }

        public String qualitorMessage() {
            return qualitorMessage;
        }

        /** The plain pt-BR sentence alone: what happened and what to do (without Qualitor's detail). */
        public String advice() {
            return advice.toString();
        }

        /** The same sentence, for the application to render in the reader's language. */
        public Wording adviceWording() {
            return advice;
        }

        @Override
        boolean surelyNotApplied() {
            return true;
        }

        @Override
        public boolean retryable() {
            return false;
        }

        private static Wording defaultAdvice(RefusalKind kind, String qualitorMessage) {
            return switch (kind) {
                case CUSTOMER_NOT_FOUND -> Wording.of("connector.refused.customer");
                case CONTACT_NOT_FOUND -> Wording.of("connector.refused.contact");
                case INVALID_DATA -> invalidData(qualitorMessage);
                default -> Wording.of("connector.refused.other");
            };
        }

        /** Names the field in words when Qualitor says which one it wanted. */
        private static Wording invalidData(String qualitorMessage) {
            String m = RefusalKind.plain(qualitorMessage);
            for (String field : List.of("cdcategoria", "cdtipochamado", "cdlocalidade", "cdseveridade", "cdcontato", "cdcliente",
                    "nmtitulochamado", "dschamado", "dsacompanhamento", "dsemail", "nrcpfcnpj")) {
                if (m.contains(field)) {
                    boolean classification = CLASSIFICATION.contains(field);
                    return Wording.of(classification ? "connector.refused.classification" : "connector.refused.field",
                            Wording.of("connector.field." + field));
                }
            }
            return Wording.of("connector.refused.data");
        }
    }

    /**
     * Qualitor refused SOP Desk's own integration login, password or permission. Nothing was done,
     * and nothing about the ticket is wrong: it is an outage on our side, retried later (once an
     * administrator fixes {@code qualitor.user} / {@code qualitor.password}), and counted by the
     * circuit breaker like Qualitor being down.
     */
    public static final class Unauthorized extends QualitorException {
        private final String errorCode;
        private final String qualitorMessage;

        public Unauthorized(String errorCode, String qualitorMessage) {
            super(Wording.of("connector.with-detail", Wording.of("connector.unauthorized"), detail(errorCode, qualitorMessage)), null);
            this.errorCode = errorCode;
            this.qualitorMessage = qualitorMessage;
        }

        public RefusalKind kind() {
            return RefusalKind.CREDENTIALS;
        }

        public String errorCode() {
            return errorCode;
        }

        public String qualitorMessage() {
            return qualitorMessage;
        }

        @Override
        boolean surelyNotApplied() {
            return true;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /**
     * An earlier attempt may have created the ticket (or written the history entry), and Qualitor's
     * answers do not let SOP Desk check it: neither the key field nor the text come back. Sending
     * again could duplicate it, so a person must look in Qualitor first.
     */
    public static final class Unverifiable extends QualitorException {
        Unverifiable(Wording wording) {
            super(wording, null);
        }

        @Override
        public boolean writeMayHaveApplied() {
            return true;
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** Qualitor was down, slow past the timeout, or answered an HTTP error. */
    public static final class Unavailable extends QualitorException {
        private final int httpStatus;

        /** {@code message}: what failed, as it is (a technical detail, kept in its own words). */
        public Unavailable(String message, Throwable cause) {
            super(Wording.of("connector.unavailable", message), cause);
            this.httpStatus = 0;
        }

        Unavailable(Wording what, Throwable cause) {
            this(what, cause, 0);
        }

        Unavailable(Wording what, Throwable cause, int httpStatus) {
            super(Wording.of("connector.unavailable", what), cause);
            this.httpStatus = httpStatus;
        }

        @Override
        boolean surelyNotApplied() {
            if (httpStatus == 503) {
                return true;
            }
            for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof java.net.ConnectException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The answer was not a readable {@code <wsqualitor>} document. */
    public static final class Malformed extends QualitorException {
        /** {@code message}: what was wrong with the answer, as it is (a technical detail, kept in its own words). */
        public Malformed(String message) {
            super(Wording.of("connector.malformed", message), null);
        }

        Malformed(Wording what) {
            super(Wording.of("connector.malformed", what), null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
