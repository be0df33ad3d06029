package br.com.sopdesk.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses cross-site requests that would change data ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}), on the pages and the API alike. The API also accepts the pages' session cookie,
 * so without this a page on another site could make a signed-in browser post to it (a form may send
 * {@code text/plain} without any preflight, and with {@code SameSite=None} the cookie goes along);
 * the pages' posts also carry their view state, which another site cannot read, and this keeps a
 * second lock on them, so the pages themselves can be opened by address and bookmarked. Browsers name the page that sent a request in {@code Origin} (or at least
 * {@code Referer}); when either is present it must be SOP Desk's own origin or one of
 * {@code sopdesk.embed.origins}, otherwise the answer is 403 (JSON under {@code /api/}, the error
 * page elsewhere). Requests with neither header come
 * from programs, not from a browser on someone else's page, and pass.
 */
public class OriginCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    ContentSecurityPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            String origin = request.getHeader("Origin");
            if (origin == null) {
                origin = request.getHeader("Referer");
            }
            if (origin != null && !allowed(origin, request)) {
                if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    return;
                }
                ApiRefusal.write(request, response, HttpServletResponse.SC_FORBIDDEN, "origin.refused");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(String header, HttpServletRequest request) {
        String origin = origin(header);
        if (origin == null) {
            return false; // "null" (a sandboxed or file page) or something unreadable
        }
        int port = request.getServerPort();
        String own = request.getScheme().toLowerCase(Locale.ROOT) + "://" + request.getServerName().toLowerCase(Locale.ROOT)
                + (port == defaultPort(request.getScheme()) ? "" : ":" + port);
        return origin.equals(own) || policy.embedOrigins().stream().map(OriginCheck::origin).anyMatch(origin::equals);
    }

    /** {@code scheme://host[:port]} of an origin or URL, lower-case and without a default port; null when it has none. */
    static String origin(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 || port == defaultPort(scheme) ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
