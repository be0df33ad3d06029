package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Qualitor's service flow telling SOP Desk that a demand changed ({@code POST api/qualitor/demand-changed},
 * the sandbox calling as Qualitor would): the monitor wakes and reads the demand at once instead of
 * at its cadence, half an hour away, and the read decides; retries cost no extra read; only the
 * integration's secret gets in.
 */
@BlackBox
class QualitorInboundIT {

    /** The integration's secret as scripts/payara.sh sets it for the test domain (SOPDESK_INBOUND_SECRET's default). */
    static final String SECRET = "qualitor-demo-inbound-secret";
    static final String PATH = "qualitor/demand-changed";

    @Test
    void aDemandClosedInQualitorMeetsItsClockAtOnceWhileItsRegularReadWasHalfAnHourAway() throws Exception {
        Ticket t = submit();
        JsonObject before = clockOf(t.id()).getJsonObject("clock");
        Instant regularRead = Instant.parse(before.getString("nextSyncAt"));
        assertTrue(regularRead.isAfter(Instant.now().plus(Duration.ofMinutes(20))), "the cadence reads it in half an hour: " + regularRead);
        assertEquals("RUNNING", before.getString("state"));

        // a person at Qualitor closes the demand; Qualitor's service flow (the sandbox) tells SOP Desk
        HttpResponse<String> closed = Env.post(Env.SANDBOX + "control/tickets/" + t.demand() + "/situation?code=5&name=Encerrado",
                "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(200, closed.statusCode(), closed.body());
        await("the announcement on the clock's timeline").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> kinds(t.id()).contains("ANNOUNCED"));
        // no scan is asked for: the announcement wakes the monitor, which reads the demand at once
        JsonObject met = await("the clock met").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> clockOf(t.id()).getJsonObject("clock"), c -> c.getString("state").equals("MET"));
        assertEquals("MET", met.getString("standing"));
        assertEquals("Encerrado", met.getString("qualitorSituation"));
        Instant read = Instant.parse(met.getString("lastSyncedAt"));
        assertTrue(read.isBefore(regularRead.minus(Duration.ofMinutes(20))), "read on the announcement, not at the cadence: " + read);
        List<String> kinds = kinds(t.id());
        assertTrue(kinds.indexOf("ANNOUNCED") >= 0 && kinds.indexOf("ANNOUNCED") < kinds.indexOf("MET"), kinds.toString());
        assertEquals(1, kinds.stream().filter("ANNOUNCED"::equals).count(), kinds.toString());
        String english = Env.api("GET", "tickets/" + t.id() + "/clock", "supervisor", "supervisor-demo", null, "en").body();
        assertTrue(english.contains("Qualitor announced that the demand changed"), english);
        assertTrue(Env.get(Env.SANDBOX + "control/callback").body().contains("\"on\":true"), "the sandbox's callback is on in the test domain");
    }

    @Test
    void severalCallsForOneChangeCostOneReadOfQualitor() throws Exception {
        Ticket t = submit();
        int readsBefore = historyReads(t.demand());

        // Qualitor's flow retries, or fires twice: five calls at once
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return inbound("application/json", "{\"cdchamado\":\"" + t.demand() + "\"}", "", bearer(SECRET));
            }));
        }
        go.countDown();
        for (Future<HttpResponse<String>> f : calls) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(t.demand(), json(r.body()).getString("cdchamado"));
            assertTrue(json(r.body()).getBoolean("received"), r.body());
        }
        pool.shutdown();

        await("the read").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Env.adminApi("POST", "admin/sla/scan", null);
            return !clockOf(t.id()).getJsonObject("clock").isNull("lastSyncedAt");
        });
        Env.adminApi("POST", "admin/sla/scan", null);
        long announced = kinds(t.id()).stream().filter("ANNOUNCED"::equals).count();
        int reads = historyReads(t.demand()) - readsBefore;
        // five calls within milliseconds are one change: a second line (and read) only if a scan fell between two of them
        assertTrue(announced >= 1 && announced <= 2, "announced " + announced + " times for 5 calls");
        assertEquals(announced, reads, "one read of Qualitor per announcement, none per retry");
        assertTrue(Instant.parse(clockOf(t.id()).getJsonObject("clock").getString("nextSyncAt")).isAfter(Instant.now().plus(Duration.ofMinutes(20))),
                "back to the cadence once read");
    }

    @Test
    void onlyTheIntegrationsSecretGetsInAndBadInputIsRefusedWithItsReason() throws Exception {
        String body = "{\"cdchamado\":\"999999999\"}";
        HttpResponse<String> anonymous = inbound("application/json", body, "", null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(403, inbound("application/json", body, "", basic(Env.AGENT, Env.AGENT_PASSWORD)).statusCode(), "a person's account");
        assertEquals(403, inbound("application/json", body, "", basic(Env.ADMIN, Env.ADMIN_PASSWORD)).statusCode(), "even an administrator's");
        HttpResponse<String> wrong = inbound("application/json", body, "", bearer(SECRET + "x"), "X-Forwarded-For", "10.77.0." + (int) (Math.random() * 250));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertTrue(wrong.headers().allValues("WWW-Authenticate").stream().anyMatch(v -> v.startsWith("Bearer")), wrong.headers().map().toString());

        // a demand SOP Desk does not know answers as one it knows: nothing to probe
        assertEquals(200, inbound("application/json", body, "", bearer(SECRET)).statusCode());
        assertEquals(200, inbound("application/json", body, "", basic("qualitor", SECRET)).statusCode(), "Basic with the integration's user");
        assertEquals(200, inbound("application/x-www-form-urlencoded", "cdchamado=999999999", "", bearer(SECRET)).statusCode(), "a form");
        assertEquals(200, inbound(null, null, "?cdchamado=999999999", bearer(SECRET)).statusCode(), "the address");

        HttpResponse<String> bad = inbound("application/json", "{\"cdchamado\":\"48213 or 1=1\"}", "", bearer(SECRET));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("cdchamado deve ser o número da demanda no Qualitor"), bad.body());
        HttpResponse<String> missing = inbound("application/json", "{}", "", bearer(SECRET), "Accept-Language", "en");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("Give the demand number as cdchamado"), missing.body());
        HttpResponse<String> conflict = inbound("application/json", "{\"cdchamado\":\"1\"}", "?cdchamado=2", bearer(SECRET));
        assertEquals(400, conflict.statusCode(), conflict.body());
        HttpResponse<String> xml = inbound("application/xml", "<cdchamado>1</cdchamado>", "", bearer(SECRET));
        assertEquals(400, xml.statusCode(), xml.body());
    }

    record Ticket(long id, String demand) {
    }

    private static Ticket submit() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword(Env.freshCnpj()));
        assertEquals(201, r.statusCode(), r.body());
        JsonObject t = json(r.body());
        assertEquals("SENT", t.getString("state"), r.body());
        return new Ticket(t.getJsonNumber("id").longValue(), t.getString("demandNumber"));
    }

    private static JsonObject clockOf(long ticketId) throws Exception {
        HttpResponse<String> r = Env.api("GET", "tickets/" + ticketId + "/clock", "supervisor", "supervisor-demo", null, null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private static List<String> kinds(long ticketId) throws Exception {
        return clockOf(ticketId).getJsonArray("timeline").stream().map(e -> e.asJsonObject().getString("kind")).toList();
    }

    /** How often SOP Desk read the demand's history in the sandbox (each SLA read reads it once). */
    private static int historyReads(String demand) throws Exception {
        JsonObject reads = json(Env.get(Env.SANDBOX + "control/tickets/" + demand + "/reads").body());
        return reads.containsKey("getTicketHistoryData") ? reads.getInt("getTicketHistoryData") : 0;
    }

    private static HttpResponse<String> inbound(String contentType, String body, String query, String authorization, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Env.APP + "api/" + PATH + query)).timeout(Duration.ofSeconds(20));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return Env.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String bearer(String secret) {
        return "Bearer " + secret;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
