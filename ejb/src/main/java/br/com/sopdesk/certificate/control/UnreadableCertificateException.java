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
        /** a PFX/P12 whose password does not match its MAC (or, without a MAC, does not decrypt it): also what an altered file looks like */
        WRONG_PASSWORD,
        /** a PFX/P12 the password opens whose MAC fails or whose content does not decrypt or decode: altered or damaged */
        CORRUPTED,
        /** a PFX/P12 protected by an algorithm SOP Desk cannot check (named in the message) */
        UNSUPPORTED_PROTECTION,
        /** a well-formed container without any certificate */
        NO_CERTIFICATE,
        /** the API request had no file part */
        NO_FILE,
        /** the API request said multipart but its body is not (no boundary, or parts that do not follow it) */
        BAD_MULTIPART
    }

    private final Reason reason;
    private final String detail;

    public UnreadableCertificateException(Reason reason) {
        this(reason, "");
    }

    /** {@link Reason#TOO_LARGE}, with the limit in KB. */
    public UnreadableCertificateException(Reason reason, int limitKb) {
        this(reason, String.valueOf(limitKb));
    }

    /** @param detail what the message names: the limit, the algorithm not supported... (never content or a password) */
    public UnreadableCertificateException(Reason reason, String detail) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.detail = detail == null ? "" : detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status that fits: 413 for an oversized upload, 400 when the request lacks the file or is no multipart, 422 otherwise. */
    public int httpStatus() {
        return switch (reason) {
            case TOO_LARGE -> 413;
            case NO_FILE, BAD_MULTIPART -> 400;
            default -> 422;
        };
    }

    public String message(Locale locale) {
        return MessageFormat.format(CertificateWarning.messages(locale).getString("error." + reason.name()), detail);
    }
}
