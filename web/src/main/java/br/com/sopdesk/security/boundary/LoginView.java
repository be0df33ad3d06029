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

/** Binds the login page: hands the credentials to Jakarta Security and reports a failure plainly. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    OidcSignOn oidc;

    private String username;
    private String password;

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
            case SUCCESS -> ext.redirect(ext.getRequestContextPath() + "/app/index.xhtml");
            default -> { }
        }
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
