package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;

/**
 * Restarts SOP Desk as a redeploy does, for the tests of what must survive one (SLA alerts sent once,
 * a retired seed SOP staying retired): disabled, then enabled again through the domain's admin port
 * (HTTP port − 80 + 48), from the bits of the run's one deployment, so its test module stays for the
 * in-container tests that run later; waits for it to answer.
 */
final class ApplicationRestart {

    private ApplicationRestart() {
    }

    static void run() throws Exception {
        int adminPort = URI.create(Env.APP).getPort() - 80 + 48;
        for (String command : new String[] {"disable", "enable"}) {
            Process p = new ProcessBuilder(System.getProperty("payara.home") + "/bin/asadmin", "--interactive=false", "--port",
                    String.valueOf(adminPort), command, "sopdesk").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), command + ": " + out);
        }
        await("SOP Desk answering after the redeploy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreException(java.io.IOException.class).until(() -> Env.get(Env.APP + "login.xhtml").statusCode() == 200);
    }
}
