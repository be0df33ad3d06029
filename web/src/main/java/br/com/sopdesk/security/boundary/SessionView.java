package br.com.sopdesk.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is signed in, for the page header, and signing out. */
@Named
@RequestScoped
public class SessionView {

    @Inject
    SecurityContext security;

    @Inject
    ExternalContext ext;

    public String getUsername() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    public boolean inRole(String role) {
        return security.isCallerInRole(role);
    }

    public void logout() throws ServletException, IOException {
        ((HttpServletRequest) ext.getRequest()).logout();
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml");
    }
}
