package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.entity.CertificateWarning;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * The upload or pasted text could not be read as a certificate, with the reason the agent (or the
 * API caller) is told in their language. Never carries the content or the password.
 */
public class UnreadableCertificateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the content was refused. */
    public enum Reason {
        /** nothing was sent */
        EMPTY,
        /** more than the configured limit */
        TOO_LARGE,
        /** a DER structure or PEM block cut short */
        TRUNCATED,
        /** neither DER, PEM, PKCS#7 nor PKCS#12, or damaged inside */
        UNREADABLE,
        /** a PFX/P12 that needs a password, and none was given */
        PASSWORD_REQUIRED,
        /** a PFX/P12 whose password does not match */
        WRONG_PASSWORD,
        /** a well-formed container without any certificate */
        NO_CERTIFICATE,
        /** the API request had no file part */
        NO_FILE
    }

    private final Reason reason;
    private final int limitKb;

    public UnreadableCertificateException(Reason reason) {
        this(reason, 0);
    }

    public UnreadableCertificateException(Reason reason, int limitKb) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.limitKb = limitKb;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status that fits: 413 for an oversized upload, 400 when the request lacks the file, 422 otherwise. */
    public int httpStatus() {
        return switch (reason) {
            case TOO_LARGE -> 413;
            case NO_FILE -> 400;
            default -> 422;
        };
    }

    public String message(Locale locale) {
        return MessageFormat.format(CertificateWarning.messages(locale).getString("error." + reason.name()), String.valueOf(limitKb));
    }
}
