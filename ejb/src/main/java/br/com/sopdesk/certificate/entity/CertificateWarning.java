package br.com.sopdesk.certificate.entity;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Something the agent must notice about the certificate read, with its values; the text comes from
 * {@code CertificateMessages} in the agent's language.
 */
public record CertificateWarning(Code code, List<String> values) implements Serializable {

    /** The kinds of warnings; {@code sop} is the SOP that deals with it, when there is one. */
    public enum Code {
        PASSWORD_NOT_CHECKED(null), UNREADABLE_PART(null), NOT_ICP_BRASIL(null), NO_CEI("sem-matricula-cei"), DOCUMENT_DIFFERS(null), INVALID_DOCUMENT(null),
        EXPIRED(null), NOT_YET_VALID(null), EXPIRES_SOON(null);

        private final String sop;

        Code(String sop) {
            this.sop = sop;
        }

        public String sop() {
            return sop;
        }
    }

    public CertificateWarning {
        values = List.copyOf(values);
    }

    static CertificateWarning of(Code code, String... values) {
        return new CertificateWarning(code, List.of(values));
    }

    /** The SOP that deals with it (e.g. the CEI SOP for a certificate without CEI), or null. */
    public String sop() {
        return code.sop();
    }

    public String message(Locale locale) {
        return MessageFormat.format(messages(locale).getString("warning." + code.name()), values.toArray());
    }

    /** The certificate messages in pt-BR or English, never in the JVM's default language by accident. */
    public static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle("br.com.sopdesk.certificate.CertificateMessages",
                "en".equals(locale.getLanguage()) ? Locale.ROOT : Locale.forLanguageTag("pt"),
                CertificateWarning.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
