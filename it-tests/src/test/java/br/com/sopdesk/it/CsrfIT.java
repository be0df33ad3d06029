package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Forged requests: a signed-in administrator's browser made to post the users form from another
 * site (no view state, a made-up one, or even the right one sent from another site's page)
 * changes nothing; the same post with the page's own view state does create the user, so the
 * refusal is the protection at work and not a broken form. The pages themselves open by their
 * address (no protected views), and nothing about it reaches the server log. Posts the page cannot
 * take (no CSP nonce, an unknown view state) are a 400 with the "page expired" screen. The API, which also accepts the page
 * session's cookie, refuses changes sent from another site's page (its {@code Origin} or
 * {@code Referer}) and takes them from SOP Desk itself, the configured Qualitor origin, or a
 * program that sends neither header.
 */
@BlackBox
class CsrfIT {

    private static Map<String, String> createUserForm(String username, String viewState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("users", "users");
        form.put("users:newUsername", username);
        form.put("users:newDisplayName", "Criado por falsificação");
        form.put("users:newPassword", "senha-forjada-123");
        form.put("users:newRoles", "admin");
        form.put("users:create", "");
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        return form;
    }

    private static boolean userExists(String username) throws Exception {
        return Env.adminApi("GET", "admin/users", null).body().contains("\"username\":\"" + username + "\"");
    }

    @Test
    void forgedPostsWithoutTheViewStateChangeNothing() throws Exception {
        PageSession admin = PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD);
        String forged = "forjado-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> none = admin.post("admin/users.xhtml", createUserForm(forged, null));
        HttpResponse<String> madeUp = admin.post("admin/users.xhtml", createUserForm(forged, "-1234567890123456789:987654321"));

        assertFalse(userExists(forged), "forged posts created the user (" + none.statusCode() + ", " + madeUp.statusCode() + ")");
        assertFalse(none.body().contains("Usuário " + forged + " criado"));
        assertFalse(madeUp.body().contains("Usuário " + forged + " criado"));
    }

    @Test
    void theSamePostWithThePagesViewStateWorks() throws Exception {
        PageSession admin = PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD);
        String real = "legitimo-" + UUID.randomUUID().toString().substring(0, 8);
        String index = admin.get(PageSession.link(admin.get("app/index.xhtml").body(), "admin/index.xhtml")).body();
        String usersLink = PageSession.link(index, "admin/users.xhtml");
        String page = admin.get(usersLink).body();

        Map<String, String> form = createUserForm(real, PageSession.viewState(page));
        form.put("primefaces.nonce", PageSession.nonce(page));
        HttpResponse<String> posted = admin.post(usersLink, form);

        assertEquals(200, posted.statusCode());
        assertTrue(userExists(real), "a genuine post creates the user");
    }

    /** A bundle the catalog refuses (422): it shows the request got past the origin check without publishing anything. */
    private static final String BAD_BUNDLE = "{\"id\":\"forjado\",\"version\":1}";

    @Test
    void apiChangesFromAnotherSitesPageAreRefused() throws Exception {
        PageSession admin = PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD);
        String own = Env.APP.substring(0, Env.APP.indexOf("/sopdesk/"));
        String qualitor = own.replace("//localhost:", "//127.0.0.1:");

        // what a form on another site can send with the signed-in browser's cookie: text/plain, no preflight
        for (String[] header : new String[][]{{"Origin", "http://atacante.example"}, {"Origin", "null"},
                {"Referer", "http://atacante.example/pagina.html"}}) {
            HttpResponse<String> forged = admin.send("POST", "api/admin/sops", "text/plain", BAD_BUNDLE, header);
            assertEquals(403, forged.statusCode(), String.join(": ", header) + " -> " + forged.body());
            assertTrue(forged.body().contains("\"message\"") && forged.body().contains("sopdesk.embed.origins"), forged.body());
            HttpResponse<String> put = admin.send("PUT", "api/admin/categories/CSRF1", "application/json",
                    "{\"name\":\"Forjada\",\"active\":true}", header);
            assertEquals(403, put.statusCode(), put.body());
        }
        assertFalse(Env.adminApi("GET", "admin/categories", null).body().contains("\"code\":\"CSRF1\""), "nothing changed");

        assertEquals(422, admin.send("POST", "api/admin/sops", "text/plain", BAD_BUNDLE, "Origin", own).statusCode(), "SOP Desk's own page");
        assertEquals(422, admin.send("POST", "api/admin/sops", "text/plain", BAD_BUNDLE, "Referer", own + "/sopdesk/admin/index.xhtml")
                .statusCode(), "SOP Desk's own page, by its Referer");
        assertEquals(422, admin.send("POST", "api/admin/sops", "text/plain", BAD_BUNDLE, "Origin", qualitor).statusCode(),
                "the configured Qualitor origin (sopdesk.embed.origins)");
        assertEquals(422, admin.send("POST", "api/admin/sops", "text/plain", BAD_BUNDLE).statusCode(), "a program: neither header");
        assertEquals(200, admin.send("GET", "api/admin/categories", null, null, "Origin", "http://atacante.example").statusCode(),
                "reading is not a change");
    }

    @Test
    void thePostWithThePagesViewStateFromAnotherSitesPageIsRefused() throws Exception {
        PageSession admin = PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD);
        String forged = "outro-site-" + UUID.randomUUID().toString().substring(0, 8);
        String page = admin.get("admin/users.xhtml").body();
        Map<String, String> form = createUserForm(forged, PageSession.viewState(page));
        form.put("primefaces.nonce", PageSession.nonce(page));
        String body = form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> refused = admin.send("POST", "admin/users.xhtml", "application/x-www-form-urlencoded", body,
                "Origin", "http://atacante.example");
        assertEquals(403, refused.statusCode());
        assertFalse(userExists(forged), "a post from another site's page created the user");
    }

    @Test
    void administrationPagesOpenByTheirAddressAndNoTokenIsLogged() throws Exception {
        Path log = Path.of(System.getProperty("server.log"));
        long before = Files.exists(log) ? Files.size(log) : 0;
        PageSession admin = PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD);
        assertTrue(admin.get("admin/users.xhtml").body().contains("users:accounts"), "a typed address opens the page");
        assertTrue(admin.get("admin/index.xhtml").body().contains("admin:categories"), "a bookmark opens the catalog");
        assertTrue(admin.get("admin/sla.xhtml?jakarta.faces.Token=forjado").body().contains("sla:code"), "a stray token is ignored");

        // a made-up view state is logged by Faces: once that is in the log, whatever the visits logged is too
        String marker = "marcador-" + UUID.randomUUID();
        admin.post("admin/users.xhtml", createUserForm(marker, "-1:" + marker.hashCode()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> tail(log, before).contains("ViewExpiredException"));
        String written = tail(log, before);
        assertFalse(written.contains("ProtectedViewException"), written);
        assertFalse(written.contains("jakarta.faces.Token"), "a token in the server log");
    }

    @Test
    void postsThePageCannotTakeAreA400WithThePageExpiredScreen() throws Exception {
        PageSession visitor = new PageSession();
        String page = visitor.get("login.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", Env.AGENT);
        form.put("login:password", "errada");
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", PageSession.viewState(page));
        HttpResponse<String> noNonce = visitor.post("login.xhtml", form);
        assertEquals(400, noNonce.statusCode(), "a login post without the page's nonce");
        assertTrue(noNonce.body().contains("id=\"page-expired\""), "the page-expired screen");
        assertFalse(noNonce.body().contains("CspException"), noNonce.body());

        form.put("jakarta.faces.ViewState", "-42:4242");
        form.put("primefaces.nonce", PageSession.nonce(page));
        HttpResponse<String> bogus = visitor.post("login.xhtml", form);
        assertEquals(400, bogus.statusCode(), "a made-up view state");
        assertTrue(bogus.body().contains("id=\"page-expired\""), "the page-expired screen");
    }

    /** What the server log got after {@code offset} bytes. */
    private static String tail(Path log, long offset) throws java.io.IOException {
        byte[] all = Files.readAllBytes(log);
        return offset >= all.length ? "" : new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }
}
