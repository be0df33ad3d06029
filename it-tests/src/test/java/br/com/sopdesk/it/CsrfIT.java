package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Forged requests: a signed-in administrator's browser made to post the users form from another
 * site (no view state, or a made-up one) or to open a protected page by its address (no token)
 * changes nothing; the same post with the page's own view state does create the user, so the
 * refusal is the protection at work and not a broken form. The API, which also accepts the page
 * session's cookie, refuses changes sent from another site's page (its {@code Origin} or
 * {@code Referer}) and takes them from SOP Desk itself, the configured Qualitor origin, or a
 * program that sends neither header.
 */
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
    void aProtectedPageOpenedFromOutsideIsRefused() throws Exception {
        PageSession admin = PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD);
        HttpResponse<String> typed = admin.get("admin/users.xhtml");
        assertTrue(typed.body().contains("id=\"protected-view\""), "no token, no page");
        assertFalse(typed.body().contains("users:accounts"));
        HttpResponse<String> badToken = admin.get("admin/users.xhtml?jakarta.faces.Token=forjado");
        assertTrue(badToken.body().contains("id=\"protected-view\""), "a made-up token, no page");
    }
}
