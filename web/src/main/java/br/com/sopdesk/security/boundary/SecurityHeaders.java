package br.com.sopdesk.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers on every answer, error pages included (mapped in web.xml for requests and error
 * dispatches). The Content-Security-Policy is {@link ContentSecurityPolicy}'s: set here for every
 * answer, and replaced on Faces pages by the same policy with the page's nonce that PrimeFaces adds
 * (the response passed on turns a second CSP header into a replacement, so the browser never
 * combines two policies). No {@code X-Frame-Options}: it cannot name another origin and would
 * contradict {@code frame-ancestors}. HTTPS requests also get {@code Strict-Transport-Security}.
 * Answers the sign-in itself ends (the redirect to the login form, a 429) never reach the filters,
 * so {@link SopDeskAuthentication} sets the same headers through {@link #apply} first.
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";

    @Inject
    ContentSecurityPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        apply(request, response, policy.full());
        chain.doFilter(request, new OnePolicy(response));
    }

    /** Sets the headers every answer carries, with {@code csp} as its Content-Security-Policy. */
    static void apply(HttpServletRequest request, HttpServletResponse response, String csp) {
        response.setHeader(CSP, csp);
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
    }

    /** A response on which adding a Content-Security-Policy replaces the one already set. */
    static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
