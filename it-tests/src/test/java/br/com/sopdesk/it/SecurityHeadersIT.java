package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Framing and headers: only SOP Desk itself and the configured Qualitor origin may frame the pages
 * (the test server allows http://127.0.0.1:port besides its own localhost origin), the usual
 * headers are present, and the session cookie is HttpOnly and SameSite.
 */
class SecurityHeadersIT extends BrowserTest {

    static final String OTHER_ORIGIN_APP = Env.APP.replace("//localhost:", "//127.0.0.1:");

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = Env.get(Env.APP + "login.xhtml");
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        String allowed = OTHER_ORIGIN_APP.substring(0, OTHER_ORIGIN_APP.indexOf("/sopdesk"));
        assertTrue(csp.contains("frame-ancestors 'self' " + allowed), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("strict-origin-when-cross-origin", login.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(login.headers().firstValue("X-Frame-Options").isEmpty(), "no X-Frame-Options contradicting the CSP");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP here: Secure only on HTTPS");
    }

    private boolean framedLoginFormShows(String hostPage) {
        browser.open(hostPage);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.createElement('iframe'); f.id = 'frame'; f.src = arguments[0]; f.width = 800; f.height = 600;"
                        + " document.body.appendChild(f);", Env.APP + "login.xhtml");
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browser.driver().switchTo().frame("frame");
        boolean shows = !browser.all(By.id("login:username")).isEmpty();
        browser.driver().switchTo().defaultContent();
        return shows;
    }

    @Test
    void onlyTheConfiguredOriginMayFrameThePages() {
        // a page of the configured origin without a CSP of its own (the sandbox), standing in for Qualitor
        assertTrue(framedLoginFormShows(Env.SANDBOX.replace("//localhost:", "//127.0.0.1:") + "control/tickets"),
                "the configured Qualitor origin frames SOP Desk");
        assertTrue(framedLoginFormShows(Env.APP + "login.xhtml"), "SOP Desk frames itself");
        assertFalse(framedLoginFormShows("data:text/html,<html><head><title>alheio</title></head><body><p>página alheia</p></body></html>"),
                "a foreign origin cannot frame SOP Desk");
    }
}
