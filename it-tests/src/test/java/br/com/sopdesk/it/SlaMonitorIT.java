package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The SLA monitor in the real server, with short test policies instead of 24 hours and product
 * time moved ({@link ProductTime}) instead of waited for: a demand's clock is visible once it
 * reaches Qualitor; the at-risk and breach alerts are raised once each — not a moment before the
 * at-risk point, six scans started together the moment it falls due, and a redeploy of the
 * application in between — and arrive once each by e-mail (a real SMTP server, GreenMail, on the
 * mail session's port); of two simultaneous acknowledgements one wins; an at-risk e-mail held by
 * quiet hours is withdrawn, not sent, once its alert was acknowledged; the supervisor sees the
 * breach on the dashboard and acknowledges it; a return written in Qualitor meets the clock. A
 * waiting-for-customer situation pauses a clock and leaving it moves the deadline (version 2).
 */
@BlackBox
class SlaMonitorIT extends BrowserTest {

    private static final String SUPERVISOR = "supervisor";
    private static final String SUPERVISOR_PASSWORD = "supervisor-demo";
    private static final String SUPERVISOR_MAIL = "supervisor@sopdesk.local";
    /** A second supervisor, whose quiet hours hold the at-risk e-mail, and her alert address. */
    private static final String QUIET = "it-sla-silencio";
    private static final String QUIET_PASSWORD = "silencio-it-2026";
    private static final String HELD = "silencio@sopdesk.local";
    private static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Env.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @AfterEach
    void productTimeBack() throws Exception {
        ProductTime.reset();
    }

    @Test
    void alertsFireOnceEachAcrossConcurrentScansAndARedeployArriveByEmailAndTheReturnMeetsTheClock() throws Exception {
        // a second supervisor subscribes too, with quiet hours (of product time) that hold the at-risk e-mail for a few minutes
        HttpResponse<String> created = Env.adminApi("POST", "admin/users", "{\"username\":\"" + QUIET + "\",\"displayName\":\"Supervisora em silêncio\","
                + "\"password\":\"" + QUIET_PASSWORD + "\",\"roles\":[\"supervisor\"]}");
        assertTrue(created.statusCode() == 201 || created.body().contains("existe"), created.body());
        ZonedDateTime local = ProductTime.now().atZone(ZoneId.of("America/Sao_Paulo"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        ZonedDateTime quietEnd = local.plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> quiet = Env.api("PUT", "sla/subscription", QUIET, QUIET_PASSWORD, "{\"email\":\"" + HELD + "\",\"quietFrom\":\""
                + hhmm.format(local.minusMinutes(1)) + "\",\"quietUntil\":\"" + hhmm.format(quietEnd) + "\",\"active\":true}", null);
        assertEquals(200, quiet.statusCode(), quiet.body());
        try {
            alertsOfOneDemand(quietEnd.toInstant());
        } finally {
            Env.api("PUT", "sla/subscription", QUIET, QUIET_PASSWORD, "{\"email\":\"" + HELD + "\",\"active\":false}", null);
        }
    }

    private void alertsOfOneDemand(Instant quietEnd) throws Exception {
        String policy = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        definePolicy(policy, 2, 50, 0, null);
        JsonObject ticket = submitUnder(policy);
        long id = ticket.getJsonNumber("id").longValue();
        String demand = ticket.getString("demandNumber");

        JsonObject clock = clockOf(id).getJsonObject("clock");
        assertEquals(policy, clock.getString("policy"));
        assertEquals(demand, clock.getString("demand"));
        assertEquals(1, clock.getInt("deadlineVersion"));
        Duration promised = Duration.between(Instant.parse(clock.getString("startedAt")), Instant.parse(clock.getString("deadline")));
        assertEquals(Duration.ofMinutes(2), promised, "the policy's two minutes, calendar time");

        // a quarter of a minute before the at-risk point a scan raises nothing on this clock
        Instant atRisk = Instant.parse(clock.getString("startedAt")).plus(promised.dividedBy(2));
        assertTrue(ProductTime.now().isBefore(atRisk), "the at-risk time should still be ahead: " + atRisk);
        long clockId = clock.getJsonNumber("id").longValue();
        ProductTime.moveTo(atRisk.minusSeconds(15));
        HttpResponse<String> before = Env.adminApi("POST", "admin/sla/scan", null);
        assertEquals(200, before.statusCode(), before.body());
        assertTrue(json(before.body()).asJsonObject().getJsonArray("alertedClocks").stream()
                .noneMatch(c -> ((JsonNumber) c).longValue() == clockId), before.body());
        assertEquals(List.of(), levels(id), "not at risk before its point");

        // the moment the at-risk level falls due, six scans start at once (released together by a
        // latch): the claims and the ledger let exactly one of them (or the timer) raise it
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> scans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            scans.add(pool.submit(() -> {
                go.await();
                return Env.adminApi("POST", "admin/sla/scan", null);
            }));
        }
        ProductTime.moveTo(atRisk.plusSeconds(1));
        go.countDown();
        // other tests' short clocks may fall due in the same second: count the scans that alerted this one
        int raisedByScans = 0;
        List<String> reports = new ArrayList<>();
        for (Future<HttpResponse<String>> f : scans) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
            JsonObject report = json(r.body()).asJsonObject();
            reports.add(report.toString());
            JsonArray alerted = report.getJsonArray("alertedClocks");
            assertTrue(alerted.size() <= report.getInt("alerts"), "a report names only clocks it alerted: " + report);
            raisedByScans += (int) alerted.stream().filter(c -> ((JsonNumber) c).longValue() == clockId).count();
        }
        pool.shutdown();
        assertTrue(raisedByScans <= 1, "scans that raised this clock's at-risk alert: " + raisedByScans + " " + reports);
        awaitAlerts(id, levels -> levels.contains("AT_RISK"), Duration.ofSeconds(30));
        assertEquals(List.of("AT_RISK"), levels(id), "one alert");
        JsonObject atRiskAlert = alert(id, "AT_RISK");
        List<String> recipients = atRiskAlert.getJsonArray("deliveries").stream()
                .map(d -> d.asJsonObject().getString("channel") + ":" + d.asJsonObject().getString("recipient")).toList();
        assertTrue(recipients.contains("EMAIL:supervisor@sopdesk.local") && recipients.contains("EMAIL:" + HELD), recipients.toString());
        assertEquals(recipients.stream().distinct().count(), recipients.size(), "one delivery per recipient: " + recipients);
        String agentsView = Env.agentApi("GET", "tickets/" + id + "/clock", null).body();
        assertTrue(agentsView.contains("AT_RISK") && !agentsView.contains(HELD) && !agentsView.contains("supervisor@sopdesk.local"),
                "the agent sees the alert, not who it went to: " + agentsView);
        assertEquals(1, awaitMails(demand, SUPERVISOR_MAIL, 1, Duration.ofSeconds(30)).size(), "one at-risk e-mail");

        // two supervisors acknowledge it at the same moment: one is taken, the other told it is done
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> acks = new ArrayList<>();
        for (String who : List.of("primeiro", "segundo")) {
            acks.add(two.submit(() -> {
                together.await();
                return Env.api("POST", "sla/alerts/" + atRiskAlert.getInt("id") + "/ack", SUPERVISOR, SUPERVISOR_PASSWORD,
                        "{\"comment\":\"Reconhecido pelo " + who + "\"}", null);
            }));
        }
        together.countDown();
        List<Integer> statuses = new ArrayList<>();
        String refused = "";
        for (Future<HttpResponse<String>> f : acks) {
            statuses.add(f.get().statusCode());
            if (f.get().statusCode() == 422) {
                refused = f.get().body();
            }
        }
        two.shutdown();
        assertEquals(List.of(200, 422), statuses.stream().sorted().toList(), statuses + " " + refused);
        assertTrue(refused.contains("já reconhecido"), refused);

        ApplicationRestart.run();

        // product time starts from the system clock again after the redeploy; moved past the deadline, it is breached
        Instant deadline = Instant.parse(clock.getString("deadline"));
        ProductTime.moveTo(deadline.plusSeconds(1));
        List<String> after = awaitAlerts(id, levels -> levels.contains("BREACH"), Duration.ofSeconds(30));
        assertEquals(List.of("AT_RISK", "BREACH"), after, "each level once, the at-risk one not repeated after the redeploy");

        List<MimeMessage> mails = awaitMails(demand, SUPERVISOR_MAIL, 2, Duration.ofSeconds(30));
        assertEquals(2, mails.size(), "one e-mail per level");
        assertTrue(mails.stream().anyMatch(m -> subject(m).startsWith("[SOP Desk] Em risco — demanda " + demand)), "at-risk mail");
        assertTrue(mails.stream().anyMatch(m -> subject(m).startsWith("[SOP Desk] Prazo estourado — demanda " + demand)), "breach mail");
        assertEquals("supervisor@sopdesk.local", mails.get(0).getAllRecipients()[0].toString());
        String body = (String) mails.stream().filter(m -> subject(m).contains("estourado")).findFirst().orElseThrow().getContent();
        assertTrue(body.contains("criado: Demanda " + demand) && body.contains("vencido: Prazo de retorno vencido"), body);

        // the supervisor sees the breach and acknowledges it with a comment
        browser.login(SUPERVISOR, SUPERVISOR_PASSWORD);
        browser.open(Env.APP + "supervisor/index.xhtml");
        browser.click(By.xpath("//*[@id='board:standing']//label[normalize-space(.)='Estourados']"));
        browser.everyRow("board:clocks");
        browser.find(By.xpath("//table//span[@class='demand' and text()='" + demand + "']"));
        browser.click(By.xpath("//tbody[@id='board:alerts_data']/tr[td[2][normalize-space(.)='" + demand + "']][.//span[text()='BREACH']]//button"));
        browser.type(By.id("board:comment"), "Liguei para o Relacionamento; retorno hoje.");
        browser.click(By.id("board:confirmAck"));
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElements(
                By.xpath("//tbody[@id='board:alerts_data']/tr[td[2][normalize-space(.)='" + demand + "']][.//span[text()='BREACH']]")).isEmpty());
        JsonObject breach = alertsOf(id).stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("level").equals("BREACH")).findFirst().orElseThrow();
        assertEquals(SUPERVISOR, breach.getString("acknowledgedBy"));
        assertEquals("Liguei para o Relacionamento; retorno hoje.", breach.getString("comment"));

        // Relacionamento writes the return in Qualitor: the next sync meets the clock, late. Qualitor
        // stamps history to the minute, so the return is written once the deadline's minute is over
        // (product time moved there, and the sandbox's entry stamped then, as Qualitor's clock would).
        Instant returned = deadline.plusSeconds(61);
        ProductTime.moveTo(returned.plusSeconds(2));
        HttpResponse<String> wrote = Env.post(Env.SANDBOX + "control/tickets/" + demand + "/history?author=relacionamento&at=" + returned,
                "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(200, wrote.statusCode(), wrote.body());
        JsonObject met = awaitClock(id, c -> c.getString("state").equals("MET"), Duration.ofSeconds(30));
        assertEquals("MET_LATE", met.getString("standing"));
        List<String> kinds = clockOf(id).getJsonArray("timeline").stream().map(e -> e.asJsonObject().getString("kind")).toList();
        assertTrue(kinds.containsAll(List.of("CREATED", "ALERT", "DUE", "ACKNOWLEDGED", "MET")), kinds.toString());
        assertEquals(2, awaitMails(demand, SUPERVISOR_MAIL, 2, Duration.ofSeconds(1)).size(), "still one e-mail per level");

        // the at-risk e-mail held by the administrator's quiet hours is withdrawn when they end: its alert was acknowledged
        assertEquals("PENDING", delivery(id, "AT_RISK", HELD).getString("state"), "held while quiet hours last");
        ProductTime.moveTo(quietEnd.plusSeconds(5));
        JsonObject held = awaitDelivery(id, "AT_RISK", HELD, d -> !d.getString("state").equals("PENDING"), Duration.ofSeconds(30));
        assertEquals("WITHDRAWN", held.getString("state"), held.toString());
        assertTrue(held.getString("lastError").startsWith("não enviado: alerta já reconhecido por " + SUPERVISOR), held.toString());
        List<String> heldMails = awaitMails(demand, HELD, 1, Duration.ofSeconds(1)).stream().map(SlaMonitorIT::subject).toList();
        assertEquals(1, heldMails.size(), "only the breach, which quiet hours never hold: " + heldMails);
        assertTrue(heldMails.get(0).startsWith("[SOP Desk] Prazo estourado"), heldMails.toString());
    }

    @Test
    void aWaitingForCustomerSituationPausesTheClockAndLeavingItMovesTheDeadline() throws Exception {
        String policy = "IT-P-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        definePolicy(policy, 8, 75, 0, "Aguardando cliente");
        JsonObject ticket = submitUnder(policy);
        long id = ticket.getJsonNumber("id").longValue();
        String demand = ticket.getString("demandNumber");
        Instant firstDeadline = Instant.parse(clockOf(id).getJsonObject("clock").getString("deadline"));

        situation(demand, "3", "Aguardando cliente");
        awaitClock(id, c -> c.getString("state").equals("PAUSED"), Duration.ofSeconds(40));
        // the customer answers three minutes (of product time) later
        ProductTime.offset(Duration.ofMinutes(3));
        situation(demand, "2", "Em atendimento");
        JsonObject resumed = awaitClock(id, c -> c.getString("state").equals("RUNNING") && c.getInt("deadlineVersion") == 2,
                Duration.ofSeconds(40));
        Instant newDeadline = Instant.parse(resumed.getString("deadline"));
        assertTrue(!newDeadline.isBefore(firstDeadline.plus(Duration.ofMinutes(3)).minusSeconds(1)),
                "moved by at least the three minutes the clock was paused: " + firstDeadline + " -> " + newDeadline);
        assertTrue(newDeadline.isBefore(firstDeadline.plus(Duration.ofMinutes(4))), "and by the pause only: " + firstDeadline + " -> " + newDeadline);
        assertEquals("Em atendimento", resumed.getString("qualitorSituation"));
        List<String> kinds = clockOf(id).getJsonArray("timeline").stream().map(e -> e.asJsonObject().getString("kind")).toList();
        assertTrue(kinds.containsAll(List.of("CREATED", "PAUSED", "RESUMED")), kinds.toString());
        // the timeline is stored as codes: each reader gets it in their language
        long clockId = resumed.getJsonNumber("id").longValue();
        String portuguese = Env.api("GET", "sla/clocks/" + clockId, SUPERVISOR, SUPERVISOR_PASSWORD, null, null).body();
        String english = Env.api("GET", "sla/clocks/" + clockId, SUPERVISOR, SUPERVISOR_PASSWORD, null, "en").body();
        assertTrue(portuguese.contains("Relógio retomado após") && portuguese.contains("(horário de Brasília)"), portuguese);
        assertTrue(english.contains("Clock resumed after a pause of") && english.contains("Demand " + demand + " registered"), english);
    }

    /**
     * Six clocks at risk 6.0, 7.2 … 12.0 s after their start: their at-risk points cover more than a
     * period of the periodic scan (5 s here), so a scan every period alone would raise some of them
     * more than 3.8 s late. The monitor wakes for each alert instead. The demands are closed after,
     * so their breaches (a fresh Qualitor read first) meet the clocks rather than alert.
     */
    @Test
    void eachAlertIsRaisedAtItsMomentNotAtTheNextPeriodicScan() throws Exception {
        List<JsonObject> tickets = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                String policy = "IT-W" + i + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
                definePolicy(policy, 2, 5 + i, 0, null);
                tickets.add(submitUnder(policy));
            }
            for (int i = 0; i < tickets.size(); i++) {
                long id = tickets.get(i).getJsonNumber("id").longValue();
                JsonArray alerts = await("the at-risk alert of ticket " + id).atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                        .until(() -> alertsOf(id), a -> !a.isEmpty());
                JsonObject alert = alerts.getJsonObject(0);
                assertEquals("AT_RISK", alert.getString("level"), alerts.toString());
                Instant deadline = Instant.parse(clockOf(id).getJsonObject("clock").getString("deadline"));
                Instant atRisk = deadline.minusSeconds(120).plusMillis(1200L * (5 + i));
                long lag = Duration.between(atRisk, Instant.parse(alert.getString("raisedAt"))).toMillis();
                assertTrue(lag >= 0 && lag <= 3000, "ticket " + id + ": at risk from " + atRisk + ", alert raised " + lag + " ms after");
            }
        } finally {
            for (JsonObject t : tickets) {
                situation(t.getString("demandNumber"), "9", "Encerrado");
            }
        }
    }

    @Test
    void theSlaApiIsForSupervisorsAndPoliciesAreValidated() throws Exception {
        assertEquals(403, Env.agentApi("GET", "sla/clocks", null).statusCode());
        assertEquals(200, Env.api("GET", "sla/clocks?standing=breached", SUPERVISOR, SUPERVISOR_PASSWORD, null, null).statusCode());
        assertEquals(403, Env.api("GET", "admin/sla/policies", SUPERVISOR, SUPERVISOR_PASSWORD, null, null).statusCode());
        HttpResponse<String> bad = Env.adminApi("PUT", "admin/sla/policies/IT-BAD",
                "{\"name\":\"x\",\"durationMinutes\":0,\"atRiskPercent\":75}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("O prazo deve ficar entre 1 minuto e 90 dias"), bad.body());
        HttpResponse<String> badInEnglish = Env.api("PUT", "admin/sla/policies/IT-BAD", Env.ADMIN, Env.ADMIN_PASSWORD,
                "{\"name\":\"x\",\"durationMinutes\":0,\"atRiskPercent\":75}", "en");
        assertTrue(badInEnglish.body().contains("The deadline must be between 1 minute and 90 days"), badInEnglish.body());
        HttpResponse<String> ack = Env.api("POST", "sla/alerts/999999/ack", SUPERVISOR, SUPERVISOR_PASSWORD, "{\"comment\":\"ok\"}", null);
        assertEquals(422, ack.statusCode(), ack.body());
        JsonArray policies = json(Env.adminApi("GET", "admin/sla/policies", null).body()).asJsonArray();
        assertTrue(policies.stream().anyMatch(p -> p.asJsonObject().getString("code").equals("RETORNO-24H")), policies.toString());
    }

    @Test
    void administratorsDefineAPolicyAndApplyItToASopOnTheirPage() throws Exception {
        String code = "IT-PAGE-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.click(By.id("session:nav-sla-admin"));
        browser.waitForPage();
        browser.type(By.id("sla:code"), code);
        browser.type(By.id("sla:name"), "Retorno em 8 horas úteis");
        browser.type(By.id("sla:duration"), "480");
        browser.click(By.cssSelector("#sla\\:business .ui-chkbox-box"));
        browser.type(By.id("sla:pause"), "Aguardando cliente");
        browser.click(By.id("sla:save"));
        By row0 = By.xpath("//tbody[@id='sla:policies_data']/tr[.//strong[text()='" + code + "']]");
        String row = browser.text(row0);
        assertTrue(row.contains("480 min") && row.contains("Horas úteis 08:00–18:00") && row.contains("Aguardando cliente"), row);

        browser.type(By.id("sla:name"), "");
        browser.click(By.id("sla:save"));
        assertTrue(browser.text(By.id("sla:messages")).contains("Informe o nome da política."), "refused with the reason");

        JsonObject saved = json(Env.adminApi("GET", "admin/sla/policies/" + code, null).body()).asJsonObject();
        assertEquals(480, saved.getInt("durationMinutes"));
        assertTrue(saved.getBoolean("businessHours"));
        assertTrue(Env.adminApi("GET", "admin/audit?limit=20", null).body().contains("política " + code), "audited");
    }

    private static void definePolicy(String code, int minutes, int atRisk, int reminder, String pause) throws Exception {
        HttpResponse<String> r = Env.adminApi("PUT", "admin/sla/policies/" + code, "{\"name\":\"Teste " + code + "\",\"durationMinutes\":" + minutes
                + ",\"atRiskPercent\":" + atRisk + ",\"reminderMinutes\":" + reminder
                + (pause == null ? "" : ",\"pauseSituations\":\"" + pause + "\"") + "}");
        assertEquals(200, r.statusCode(), r.body());
    }

    /** Submits a lost-password ticket while that SOP follows {@code policy}, then puts the SOP back on the default. */
    private static JsonObject submitUnder(String policy) throws Exception {
        assertEquals(200, Env.adminApi("PUT", "admin/sla/sops/perda-de-senha", "{\"policy\":\"" + policy + "\"}").statusCode());
        try {
            HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"));
            assertEquals(201, r.statusCode(), r.body());
            JsonObject t = json(r.body()).asJsonObject();
            assertEquals("SENT", t.getString("state"), r.body());
            return t;
        } finally {
            Env.adminApi("PUT", "admin/sla/sops/perda-de-senha", "{\"policy\":null}");
        }
    }

    private static void situation(String demand, String code, String name) throws Exception {
        HttpResponse<String> r = Env.post(Env.SANDBOX + "control/tickets/" + demand + "/situation?code=" + code + "&name="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(200, r.statusCode(), r.body());
    }

    /** The clock as a supervisor reads it: with the deliveries' recipients (an agent's view leaves them out). */
    private static JsonObject clockOf(long ticketId) throws Exception {
        HttpResponse<String> r = Env.api("GET", "tickets/" + ticketId + "/clock", SUPERVISOR, SUPERVISOR_PASSWORD, null, null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).asJsonObject();
    }

    private static JsonArray alertsOf(long ticketId) throws Exception {
        return clockOf(ticketId).getJsonArray("alerts");
    }

    private static List<String> levels(long ticketId) throws Exception {
        return alertsOf(ticketId).stream().map(a -> a.asJsonObject().getString("level")).toList();
    }

    private static List<String> awaitAlerts(long ticketId, Predicate<List<String>> done, Duration timeout) {
        return await("the alerts of ticket " + ticketId).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> levels(ticketId), done);
    }

    private static JsonObject awaitClock(long ticketId, Predicate<JsonObject> done, Duration timeout) {
        return await("the clock of ticket " + ticketId).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> clockOf(ticketId).getJsonObject("clock"), done);
    }

    private static JsonObject alert(long ticketId, String level) throws Exception {
        return alertsOf(ticketId).stream().map(JsonValue::asJsonObject).filter(a -> a.getString("level").equals(level))
                .findFirst().orElseThrow();
    }

    private static JsonObject delivery(long ticketId, String level, String recipient) throws Exception {
        return alert(ticketId, level).getJsonArray("deliveries").stream().map(JsonValue::asJsonObject)
                .filter(x -> x.getString("recipient").equals(recipient)).findFirst().orElseThrow();
    }

    private static JsonObject awaitDelivery(long ticketId, String level, String recipient, Predicate<JsonObject> done, Duration timeout) {
        return await("the " + level + " delivery to " + recipient).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> delivery(ticketId, level, recipient), done);
    }

    /**
     * The e-mails about {@code demand} to {@code recipient} once there are {@code expected} of them,
     * or those there are after {@code timeout} (the callers assert the count, also that no more came).
     */
    private static List<MimeMessage> awaitMails(String demand, String recipient, int expected, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> mailsOf(demand, recipient), m -> m.size() >= expected);
        } catch (ConditionTimeoutException e) {
            return mailsOf(demand, recipient);
        }
    }

    private static List<MimeMessage> mailsOf(String demand, String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                String[] h = m.getHeader("X-SOPDesk-Alert");
                return h != null && h[0].startsWith(demand + "/") && m.getAllRecipients()[0].toString().equals(recipient);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
