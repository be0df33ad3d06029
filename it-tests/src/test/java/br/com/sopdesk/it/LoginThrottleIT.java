package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed down, on the API and the form alike, and the lock-out ends. The
 * test server runs with a 20-second window and 12 failures per address (scripts/payara.sh, test
 * mode); 5 failures per user name is the default.
 */
class LoginThrottleIT {

    private static final int PER_USER = 5;
    private static final int PER_ADDRESS = 12;

    private static String newUser() throws Exception {
        String name = "alvo-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Env.adminApi("POST", "admin/users",
                "{\"username\":\"" + name + "\",\"displayName\":\"Alvo de teste\",\"password\":\"senha-certa-123\",\"roles\":[\"agent\"]}");
        assertEquals(201, created.statusCode(), created.body());
        return name;
    }

    private static int basic(String user, String password) throws Exception {
        return Env.api("GET", "sops?q=senha", user, password, null, null).statusCode();
    }

    @Test
    void aUserNameGuessedTooOftenIsLockedEvenWithTheRightPasswordUntilTheWindowPasses() throws Exception {
        String user = newUser();
        assertEquals(200, basic(user, "senha-certa-123"));
        for (int i = 0; i < PER_USER; i++) {
            assertEquals(401, basic(user, "chute-" + i));
        }
        HttpResponse<String> locked = Env.api("GET", "sops?q=senha", user, "senha-certa-123", null, null);
        assertEquals(429, locked.statusCode(), locked.body());
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
        assertTrue(locked.body().contains("Muitas tentativas"), locked.body());

        // the form refuses too, with the pt-BR message
        HttpResponse<String> form = new PageSession().login(user, "senha-certa-123");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("Muitas tentativas de acesso sem sucesso"), "form shows the lock-out");

        // the failures are in the audit trail
        String audit = Env.adminApi("GET", "admin/audit?action=login.falhou&actor=" + user + "&limit=50", null).body();
        assertEquals(PER_USER, audit.split("\"login.falhou\"", -1).length - 1, audit);

        Thread.sleep((retryAfter + 1) * 1000);
        assertEquals(200, basic(user, "senha-certa-123"), "open again once the window slid past");
        PageSession.signedIn(user, "senha-certa-123");
    }

    @Test
    void anAddressTryingManyNamesIsLockedForEveryNameUntilTheWindowPasses() throws Exception {
        String prefix = "ninguem-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        // earlier failures from this address may still count, so the lock can come a little sooner
        int tries = 0;
        while (tries < PER_ADDRESS && basic(prefix + tries, "qualquer") == 401) {
            tries++;
        }
        assertTrue(tries <= PER_ADDRESS, "locked after at most " + PER_ADDRESS + " failures");
        HttpResponse<String> locked = Env.api("GET", "sops?q=senha", Env.AGENT, Env.AGENT_PASSWORD, null, null);
        assertEquals(429, locked.statusCode(), "even a valid account from this address waits");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        // wait the whole window, so no failure from this test is left to count against the next ones
        Thread.sleep(Math.max(retryAfter, 20) * 1000 + 1500);
        assertEquals(200, basic(Env.AGENT, Env.AGENT_PASSWORD));
    }
}
