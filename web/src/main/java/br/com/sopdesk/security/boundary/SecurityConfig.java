package br.com.sopdesk.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Sign-in for the pages: a Faces login form ({@code /login.xhtml}) checked against the database
 * identity store. Roles are declared here and enforced by the security constraints in web.xml.
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"agent", "supervisor", "admin"})
@FacesConfig
@ApplicationScoped
public class SecurityConfig {
}
