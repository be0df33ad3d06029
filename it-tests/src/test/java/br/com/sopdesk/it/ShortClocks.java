package br.com.sopdesk.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket whose SLA clock runs on a two-minute test policy that is at risk after 5 %, so its first
 * alert (with its e-mail delivery to the demo supervisor) exists within seconds: for the tests that
 * need an alert without waiting a day. The SOP goes back to the default policy right after.
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
        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(end)) {
            HttpResponse<String> r = Env.agentApi("GET", "tickets/" + id + "/clock", null);
            if (r.statusCode() == 200) {
                JsonObject clock = json(r.body());
                JsonArray alerts = clock.getJsonArray("alerts");
                if (!alerts.isEmpty()) {
                    return new Alerted(id, ticket.getString("demandNumber"), clock.getJsonObject("clock").getJsonNumber("id").longValue(),
                            alerts.getJsonObject(0).getJsonNumber("id").longValue());
                }
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("no alert on ticket " + id + " within 90 s");
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
