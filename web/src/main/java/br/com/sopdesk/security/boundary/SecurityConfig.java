package br.com.sopdesk.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * Turns on Faces 4's CDI integration and declares the three roles; which role reaches which page
 * and endpoint is in web.xml, and how callers sign in is {@link SopDeskAuthentication}.
 */
@DeclareRoles({"agent", "supervisor", "admin"})
@FacesConfig
@ApplicationScoped
public class SecurityConfig {
}
