package br.com.sopdesk.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every answer. The pages may be framed only by SOP Desk itself and the
 * Qualitor origins in {@code sopdesk.embed.origins} (CSP {@code frame-ancestors}; no
 * {@code X-Frame-Options}, which cannot name another origin and would contradict it). The rest of
 * the policy is what PrimeFaces needs: its scripts and styles are inline, so {@code 'unsafe-inline'}
 * stays for them, while objects, base URIs and form targets elsewhere are closed. HTTPS requests
 * also get {@code Strict-Transport-Security}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "sopdesk.embed.origins", defaultValue = " ")
    String embedOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy(embedOrigins));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin-allow-popups");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** The policy for the given origins (comma or space separated; anything that is not an origin is dropped). */
    public static String policy(String origins) {
        String ancestors = Arrays.stream(origins == null ? new String[0] : origins.split("[,\\s]+"))
                .map(String::strip)
                .filter(o -> o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?"))
                .collect(Collectors.joining(" "));
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'self'" + (ancestors.isEmpty() ? "" : " " + ancestors);
    }
}
