package br.com.sopdesk.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * Turns on Faces 4's CDI integration and declares the roles: three for people, one for Qualitor's
 * own calls ({@link IntegrationCaller}); which role reaches which page
 * and endpoint is in web.xml, and how callers sign in is {@link SopDeskAuthentication}.
 */
@DeclareRoles({"agent", "supervisor", "admin", IntegrationCaller.ROLE})
@FacesConfig
@ApplicationScoped
public class SecurityConfig {
}
