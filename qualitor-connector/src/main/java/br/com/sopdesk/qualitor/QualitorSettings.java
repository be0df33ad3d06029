package br.com.sopdesk.qualitor;

import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Connection settings, read from MicroProfile Config. The keys (all under {@code qualitor.}) are
 * documented in the README; the password has no default and is expected from a Payara password
 * alias or the environment, never from the repository.
 *
 * @param baseUri        {@code qualitor.url}: the installation root, without {@code /ws/...}
 * @param user           {@code qualitor.user}: the integration login
 * @param password       {@code qualitor.password}
 * @param company        {@code qualitor.company}: Qualitor's company code
 * @param connectTimeout {@code qualitor.connect-timeout-ms} (default 2000)
 * @param readTimeout    {@code qualitor.read-timeout-ms} (default 5000)
 * @param xmlDeclaration {@code qualitor.xml-declaration} (default true): some versions reject it
 * @param mode           {@code qualitor.mode}: {@code stateless} (default, {@code statelessws.php}) or
 *                       {@code soap} (login token, then {@code op(auth, xmlValue)} on
 *                       {@code ws/services/service.php}) for installations that only offer SOAP
 * @param historyType    {@code qualitor.history-type} (default 1): the {@code cdtipoacompanhamento} of
 *                       the history entries SOP Desk writes (reiterations, restarts)
 * @param defaultContact {@code qualitor.default-contact} (default none): the {@code cdcontato} a ticket
 *                       is opened with when the customer's e-mail is not one of its contacts in
 *                       Qualitor; without it such a ticket is refused, naming the e-mail
 */
public record QualitorSettings(URI baseUri, String user, String password, String company,
                               Duration connectTimeout, Duration readTimeout, boolean xmlDeclaration, Mode mode,
                               String historyType, String defaultContact) {

    /** How SOP Desk talks to Qualitor; the same {@code <wsqualitor>} documents travel either way. */
    public enum Mode {
        /** Form post to {@code ws/statelessws.php}, credentials on every call. */
        STATELESS,
        /** SOAP 1.1 (rpc) on {@code ws/services/service.php?wsdl=<service>}, with a login token. */
        SOAP;

        static Mode of(String value) {
            try {
                return Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("qualitor.mode deve ser stateless ou soap, não '" + value + "'", e);
            }
        }
    }

    public QualitorSettings {
        mode = mode == null ? Mode.STATELESS : mode;
        historyType = historyType == null || historyType.isBlank() ? "1" : historyType.strip();
        defaultContact = defaultContact == null || defaultContact.isBlank() ? null : defaultContact.strip();
    }

    /** Settings with the default history type and no default contact. */
    public QualitorSettings(URI baseUri, String user, String password, String company,
                            Duration connectTimeout, Duration readTimeout, boolean xmlDeclaration, Mode mode) {
        this(baseUri, user, password, company, connectTimeout, readTimeout, xmlDeclaration, mode, null, null);
    }

    /** Settings in the default (stateless) mode. */
    public QualitorSettings(URI baseUri, String user, String password, String company,
                            Duration connectTimeout, Duration readTimeout, boolean xmlDeclaration) {
        this(baseUri, user, password, company, connectTimeout, readTimeout, xmlDeclaration, Mode.STATELESS);
    }

    /** The same settings in another mode. */
    public QualitorSettings withMode(Mode other) {
        return new QualitorSettings(baseUri, user, password, company, connectTimeout, readTimeout, xmlDeclaration, other,
                historyType, defaultContact);
    }

    /** The same settings with another default contact (null: none). */
    public QualitorSettings withDefaultContact(String contact) {
        return new QualitorSettings(baseUri, user, password, company, connectTimeout, readTimeout, xmlDeclaration, mode,
                historyType, contact);
    }

    public static QualitorSettings from(Config config) {
        return new QualitorSettings(
                URI.create(config.getOptionalValue("qualitor.url", String.class).orElse("http://localhost:8080/qualitor-sandbox")),
                config.getOptionalValue("qualitor.user", String.class).orElse("integracao"),
                config.getOptionalValue("qualitor.password", String.class).orElse(""),
                config.getOptionalValue("qualitor.company", String.class).orElse("1"),
                Duration.ofMillis(config.getOptionalValue("qualitor.connect-timeout-ms", Long.class).orElse(2000L)),
                Duration.ofMillis(config.getOptionalValue("qualitor.read-timeout-ms", Long.class).orElse(5000L)),
                config.getOptionalValue("qualitor.xml-declaration", Boolean.class).orElse(true),
                Mode.of(config.getOptionalValue("qualitor.mode", String.class).orElse("stateless")),
                config.getOptionalValue("qualitor.history-type", String.class).orElse("1"),
                config.getOptionalValue("qualitor.default-contact", String.class).orElse(null));
    }

    @Override
    public String toString() {
        return "QualitorSettings[" + baseUri + ", mode=" + mode + ", user=" + user + ", company=" + company + "]";
    }
}
