package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's CPF, phones and e-mail never reach the server log in clear (LGPD), whatever path a
 * submission takes: sent at once, refused by validation, retried after Qualitor failures, refused
 * by Qualitor, and looked up by document.
 */
@BlackBox
class PersonalDataLogIT {

    private static final String CPF = "529.982.247-25";
    private static final String PHONE1 = "(47) 98888-4321";
    private static final String PHONE2 = "(47) 3222-4321";
    private static final String EMAIL = "joana.privacidade@exemplo.com.br";

    @AfterEach
    void healQualitor() throws Exception {
        fault("NONE", 0);
    }

    private static void fault(String kind, int count) throws Exception {
        assertEquals(200, Env.post(Env.SANDBOX + "control/faults?kind=" + kind + "&latencyMillis=0&count=" + count,
                "application/x-www-form-urlencoded", new byte[0]).statusCode());
    }

    private static String submit(String email) throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.lostPasswordA1(CPF, PHONE1, PHONE2, email,
                "Joana Privacidade perdeu a senha do A1; contato " + EMAIL + " ou " + PHONE1 + ".", null));
        assertEquals(201, r.statusCode(), r.body());
        return Env.field(r.body(), "id");
    }

    private static String settled(String id) {
        return await("ticket " + id + " out of the outbox").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Env.field(Env.agentApi("GET", "tickets/" + id, null).body(), "state"),
                        state -> "SENT".equals(state) || "REJECTED".equals(state));
    }

    @Test
    void theServerLogNeverShowsTheCustomersDataInClear() throws Exception {
        assertEquals("SENT", settled(submit(EMAIL)));

        HttpResponse<String> invalid = Env.agentApi("POST", "tickets",
                Tickets.lostPasswordA1(CPF, PHONE1, PHONE1, "joana.privacidade@", "curta", null));
        assertEquals(422, invalid.statusCode(), invalid.body());

        fault("MALFORMED", 1);
        assertEquals("SENT", settled(submit(EMAIL)));
        fault("HTTP_500", 2);
        assertEquals("SENT", settled(submit(EMAIL)));
        fault("STATUS_0", 1);
        assertEquals("REJECTED", settled(submit(EMAIL)));
        fault("NONE", 0);

        assertEquals(200, Env.agentApi("GET", "customers/" + CPF.replaceAll("\\D", "") + "/tickets", null).statusCode());

        String log = serverLog();
        assertTrue(log.contains("sopdesk"), "the server log was read");
        for (String clear : new String[] {CPF, "52998224725", "98888-4321", "988884321", "3222-4321", "32224321",
                "joana.privacidade@", "Joana Privacidade"}) {
            assertFalse(log.contains(clear), "the server log shows " + clear);
        }
    }

    /** server.log and its rotated files. */
    private static String serverLog() throws IOException {
        Path current = Path.of(System.getProperty("server.log"));
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(current.getParent())) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("server.log")).toList()) {
                all.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
