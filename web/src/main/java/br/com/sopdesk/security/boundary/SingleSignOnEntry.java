package br.com.sopdesk.security.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /sso}: a protected address whose only job is to make {@link SopDeskAuthentication} start
 * the OpenID Connect sign-on; and {@code /oidc/callback}, where the provider sends the caller back
 * (the mechanism checks the answer before this runs). Either way the caller lands on the SOP list. With sign-on off,
 * it sends the visitor to the login form (the security constraint does that before reaching here).
 */
@WebServlet({OidcSignOn.ENTRY, OidcSignOn.CALLBACK})
public class SingleSignOnEntry extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/app/index.xhtml");
    }
}
