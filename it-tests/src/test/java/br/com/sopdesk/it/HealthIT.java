package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** MicroProfile Health readiness reports the database and Qualitor's reachability. */
class HealthIT {

    @Test
    void readinessReportsDatabaseAndQualitor() throws Exception {
        HttpResponse<String> response = Env.get(Env.HEALTH + "ready");
        String body = response.body().replace(" ", "");
        assertEquals(200, response.statusCode(), body);
        assertTrue(body.contains("\"name\":\"database\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"name\":\"qualitor\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"reachable\":\"true\""), body);
    }
}
