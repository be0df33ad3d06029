package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health readiness reports the database and Qualitor's reachability to anyone (load
 * balancers), and nothing more: no Qualitor address, version or error text. Qualitor is probed at
 * most every few seconds (sopdesk.health.qualitor-cache-seconds, 5): a failure shows once a probe
 * sees it, and the answer stays until the next probe even after Qualitor is back.
 */
@BlackBox
class HealthIT {

    private static void fault(String kind) throws Exception {
        assertEquals(200, Env.post(Env.SANDBOX + "control/faults?kind=" + kind + "&count=1000&latencyMillis=0&operation=getVersion",
                "application/x-www-form-urlencoded", new byte[0]).statusCode());
    }

    private static String ready() throws Exception {
        HttpResponse<String> response = Env.get(Env.HEALTH + "ready");
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replace(" ", "");
    }

    private static String awaitReady(Predicate<String> done) {
        return await("readiness").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(HealthIT::ready, done);
    }

    @Test
    void readinessReportsDatabaseAndQualitor() throws Exception {
        String body = awaitReady(b -> b.contains("\"reachable\":\"true\"")); // a probe of a test before may still be cached
        assertTrue(body.contains("\"name\":\"database\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"name\":\"qualitor\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"reachable\":\"true\""), body);
        String sandbox = Env.SANDBOX.substring(0, Env.SANDBOX.indexOf("/qualitor-sandbox"));
        assertFalse(body.contains("url") || body.contains(sandbox) || body.contains("version") || body.contains("sandbox"),
                "no address or version for anonymous callers: " + body);
    }

    @Test
    void qualitorIsProbedEveryFewSecondsAndItsErrorsStayInside() throws Exception {
        try {
            fault("HTTP_500");
            String down = awaitReady(b -> b.contains("\"reachable\":\"false\""));
            // not required by default: reported, the instance stays ready
            assertTrue(down.contains("\"name\":\"qualitor\",\"status\":\"UP\"") && down.contains("\"status\":\"UP\",\"checks\""), down);
            assertTrue(down.contains("\"motivo\":\"semrespostadoQualitor\""), down);
            assertFalse(down.contains("500") || down.contains("HTTP") || down.contains("url"), "no raw error: " + down);

            fault("NONE");
            // the probe that saw the failure was just now: the next answers repeat it until the cache runs out
            assertTrue(ready().contains("\"reachable\":\"false\""), "answered from the last probe, Qualitor was not asked again");
            awaitReady(b -> b.contains("\"reachable\":\"true\""));
        } finally {
            fault("NONE");
        }
    }
}
