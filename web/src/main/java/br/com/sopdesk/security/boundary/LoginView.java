package br.com.sopdesk.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Binds the login page: hands the credentials to Jakarta Security and reports a failure plainly.
 * After signing in, the agent lands on the page they asked for ({@code volta}, a page of SOP Desk
 * only), so a link from Qualitor's ticket screen keeps its customer and demand across the sign-in.
 */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    OidcSignOn oidc;

    /** A page of SOP Desk's desk with plain parameters: never another site, never a path outside /app/. */
    private static final Pattern BACK = Pattern.compile("/app/[A-Za-z0-9_-]+\\.xhtml(\\?[A-Za-z0-9._~%&=+/-]{0,400})?");

    private String username;
    private String password;
    private String back;

    public void login() throws IOException {
        ExternalContext ext = faces.getExternalContext();
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            // nothing to check: the same answer as a wrong password, without asking the identity store
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, failure(ext), null));
            return;
        }
        AuthenticationStatus status = security.authenticate((HttpServletRequest) ext.getRequest(),
                (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SEND_FAILURE -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, failure(ext), null));
            case SUCCESS -> ext.redirect(ext.getRequestContextPath() + (safe(back) ? back : "/app/index.xhtml"));
            default -> { }
        }
    }

    /** The login page's {@code ?volta=} for a page request that needs a sign-in, or nothing. */
    static String backTo(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return "GET".equals(request.getMethod()) && safe(path) ? "?volta=" + URLEncoder.encode(path, StandardCharsets.UTF_8) : "";
    }

    static boolean safe(String back) {
        return back != null && BACK.matcher(back).matches();
    }

    private String failure(ExternalContext ext) {
        java.util.ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        Object locked = ext.getRequestMap().get(SopDeskAuthentication.LOCKED_SECONDS);
        if (locked instanceof Long seconds) {
            if (seconds < 60) {
                return java.text.MessageFormat.format(msg.getString("login.lockedSeconds"), seconds);
            }
            long minutes = Math.max(1, (seconds + 59) / 60);
            return java.text.MessageFormat.format(msg.getString("login.locked"), minutes);
        }
        return msg.getString("login.failed");
    }

    /** Whether the page offers single sign-on ({@code sopdesk.oidc.enabled}). */
    public boolean isSingleSignOn() {
        return oidc.isEnabled();
    }

    public String getBack() {
        return back;
    }

    public void setBack(String back) {
        this.back = safe(back) ? back : null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
