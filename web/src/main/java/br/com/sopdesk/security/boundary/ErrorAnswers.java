package br.com.sopdesk.security.boundary;

import br.com.sopdesk.platform.DatabaseAway;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * What the container answers for an error (web.xml maps 400, 401, 403, 404, 405, 500, the Faces
 * expired-view exception and PrimeFaces' CSP-nonce exception here), so no error leaves on Payara's own page (which
 * names the server and its version) and every one carries the security headers: under
 * {@code /api/} a JSON {@code {"message"}} in the caller's language (pt-BR unless English is asked
 * for), elsewhere SOP Desk's error page. The status and headers set before the error (e.g. 401's
 * {@code WWW-Authenticate}) are kept. A post the page cannot take (its view is unknown: expired or made up; or it lacks the page's CSP nonce) is the
 * caller's to redo, not a server error: 400 with the "page expired" screen.
 * <p>
 * The pages are reached by a forward, which lets PrimeFaces give them a fresh CSP nonce: rendered
 * straight from the error dispatch of a post that carried none (a forged one), PrimeFaces would
 * refuse to render them at all.
 */
@WebServlet("/error/answer")
public class ErrorAnswers extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The API bundle's key for each status answered under {@code /api/}. */
    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "container.400", 401, "container.401", 403, "container.403", 404, "http.404", 405, "http.405", 500, "http.500",
            503, "http.503.database");

    private static final Map<Integer, String> PAGES = Map.of(400, "400", 401, "403", 403, "403", 404, "404", 405, "400", 503, "503");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (status == 500 && databaseAway(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // nothing was half-written (each change is one transaction) and the pool reconnects by itself
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            response.setStatus(status);
            response.setHeader("Retry-After", "30");
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String u && u.startsWith(request.getContextPath() + "/api/")) {
            ApiRefusal.write(request, response, status, MESSAGES.getOrDefault(status, status >= 500 ? MESSAGES.get(500) : MESSAGES.get(400)));
            return;
        }
        if (unusablePost(request)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            request.getRequestDispatcher("/error/expired.xhtml").forward(new PlainRender(request), response);
            return;
        }
        request.getRequestDispatcher("/error/" + PAGES.getOrDefault(status, "500") + ".xhtml").forward(new PlainRender(request), response);
    }

    /**
     * The failed request as the error page sees it: a plain GET without the posted parameters, so
     * Faces renders the error page afresh instead of taking it for a postback of the same bad view
     * state and CSP nonce (which failed the error page too, onto the container's own page).
     */
    private static final class PlainRender extends jakarta.servlet.http.HttpServletRequestWrapper {

        PlainRender(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /**
     * Answers 503 for a request the database's absence stopped before any page or resource ran (the
     * sign-in, which reads the account and the login throttle): what {@link #service} answers later.
     */
    static void databaseAway(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ApiRefusal.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, MESSAGES.get(HttpServletResponse.SC_SERVICE_UNAVAILABLE));
            return;
        }
        // the page is static (no Faces, which needs the session the sign-in did not make)
        response.setContentType("text/html;charset=UTF-8");
        try (java.io.InputStream page = request.getServletContext().getResourceAsStream("/error/503.xhtml")) {
            page.transferTo(response.getOutputStream());
        }
    }

    /** Whether the request failed because the database did not answer ({@link DatabaseAway}). */
    static boolean databaseAway(Object error) {
        return error instanceof Throwable t && DatabaseAway.in(t);
    }

    private static boolean unusablePost(HttpServletRequest request) {
        for (Object e = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); e instanceof Throwable t; e = t.getCause()) {
            if (t instanceof ViewExpiredException || t.getClass().getName().equals("org.primefaces.csp.CspException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
