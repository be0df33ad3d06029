package br.com.sopdesk.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the session inside a frame of Qualitor on another site. Browsers send only
 * {@code SameSite=None; Secure} cookies into a cross-site frame, and refuse {@code None} without
 * {@code Secure}, which plain HTTP cannot carry. The container writes one cookie setting for all
 * requests ({@code Lax}, {@link SessionCookie}); so with {@code sopdesk.session.same-site=None} the
 * session of an HTTPS request is announced again here as {@code SameSite=None; Secure; Partitioned},
 * after the container's own cookie, while plain HTTP keeps {@code Lax}. {@code Partitioned} (CHIPS)
 * keeps the cookie per framing site, which browsers that block other third-party cookies (Chromium
 * here) still accept; it carries the same id as the container's cookie, so both name one session. A
 * page's session is started before the page runs, so its cookie is announced before anything is
 * written; a sign-in that renames it is announced at the redirect that follows.
 */
public class CrossSiteSession extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "sopdesk.session.same-site", defaultValue = "Lax")
    String sameSite;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!request.isSecure() || !"None".equalsIgnoreCase(sameSite.strip())) {
            chain.doFilter(request, response);
            return;
        }
        Announcing announcing = new Announcing(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !path.startsWith("/jakarta.faces.resource/")) {
            request.getSession(true); // a page keeps its view state in the session: start it now, before the page writes
        }
        announcing.announce();
        chain.doFilter(request, announcing);
        announcing.announce();
    }

    /** The response of an HTTPS request: the session's cookie announced as cross-site before anything is sent. */
    static final class Announcing extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private String announced;

        Announcing(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
            this.announced = request.isRequestedSessionIdFromCookie() ? request.getRequestedSessionId() : null;
        }

        void announce() {
            HttpSession session = request.getSession(false);
            if (session != null) {
                try {
                    announce(session.getId());
                } catch (IllegalStateException e) {
                    // invalidated meanwhile: nothing to announce
                }
            }
        }

        private void announce(String id) {
            if (id.equals(announced) || isCommitted()) {
                return;
            }
            announced = id;
            String name = request.getServletContext().getSessionCookieConfig().getName();
            String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
            addHeader("Set-Cookie", (name == null ? "JSESSIONID" : name) + "=" + id + "; Path=" + path + "; Secure; HttpOnly; SameSite=None; Partitioned");
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            announce();
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            announce();
            return super.getOutputStream();
        }

        @Override
        public void flushBuffer() throws IOException {
            announce();
            super.flushBuffer();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            announce();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            announce();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            announce();
            super.sendError(sc);
        }
    }
}
