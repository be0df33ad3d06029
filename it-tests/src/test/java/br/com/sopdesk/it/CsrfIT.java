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
 * refusal is the protection at work and not a broken form.
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

        HttpResponse<String> posted = admin.post(usersLink, createUserForm(real, PageSession.viewState(page)));

        assertEquals(200, posted.statusCode());
        assertTrue(userExists(real), "a genuine post creates the user");
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
