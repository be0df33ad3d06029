package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed down per user name and client address together, with a ceiling per
 * address, and no one can lock an account out by guessing its password. The test server trusts
 * {@code X-Forwarded-For} from the test client (it stands in for the reverse proxy), so each test
 * guesses from addresses of its own; it runs with a 20-second window and 12 failures per address
 * (scripts/payara.sh, test mode), and the default 3 free failures then 5 seconds, doubling. That a
 * wait ends is checked by moving product time past it ({@link ProductTime}); how long each wait is,
 * by the unit tests (LoginPolicyTest, with a moved clock).
 */
@BlackBox
class LoginThrottleIT {

    private static final int FREE = 3;
    private static final int PER_ADDRESS = 12;

    private static String newUser() throws Exception {
        String name = "alvo-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Env.adminApi("POST", "admin/users",
                "{\"username\":\"" + name + "\",\"displayName\":\"Alvo de teste\",\"password\":\"senha-certa-123\",\"roles\":[\"agent\"]}");
        assertEquals(201, created.statusCode(), created.body());
        return name;
    }

    /** An address in the documentation range nobody else in the run uses. */
    private static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.18." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static HttpResponse<String> basic(String user, String password, String address) throws Exception {
        return Env.HTTP.send(HttpRequest.newBuilder(URI.create(Env.APP + "api/sops?q=senha")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void guessingANameFromOneAddressWaitsLongerButTheAccountStaysOpenElsewhere() throws Exception {
        String user = newUser();
        String attacker = newAddress();
        for (int i = 0; i <= FREE; i++) {
            assertEquals(401, basic(user, "chute-" + i, attacker).statusCode(), "failure " + (i + 1));
        }
        HttpResponse<String> waiting = basic(user, "senha-certa-123", attacker);
        assertEquals(429, waiting.statusCode(), waiting.body());
        long retryAfter = Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "the first wait, 5 seconds: " + retryAfter);
        assertTrue(waiting.body().contains("Muitas tentativas"), waiting.body());
        assertTrue(waiting.headers().firstValue("Content-Security-Policy").isPresent(), "the refusal carries the headers");

        assertEquals(200, basic(user, "senha-certa-123", newAddress()).statusCode(), "the owner, from elsewhere, is not locked out");
        assertEquals(401, basic("outro-" + user, "chute", attacker).statusCode(), "another name from the attacker's address is not slowed yet");

        // the failures are in the audit trail, with the address they came from
        String audit = Env.adminApi("GET", "admin/audit?action=login.falhou&actor=" + user + "&limit=50", null).body();
        assertEquals(FREE + 1, audit.split("\"login.falhou\"", -1).length - 1, audit);
        assertTrue(audit.contains(attacker), audit);
        // once the wait is over (product time moved past it, not slept through), the right password is let in from there too
        ProductTime.offset(Duration.ofSeconds(retryAfter + 1));
        try {
            assertEquals(200, basic(user, "senha-certa-123", attacker).statusCode(), "after the wait");
        } finally {
            ProductTime.reset();
        }
    }

    @Test
    void eightWrongPasswordsDoNotLockTheAdministratorOut() throws Exception {
        String attacker = newAddress();
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            int status = basic(Env.ADMIN, "chute-" + i, attacker).statusCode();
            assertTrue(status == 401 || status == 429, "guess " + i + ": " + status);
            refused += status == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "the guesses were slowed down");
        assertEquals(200, Env.adminApi("GET", "admin/users", null).statusCode(), "the administrator still signs in");
        PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD);
    }

    @Test
    void anAddressTryingManyNamesReachesItsCeilingForEveryName() throws Exception {
        String prefix = "ninguem-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String attacker = newAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertEquals(401, basic(prefix + i, "qualquer", attacker).statusCode(), "failure " + (i + 1));
        }
        HttpResponse<String> locked = basic(Env.AGENT, Env.AGENT_PASSWORD, attacker);
        assertEquals(429, locked.statusCode(), "even a valid account from this address waits");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "within the 20-second window: " + retryAfter);
        assertEquals(200, basic(Env.AGENT, Env.AGENT_PASSWORD, newAddress()).statusCode(), "other addresses are not touched");
        // past the window (product time moved, not slept through) the address may sign in again
        ProductTime.offset(Duration.ofSeconds(retryAfter + 1));
        try {
            assertEquals(200, basic(Env.AGENT, Env.AGENT_PASSWORD, attacker).statusCode(), "after the window");
        } finally {
            ProductTime.reset();
        }
    }

    @Test
    void theFormShowsTheWaitToo() throws Exception {
        String user = newUser();
        PageSession visitor = new PageSession();
        // the form comes from the test client's own address (no proxy header): its pair waits, nothing else
        for (int i = 0; i <= FREE; i++) {
            HttpResponse<String> wrong = visitor.login(user, "chute-" + i);
            assertEquals(200, wrong.statusCode());
            assertTrue(wrong.body().contains("Usuário ou senha inválidos"), "failure " + (i + 1));
        }
        HttpResponse<String> form = visitor.login(user, "senha-certa-123");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("Muitas tentativas de acesso sem sucesso"), "the form shows the wait");
        assertEquals(200, basic(user, "senha-certa-123", newAddress()).statusCode(), "the account stays open elsewhere");
    }
}
