package br.com.sopdesk.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Content-Security-Policy, one for every answer. Scripts run only from SOP Desk itself or, on
 * the pages, from the script blocks PrimeFaces writes with the request's nonce (PrimeFaces' CSP
 * mode, {@code primefaces.CSP} in web.xml, moves its inline handlers into such blocks): no inline
 * script or {@code eval} an attacker could inject. Styles keep {@code 'unsafe-inline'}
 * (PrimeFaces positions its widgets with style attributes; a style cannot run code). The pages may
 * be framed only by SOP Desk and the Qualitor origins in {@code sopdesk.embed.origins}.
 * <p>
 * PrimeFaces appends {@code 'nonce-…';} to {@link #getPages()}, whose script directive therefore
 * comes last; {@link SecurityHeaders} sends {@link #full()} on everything else.
 */
@ApplicationScoped
@Named("contentSecurityPolicy")
public class ContentSecurityPolicy {

    @Inject
    @ConfigProperty(name = "sopdesk.embed.origins", defaultValue = " ")
    String embedOrigins;

    /** The policy of Faces pages without its nonce (PrimeFaces adds it), e.g. {@code ...; script-src 'self'}. */
    public String getPages() {
        return pages(embedOrigins);
    }

    /** The policy of every other answer (API, resources, error pages from the container). */
    public String full() {
        return pages(embedOrigins) + ";";
    }

    /** The origins that may frame the pages besides SOP Desk itself (anything that is not an origin is dropped). */
    public List<String> embedOrigins() {
        return origins(embedOrigins);
    }

    /** The same origins, space-separated, for the pages to tell a framing Qualitor screen of a new demand. */
    public String getEmbedOriginsText() {
        return String.join(" ", embedOrigins());
    }

    static List<String> origins(String configured) {
        return Arrays.stream(configured == null ? new String[0] : configured.split("[,\\s]+"))
                .map(String::strip)
                .filter(o -> o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?"))
                .toList();
    }

    static String pages(String configured) {
        String ancestors = origins(configured).stream().collect(Collectors.joining(" "));
        return "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'" + (ancestors.isEmpty() ? "" : " " + ancestors)
                + "; script-src 'self'";
    }
}
