package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A ticket whose SLA clock runs on a two-minute test policy that is at risk after 5 %, with product
 * time moved past that point and a scan run, so its first alert (with its e-mail delivery to the demo
 * supervisor) exists at once: for the tests that need an alert without waiting a day. The SOP goes
 * back to the default policy, and product time to the system clock, right after.
 */
final class ShortClocks {

    /** The agent's ticket, its demand and clock, and the first alert raised on it. */
    record Alerted(long ticketId, String demand, long clockId, long alertId) {
    }

    private ShortClocks() {
    }

    static Alerted ticketWithAlert(String policyName) throws Exception {
        String code = "IT-CURTA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        HttpResponse<String> policy = Env.adminApi("PUT", "admin/sla/policies/" + code, "{\"name\":" + Tickets.quote(policyName)
                + ",\"durationMinutes\":2,\"atRiskPercent\":5,\"reminderMinutes\":0}");
        if (policy.statusCode() != 200) {
            throw new AssertionError("policy: " + policy.statusCode() + " " + policy.body());
        }
        JsonObject ticket;
        Env.adminApi("PUT", "admin/sla/sops/perda-de-senha", "{\"policy\":\"" + code + "\"}");
        try {
            HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"));
            ticket = json(r.body());
            if (r.statusCode() != 201 || !"SENT".equals(ticket.getString("state", ""))) {
                throw new AssertionError("ticket: " + r.statusCode() + " " + r.body());
            }
        } finally {
            Env.adminApi("PUT", "admin/sla/sops/perda-de-senha", "{\"policy\":null}");
        }
        long id = ticket.getJsonNumber("id").longValue();
        // the at-risk point is six seconds after the start: product time is moved past it and a scan run, instead of waiting
        ProductTime.offset(Duration.ofSeconds(10));
        try {
            HttpResponse<String> scan = Env.adminApi("POST", "admin/sla/scan", null);
            if (scan.statusCode() != 200) {
                throw new AssertionError("scan: " + scan.statusCode() + " " + scan.body());
            }
            JsonObject clock = await("an alert on ticket " + id).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Env.agentApi("GET", "tickets/" + id + "/clock", null),
                            r -> r.statusCode() == 200 && !json(r.body()).getJsonArray("alerts").isEmpty())
                    .body().transform(ShortClocks::json);
            JsonArray alerts = clock.getJsonArray("alerts");
            return new Alerted(id, ticket.getString("demandNumber"), clock.getJsonObject("clock").getJsonNumber("id").longValue(),
                    alerts.getJsonObject(0).getJsonNumber("id").longValue());
        } finally {
            ProductTime.reset();
        }
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
