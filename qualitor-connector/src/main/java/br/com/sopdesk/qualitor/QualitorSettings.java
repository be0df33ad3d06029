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
 */
public record QualitorSettings(URI baseUri, String user, String password, String company,
                               Duration connectTimeout, Duration readTimeout, boolean xmlDeclaration) {

    public static QualitorSettings from(Config config) {
        return new QualitorSettings(
                URI.create(config.getOptionalValue("qualitor.url", String.class).orElse("http://localhost:8080/qualitor-sandbox")),
                config.getOptionalValue("qualitor.user", String.class).orElse("integracao"),
                config.getOptionalValue("qualitor.password", String.class).orElse(""),
                config.getOptionalValue("qualitor.company", String.class).orElse("1"),
                Duration.ofMillis(config.getOptionalValue("qualitor.connect-timeout-ms", Long.class).orElse(2000L)),
                Duration.ofMillis(config.getOptionalValue("qualitor.read-timeout-ms", Long.class).orElse(5000L)),
                config.getOptionalValue("qualitor.xml-declaration", Boolean.class).orElse(true));
    }

    @Override
    public String toString() {
        return "QualitorSettings[" + baseUri + ", user=" + user + ", company=" + company + "]";
    }
}
