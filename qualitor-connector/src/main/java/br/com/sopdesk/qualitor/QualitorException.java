package br.com.sopdesk.qualitor;

/**
 * Why a Qualitor call did not succeed, in three kinds the caller treats differently: Qualitor
 * answered and refused ({@link Refused}: do not resend unchanged), Qualitor could not be reached
 * or failed ({@link Unavailable}: retry later), or it answered something that is not a Qualitor
 * message ({@link Malformed}: retry later, the request may or may not have been applied).
 */
public abstract sealed class QualitorException extends RuntimeException {

    private boolean writeMayHaveApplied;

    QualitorException(String message, Throwable cause) {
        super(message, cause);
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

    /** Qualitor answered {@code status 0}; carries its {@code error_code} and {@code msg}. */
    public static final class Refused extends QualitorException {
        private final String errorCode;
        private final String qualitorMessage;

        public Refused(String errorCode, String qualitorMessage) {
            super("Qualitor recusou a operação (código " + errorCode + "): " + qualitorMessage, null);
            this.errorCode = errorCode;
            this.qualitorMessage = qualitorMessage;
        }

        public String errorCode() {
            return errorCode;
        }

        public String qualitorMessage() {
            return qualitorMessage;
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** Qualitor was down, slow past the timeout, or answered an HTTP error. */
    public static final class Unavailable extends QualitorException {
        private final int httpStatus;

        public Unavailable(String message, Throwable cause) {
            this(message, cause, 0);
        }

        public Unavailable(String message, Throwable cause, int httpStatus) {
            super("Qualitor indisponível: " + message, cause);
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
        public Malformed(String message) {
            super("Resposta do Qualitor ilegível: " + message, null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
