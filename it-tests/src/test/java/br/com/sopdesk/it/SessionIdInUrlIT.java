package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A session id written into the address ({@code ;jsessionid=}) signs no one in, on the pages and
 * on the API: sessions travel only in the cookie, so a link carrying someone's session id is worth
 * nothing to whoever opens it.
 */
@BlackBox
class SessionIdInUrlIT {

    private static final HttpClient NO_COOKIES = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return NO_COOKIES.send(HttpRequest.newBuilder(URI.create(Env.APP + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The id of a session an API sign-in created (Basic, cookie kept). */
    private static String apiSessionId() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(Env.APP + "api/sops?q=senha"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((Env.AGENT + ":" + Env.AGENT_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    }

    @Test
    void anApiSessionIdInTheAddressSignsNoOneIn() throws Exception {
        String id = apiSessionId();
        HttpResponse<String> r = send("GET", "api/sops;jsessionid=" + id + "?q=senha");
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(401, send("GET", "api/tickets/1;jsessionid=" + id).statusCode());
    }

    @Test
    void aPageSessionIdInTheAddressSignsNoOneIn() throws Exception {
        PageSession agent = PageSession.signedIn(Env.AGENT, Env.AGENT_PASSWORD);
        String id = agent.sessionId();
        assertNotNull(id);
        assertEquals(200, agent.get("app/index.xhtml").statusCode(), "the cookie still works");

        HttpResponse<String> page = send("GET", "app/index.xhtml;jsessionid=" + id);
        assertEquals(302, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Location").orElse("").contains("login.xhtml"), page.headers().toString());
        assertEquals(401, send("GET", "api/sops;jsessionid=" + id + "?q=senha").statusCode(), "nor the API with a page session's id");
    }

    @Test
    void anOpenPageIgnoresASessionIdInTheAddress() throws Exception {
        PageSession agent = PageSession.signedIn(Env.AGENT, Env.AGENT_PASSWORD);
        HttpResponse<String> login = send("GET", "login.xhtml;jsessionid=" + agent.sessionId() + "?x=1");
        assertEquals(302, login.statusCode(), "sent to the same address without the id");
        String to = login.headers().firstValue("Location").orElse("");
        assertTrue(to.endsWith("/login.xhtml?x=1"), to);
        assertFalse(to.contains("jsessionid"), to);
        assertEquals(400, send("POST", "login.xhtml;jsessionid=" + agent.sessionId()).statusCode(), "a post naming a session in the address");
    }
}
