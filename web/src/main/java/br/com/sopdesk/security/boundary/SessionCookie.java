package br.com.sopdesk.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly always, {@code SameSite} from {@code sopdesk.session.same-site}
 * (default {@code Lax}). {@code None} is needed only when the Qualitor that frames SOP Desk is on
 * another site: the container's cookie then stays {@code Lax} and {@link CrossSiteSession} announces
 * it as {@code None; Secure} on HTTPS requests. {@code Secure} is set per request on HTTPS by Payara
 * ({@code cookieSecure=dynamic} in glassfish-web.xml), so the demo on plain HTTP still works.
 * Payara 6 writes {@code SameSite} from its own cookie setting (glassfish-web.xml
 * {@code cookieSameSite}, set there to the default) rather than from the Servlet 6 attribute, so
 * the configured value is handed to Payara's {@code setSameSite} as well.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String sameSite = ConfigProvider.getConfig().getOptionalValue("sopdesk.session.same-site", String.class).orElse("Lax").strip();
        if (!sameSite.matches("(?i)Lax|Strict")) {
            sameSite = "Lax"; // None: Lax here, None on HTTPS by CrossSiteSession
        }
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        String value = Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1).toLowerCase();
        cookie.setAttribute("SameSite", value);
        try {
            cookie.getClass().getMethod("setSameSite", String.class).invoke(cookie, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not Payara: the Servlet 6 attribute above is the standard way
        }
    }
}
