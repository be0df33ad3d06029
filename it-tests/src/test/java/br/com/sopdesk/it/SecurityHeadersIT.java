package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Framing and headers: only SOP Desk itself and the configured Qualitor origin may frame the pages
 * (the test server allows http://127.0.0.1:port besides its own localhost origin), the usual
 * headers are present, and the session cookie is HttpOnly and SameSite. Scripts run only from SOP
 * Desk or with the page's nonce (PrimeFaces' CSP mode), every answer has one policy, and nothing
 * names the server or its version, error answers included.
 */
@BlackBox
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

    @Test
    void theRedirectsToTheLoginFormCarryTheHeadersToo() throws Exception {
        for (String path : java.util.List.of("app/index.xhtml", "admin/users.xhtml", "supervisor/")) {
            HttpResponse<String> r = new PageSession().get(path);
            assertEquals(302, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Location").orElse("").contains("login.xhtml"), path + " " + r.headers());
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"), path + " " + r.headers());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }

    @Test
    void scriptsRunOnlyWithThePagesNonce() throws Exception {
        HttpResponse<String> login = Env.get(Env.APP + "login.xhtml");
        java.util.List<String> policies = login.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy, not two combined: " + policies);
        String csp = policies.get(0);
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'").matcher(csp);
        assertTrue(nonce.find(), csp);
        assertFalse(csp.contains("unsafe-inline' 'unsafe-eval") || csp.matches(".*script-src[^;]*unsafe.*"), csp);
        java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(login.body());
        int inline = 0;
        while (scripts.find()) {
            inline++;
            assertTrue(scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "an inline script without the nonce: " + scripts.group());
        }
        assertTrue(inline > 0, "PrimeFaces writes its widgets' scripts inline, with the nonce");
        assertFalse(login.body().matches("(?s).*\\son[a-z]+=\".*"), "no inline event handlers");
    }

    @Test
    void noAnswerNamesTheServer() throws Exception {
        for (String url : java.util.List.of(Env.APP + "login.xhtml", Env.APP + "api/sops", Env.APP + "nao-existe.xhtml",
                Env.APP + "api/nao-existe", Env.HEALTH + "ready", Env.HEALTH.replace("/health/", "/nao-existe"))) {
            HttpResponse<String> r = Env.get(url);
            assertTrue(r.headers().firstValue("Server").isEmpty() && r.headers().firstValue("X-Powered-By").isEmpty(), url + " " + r.headers());
            assertFalse(r.body().contains("Payara") || r.body().contains("GlassFish"), url + " names the server: " + r.body());
        }
        HttpResponse<String> apiError = Env.get(Env.APP + "api/nao-existe");
        assertEquals(401, apiError.statusCode());
        assertTrue(apiError.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), apiError.headers().toString());
        assertTrue(apiError.headers().firstValue("Content-Security-Policy").isPresent(), "the container's 401 carries the headers too");
        HttpResponse<String> unknown = Env.agentApi("GET", "nao-existe", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().startsWith("{\"message\":"), unknown.body());
        assertTrue(unknown.headers().firstValue("X-Content-Type-Options").isPresent(), unknown.headers().toString());
        HttpResponse<String> forbidden = Env.agentApi("GET", "admin/users", null);
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().startsWith("{\"message\":") && forbidden.headers().firstValue("Content-Security-Policy").isPresent(),
                forbidden.body());
        assertNotEquals(200, Env.get(Env.HEALTH.replace("/health/", "/openapi")).statusCode(), "MicroProfile OpenAPI is off");
    }

    private boolean framedLoginFormShows(String hostPage) {
        browser.open(hostPage);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.createElement('iframe'); f.id = 'frame'; f.src = arguments[0]; f.width = 800; f.height = 600;"
                        + " window.framed = false; f.onload = function () { window.framed = true; };"
                        + " document.body.appendChild(f);", Env.APP + "login.xhtml");
        // the frame has loaded: SOP Desk's page in it, or the browser's refusal to show it there
        await("the frame loading").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("return window.framed;")));
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
