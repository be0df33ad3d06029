package br.com.sopdesk.security.boundary;

import br.com.sopdesk.security.control.UserDirectory;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs a session out on its next request once its account changed: the session remembers the
 * account's security stamp from sign-in ({@link SopDeskAuthentication}), and this compares it, on
 * every request, with the account's stamp now ({@link UserDirectory#activeStamp}: the shared cache,
 * which a change made on another instance invalidates at once through the data grid). Without this a deactivated user,
 * or one whose role was removed, would keep the session's principal and roles until it ended.
 * A page visitor is sent to the login form with a notice; an API caller gets 401.
 */
public class SessionGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Session attribute: the account's security stamp when this session signed in. */
    static final String STAMP = "sopdesk.securityStamp";

    @EJB
    UserDirectory users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        HttpSession session = caller == null ? null : request.getSession(false);
        if (session != null && !current(caller.getName(), session)) {
            signOut(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean current(String username, HttpSession session) {
        Object remembered;
        try {
            remembered = session.getAttribute(STAMP);
        } catch (IllegalStateException e) {
            return true; // invalidated meanwhile: nobody is signed in through it any more
        }
        Optional<String> stamp = users.activeStamp(username);
        return stamp.isPresent() && Objects.equals(stamp.get(), remembered);
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException e) {
                // already gone
            }
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"SOP Desk\", charset=\"UTF-8\"");
            ApiRefusal.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "session.ended");
            return;
        }
        String login = request.getContextPath() + SopDeskAuthentication.LOGIN_PAGE + "?sessao=encerrada";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // a Faces Ajax request understands a redirect only inside its partial response
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + login + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(login);
    }
}
