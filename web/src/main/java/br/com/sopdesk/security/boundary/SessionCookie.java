package br.com.sopdesk.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly always, {@code SameSite} from {@code sopdesk.session.same-site}
 * (default {@code Lax}; {@code None} is needed only when the Qualitor that frames SOP Desk is on
 * another site, and then HTTPS is required). {@code Secure} is set per request on HTTPS by Payara
 * ({@code cookieSecure=dynamic} in glassfish-web.xml), so the demo on plain HTTP still works.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String sameSite = ConfigProvider.getConfig().getOptionalValue("sopdesk.session.same-site", String.class).orElse("Lax").strip();
        if (!sameSite.matches("(?i)Lax|Strict|None")) {
            sameSite = "Lax";
        }
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1).toLowerCase());
        if ("None".equalsIgnoreCase(sameSite)) {
            cookie.setSecure(true);
        }
    }
}
