package br.com.sopdesk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SOP Desk on a deployment group of two instances sharing one PostgreSQL database: what must stay
 * unique is decided in the database, so both instances serve the same desk and every ticket reaches
 * Qualitor exactly once whichever instance takes it; a setting or a role changed on one instance
 * reaches the other at once (cache coordination over the data grid); PostgreSQL stopped under load
 * is answered 503 and both instances recover by themselves; and an instance killed with work in hand
 * leaves it, and the group's SLA timer, to the other. The kill runs last: the group is not restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentGroupIT {

    private static final Pattern KEY = Pattern.compile("\"sopdesk:([0-9a-f-]{36})\"");
    private static final String CNPJ = "11.222.333/0001-81";
    /** The demo supervisor's alert address (demo data). */
    private static final String SUPERVISOR_MAIL = "supervisor@sopdesk.local";
    private static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Cluster.PORTBASE + 25, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @AfterEach
    void healthyQualitor() throws Exception {
        Cluster.sandbox("faults?kind=NONE");
    }

    @Test
    @Order(1)
    void bothInstancesServeTheSameDesk() throws Exception {
        for (int n = 1; n <= 2; n++) {
            assertEquals(200, readiness(n), Cluster.name(n) + " ready");
        }
        HttpResponse<String> made = Cluster.agent(1, "POST", "tickets", Cluster.lostPassword(CNPJ));
        assertEquals(201, made.statusCode(), made.body());
        String id = Cluster.field(made.body(), "id");
        HttpResponse<String> seen = Cluster.agent(2, "GET", "tickets/" + id, null);
        assertEquals(200, seen.statusCode(), seen.body());
        assertEquals(Cluster.field(made.body(), "submissionKey"), Cluster.field(seen.body(), "submissionKey"), "the other instance reads the same ticket");
    }

    @Test
    @Order(2)
    void submissionsToBothInstancesAtOnceReachQualitorExactlyOnce() throws Exception {
        int before = received();
        // Qualitor down while the agents submit: every ticket waits in the shared outbox, and both
        // instances' outbox timers then drain it at once when Qualitor is back
        Cluster.sandbox("faults?kind=DOWN");
        int perInstance = 15;
        List<String> ids = submitAtOnce(perInstance);
        Cluster.sandbox("faults?kind=NONE");
        for (String id : ids) {
            Cluster.until(() -> Cluster.agent(1, "GET", "tickets/" + id, null).body(),
                    b -> "SENT".equals(Cluster.field(b, "state")), Duration.ofSeconds(90), "ticket " + id + " sent");
        }
        assertEquals(before + 2 * perInstance, received(), "each ticket reached Qualitor once");
        assertUniqueKeys();
        // and its walk summary was attached once, by whichever instance claimed it
        for (String id : ids) {
            String ticket = Cluster.until(() -> Cluster.agent(2, "GET", "tickets/" + id, null).body(),
                    b -> "ATTACHED".equals(Cluster.field(b, "summaryState")), Duration.ofSeconds(60), "summary of " + id);
            String demand = Cluster.field(ticket, "demandNumber");
            String files = Cluster.get(Cluster.SANDBOX + "control/tickets/" + demand + "/attachments").body();
            assertEquals(1, count(files, "sopdesk-resumo-" + id + ".txt"), "one summary on demand " + demand + ": " + files);
        }
    }

    @Test
    @Order(3)
    void aCategoryRenamedOnOneInstanceIsSeenOnTheOtherWithinTwoSeconds() throws Exception {
        String code = Cluster.field(Cluster.admin(1, "GET", "admin/categories", null).body(), "code");
        // the other instance holds the category in its cache before the change
        assertEquals(200, Cluster.admin(2, "GET", "admin/categories", null).statusCode());
        String name = "Categoria renomeada " + System.nanoTime();
        HttpResponse<String> saved = Cluster.admin(1, "PUT", "admin/categories/" + code, "{\"name\":\"" + name + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        long changed = System.nanoTime();
        Cluster.until(() -> Cluster.admin(2, "GET", "admin/categories", null).body(), b -> b.contains(name),
                Duration.ofSeconds(2), "the new name on " + Cluster.name(2));
        System.out.printf("[cluster] category change seen on the other instance after %d ms%n", (System.nanoTime() - changed) / 1_000_000);
    }

    @Test
    @Order(4)
    void aRoleRemovedOnOneInstanceEndsTheSessionOnTheOtherWithinTwoSeconds() throws Exception {
        String user = "cluster" + System.nanoTime() % 1_000_000_000L;
        String password = "senha-do-cluster-1";
        HttpResponse<String> created = Cluster.admin(1, "POST", "admin/users",
                "{\"username\":\"" + user + "\",\"displayName\":\"Agente do cluster\",\"password\":\"" + password + "\",\"roles\":[\"agent\"]}");
        assertEquals(201, created.statusCode(), created.body());
        HttpClient session = Cluster.signedIn(2, user, password);
        HttpRequest page = HttpRequest.newBuilder(URI.create(Cluster.app(2) + "app/index.xhtml")).GET().build();
        assertEquals(200, session.send(page, HttpResponse.BodyHandlers.ofString()).statusCode(), "signed in on " + Cluster.name(2));

        HttpResponse<String> changed = Cluster.admin(1, "PUT", "admin/users/" + user, "{\"roles\":[\"supervisor\"]}");
        assertEquals(200, changed.statusCode(), changed.body());
        long at = System.nanoTime();
        HttpResponse<String> after = Cluster.until(() -> session.send(page, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 302,
                Duration.ofSeconds(2), "the session on " + Cluster.name(2) + " ended");
        System.out.printf("[cluster] role change ended the session on the other instance after %d ms%n", (System.nanoTime() - at) / 1_000_000);
        assertTrue(after.headers().firstValue("Location").orElse("").contains("login.xhtml?sessao=encerrada"), "sent to sign in again: " + after.headers());

        // and a deactivation refuses the account's API calls there as soon
        assertEquals(200, Cluster.api(2, "GET", "sla/clocks", user, password, null).statusCode(), "a supervisor now");
        assertEquals(200, Cluster.admin(1, "PUT", "admin/users/" + user, "{\"active\":false}").statusCode());
        Cluster.until(() -> Cluster.api(2, "GET", "sla/clocks", user, password, null).statusCode(), c -> c == 401,
                Duration.ofSeconds(2), "the deactivated account refused on " + Cluster.name(2));
    }

    @Test
    @Order(45)
    void passwordGuessesAreCountedAcrossInstances() throws Exception {
        String user = "alvo-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Cluster.admin(1, "POST", "admin/users",
                "{\"username\":\"" + user + "\",\"displayName\":\"Alvo do grupo\",\"password\":\"senha-certa-123\",\"roles\":[\"agent\"]}");
        assertEquals(201, created.statusCode(), created.body());
        // the group trusts X-Forwarded-For from the tests (test profile), as from its load balancer
        String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        // four wrong passwords from one address, alternating instances: two on each, past the three free ones only together
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> wrong = Cluster.api(1 + i % 2, "GET", "sops?q=senha", user, "chute-" + i, null, "X-Forwarded-For", address);
            assertEquals(401, wrong.statusCode(), "failure " + (i + 1) + " on " + Cluster.name(1 + i % 2));
        }
        // so the right one waits on both instances
        for (int n = 1; n <= 2; n++) {
            HttpResponse<String> waiting = Cluster.api(n, "GET", "sops?q=senha", user, "senha-certa-123", null, "X-Forwarded-For", address);
            assertEquals(429, waiting.statusCode(), Cluster.name(n) + " counted the other's failures: " + waiting.body());
            assertTrue(waiting.headers().firstValue("Retry-After").isPresent(), waiting.headers().toString());
        }
    }

    @Test
    @Order(50)
    void postgresqlStoppedUnderLoadIsAnswered503ThenBothInstancesRecoverWithNothingLostOrSentTwice() throws Exception {
        int before = received();
        Load load = new Load();
        // two agents, one on each instance, submitting every 400 ms through the outage, each submission under its own key
        ScheduledExecutorService agents = Executors.newScheduledThreadPool(2);
        for (int n = 1; n <= 2; n++) {
            int instance = n;
            agents.scheduleWithFixedDelay(() -> {
                try {
                    load.submit(instance);
                } catch (Exception e) {
                    load.statuses.add(-1); // no answer at all
                }
            }, 0, 400, TimeUnit.MILLISECONDS);
        }
        try {
            Cluster.until(load.accepted::size, a -> a >= 4, Duration.ofSeconds(30), "submissions accepted before the outage");
            Cluster.script("db-stop");
            long stopped = System.nanoTime();
            try {
                // while the database is away: a plain 503, and readiness says so, on both instances
                for (int n = 1; n <= 2; n++) {
                    int instance = n;
                    HttpResponse<String> refused = Cluster.until(() -> load.submit(instance),
                            r -> r.statusCode() == 503, Duration.ofSeconds(30), "a submission refused on " + Cluster.name(instance));
                    String message = Cluster.field(refused.body(), "message");
                    assertTrue(message != null && message.contains("banco de dados") && !message.contains("Exception"), refused.body());
                    Cluster.until(() -> readiness(instance), c -> c == 503,
                            Duration.ofSeconds(30), "readiness down on " + Cluster.name(instance));
                }
                // and it stays so, on both, for the rest of the 30 s outage
                Duration rest = Duration.ofSeconds(30).minusNanos(System.nanoTime() - stopped);
                if (!rest.isNegative() && !rest.isZero()) {
                    Awaitility.await("readiness down on both while the database is away").pollInterval(Duration.ofSeconds(1))
                            .during(rest).atMost(rest.plusSeconds(15))
                            .until(() -> readiness(1) == 503 && readiness(2) == 503);
                }
            } finally {
                Cluster.script("db-start");
            }
            long started = System.nanoTime();
            for (int n = 1; n <= 2; n++) {
                int instance = n;
                Cluster.until(() -> load.submit(instance).statusCode(), c -> c == 201,
                        Duration.ofSeconds(60), "a submission accepted again on " + Cluster.name(instance));
                Cluster.until(() -> readiness(instance), c -> c == 200,
                        Duration.ofSeconds(60), "readiness up again on " + Cluster.name(instance));
            }
            System.out.printf("[cluster] both instances answered again %d ms after PostgreSQL started%n", (System.nanoTime() - started) / 1_000_000);
        } finally {
            agents.shutdown();
            agents.awaitTermination(90, TimeUnit.SECONDS);
        }
        List<Integer> seen = new ArrayList<>(load.statuses);
        assertTrue(seen.stream().allMatch(c -> c == 201 || c == 503), "accepted or refused plainly, never an error: " + seen);
        assertTrue(seen.contains(503), "the load met the outage: " + seen);

        // the agents send again what was refused, under the same keys: a ticket stored although its
        // answer was lost (the database gone between the commit and the answer) is found, not stored again
        Map<String, String> tickets = new HashMap<>(load.accepted);
        int found = 0;
        for (String key : List.copyOf(load.refused)) {
            HttpResponse<String> again = Cluster.agent(1, "POST", "tickets", Cluster.lostPassword(CNPJ), "Idempotency-Key", key);
            assertTrue(again.statusCode() == 201 || again.statusCode() == 200, again.statusCode() + " " + again.body());
            found += again.statusCode() == 200 ? 1 : 0;
            tickets.put(key, Cluster.field(again.body(), "id"));
        }
        assertEquals(tickets.size(), new HashSet<>(tickets.values()).size(), "one ticket per key: " + tickets);
        System.out.printf("[cluster] %d submissions accepted, %d refused and sent again (%d of them found already stored)%n",
                load.accepted.size(), load.refused.size(), found);
        // each reaches Qualitor once
        for (String id : tickets.values()) {
            Cluster.until(() -> Cluster.agent(1, "GET", "tickets/" + id, null).body(), b -> "SENT".equals(Cluster.field(b, "state")),
                    Duration.ofSeconds(90), "ticket " + id + " sent");
        }
        assertEquals(before + tickets.size(), received(), "every submission reached Qualitor once");
        assertUniqueKeys();
    }

    /** The agents' submissions during the outage, each under its own Idempotency-Key. */
    private static final class Load {
        final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> accepted = new ConcurrentHashMap<>();
        final Set<String> refused = ConcurrentHashMap.newKeySet();

        HttpResponse<String> submit(int instance) throws Exception {
            String key = "carga-" + UUID.randomUUID();
            refused.add(key); // until it is answered 201: no answer at all is sent again too
            HttpResponse<String> r = Cluster.agent(instance, "POST", "tickets", Cluster.lostPassword(CNPJ), "Idempotency-Key", key);
            statuses.add(r.statusCode());
            if (r.statusCode() == 201) {
                accepted.put(key, Cluster.field(r.body(), "id"));
                refused.remove(key);
            }
            return r;
        }
    }

    @Test
    @Order(60)
    void slaAlertsDueWhileBothInstancesScanAreRaisedAndMailedOnceEach() throws Exception {
        // a two-minute policy, so only this ticket's clock falls due when product time moves
        String policy = "CL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> defined = Cluster.admin(1, "PUT", "admin/sla/policies/" + policy,
                "{\"name\":\"Grupo " + policy + "\",\"durationMinutes\":2,\"atRiskPercent\":50,\"reminderMinutes\":0}");
        assertEquals(200, defined.statusCode(), defined.body());
        assertEquals(200, Cluster.admin(1, "PUT", "admin/sla/sops/perda-de-senha", "{\"policy\":\"" + policy + "\"}").statusCode());
        HttpResponse<String> made;
        try {
            made = Cluster.agent(2, "POST", "tickets", Cluster.lostPassword(CNPJ));
        } finally {
            Cluster.admin(1, "PUT", "admin/sla/sops/perda-de-senha", "{\"policy\":null}");
        }
        assertEquals(201, made.statusCode(), made.body());
        String clock = Cluster.until(() -> Cluster.agent(2, "GET", "tickets/" + Cluster.field(made.body(), "id") + "/clock", null).body(),
                b -> Cluster.field(b, "deadline") != null, Duration.ofSeconds(30), "the ticket's SLA clock");
        assertEquals(policy, Cluster.field(clock, "policy"));
        String demand = Cluster.field(clock, "demand");
        String id = Cluster.field(clock, "id");
        try {
            // its at-risk point passed on both instances, six scans start together, three on each (besides the group's timer)
            Instant atRisk = Instant.parse(Cluster.field(clock, "startedAt")).plusSeconds(60);
            scanTogether(Duration.between(Instant.now(), atRisk).plusSeconds(1));
            String risk = Cluster.until(() -> Cluster.api(1, "GET", "sla/clocks/" + id, "supervisor", "supervisor-demo", null).body(),
                    b -> b.contains("\"level\":\"AT_RISK\""), Duration.ofSeconds(30), "the at-risk alert raised");
            assertEquals(1, count(risk, "\"level\":\"AT_RISK\""), "one at-risk alert: " + risk);
            Cluster.until(() -> mailsOf(demand).size(), n -> n >= 1, Duration.ofSeconds(60), "the at-risk e-mail of demand " + demand);
            // then past its deadline, six scans again
            scanTogether(Duration.between(Instant.now(), Instant.parse(Cluster.field(clock, "deadline"))).plusSeconds(1));
            String breach = Cluster.until(() -> Cluster.api(1, "GET", "sla/clocks/" + id, "supervisor", "supervisor-demo", null).body(),
                    b -> b.contains("\"level\":\"BREACH\""), Duration.ofSeconds(30), "the breach alert raised");
            assertEquals(1, count(breach, "\"level\":\"AT_RISK\""), "still one at-risk alert: " + breach);
            assertEquals(1, count(breach, "\"level\":\"BREACH\""), "one breach alert: " + breach);
            // each alert's e-mail arrives once, and no second copy follows from the other instance
            Cluster.until(() -> mailsOf(demand).size(), n -> n >= 2, Duration.ofSeconds(60), "the breach e-mail of demand " + demand);
            Awaitility.await("no second copy of an alert e-mail").pollInterval(Duration.ofMillis(500))
                    .during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> mailsOf(demand).size() == 2);
            List<String> subjects = new ArrayList<>();
            for (MimeMessage m : mailsOf(demand)) {
                subjects.add(m.getSubject());
            }
            assertTrue(subjects.stream().anyMatch(t -> t.startsWith("[SOP Desk] Em risco — demanda " + demand)), subjects.toString());
            assertTrue(subjects.stream().anyMatch(t -> t.startsWith("[SOP Desk] Prazo estourado — demanda " + demand)), subjects.toString());
        } finally {
            Cluster.offsetClock(1, Duration.ZERO);
            Cluster.offsetClock(2, Duration.ZERO);
        }
    }

    /** Both instances' product time moved by {@code offset}, then six SLA scans released at once, three on each. */
    private static void scanTogether(Duration offset) throws Exception {
        together(offset, "admin/sla/scan");
    }

    /**
     * Both instances' product time moved by {@code offset}, then six {@code POST}s to the admin
     * {@code path} released at once, three on each instance; their answers, each 200.
     */
    private static List<String> together(Duration offset, String path) throws Exception {
        Cluster.offsetClock(1, offset);
        Cluster.offsetClock(2, offset);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int instance = 1 + i % 2;
                calls.add(pool.submit(() -> {
                    go.await();
                    return Cluster.admin(instance, "POST", path, null);
                }));
            }
            go.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                assertEquals(200, call.get().statusCode(), path + ": " + call.get().body());
                bodies.add(call.get().body());
            }
            return bodies;
        } finally {
            pool.shutdown();
        }
    }

    /** The alert e-mails about {@code demand} to the demo supervisor. */
    private static List<MimeMessage> mailsOf(String demand) throws MessagingException {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String[] alert = m.getHeader("X-SOPDesk-Alert");
            if (alert != null && alert[0].startsWith(demand + "/") && m.getAllRecipients()[0].toString().equals(SUPERVISOR_MAIL)) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    @Order(90)
    void theRetentionJobRunsOnOneInstanceAtATime() throws Exception {
        HttpResponse<String> made = Cluster.agent(1, "POST", "tickets", Cluster.lostPassword(CNPJ));
        assertEquals(201, made.statusCode(), made.body());
        String id = Cluster.field(made.body(), "id");
        Cluster.until(() -> Cluster.field(Cluster.agent(2, "GET", "tickets/" + id, null).body(), "state"), "SENT"::equals,
                Duration.ofSeconds(60), "ticket " + id + " sent");
        try {
            // a year and a day later on both instances, six runs start together, three on each: one runs the job
            Duration later = Duration.ofDays(366);
            List<String> first = retentionTogether(later);
            List<String> ran = first.stream().filter(b -> "true".equals(Cluster.field(b, "ran"))).toList();
            assertEquals(1, ran.size(), "one run at a time: " + first);
            assertTrue(Integer.parseInt(Cluster.field(ran.get(0), "tickets")) >= 1, "the old tickets anonymized: " + ran);
            // while its lease runs, no instance runs it again
            List<String> again = retentionTogether(later);
            assertTrue(again.stream().noneMatch(b -> "true".equals(Cluster.field(b, "ran"))), "the lease held: " + again);
            // once the lease ran out, one runs it, with nothing left to do twice
            List<String> after = retentionTogether(later.plusMinutes(11));
            List<String> ranAfter = after.stream().filter(b -> "true".equals(Cluster.field(b, "ran"))).toList();
            assertEquals(1, ranAfter.size(), "one run at a time: " + after);
            assertEquals("0", Cluster.field(ranAfter.get(0), "tickets"), "nothing anonymized twice: " + ranAfter);
        } finally {
            Cluster.offsetClock(1, Duration.ZERO);
            Cluster.offsetClock(2, Duration.ZERO);
        }
    }

    /** Both instances' product time moved by {@code offset}, then six retention runs released at once, three on each; their answers. */
    private static List<String> retentionTogether(Duration offset) throws Exception {
        return together(offset, "admin/retention/run");
    }

    @Test
    @Order(100)
    void anInstanceKilledWithWorkInHandLeavesItToTheOtherNoneLostNoneDuplicated() throws Exception {
        // each instance scans for due clocks on its own timer, so the survivor's scans go on after the kill
        assertTrue(Cluster.scansHere(1) && Cluster.scansHere(2), "both instances run their own SLA scan timer");
        int victim = 1;
        int survivor = 2;
        int before = received();
        // a ticket whose return promise the SLA scan must still watch after the kill
        HttpResponse<String> watched = Cluster.agent(survivor, "POST", "tickets", Cluster.lostPassword(CNPJ));
        assertEquals(201, watched.statusCode(), watched.body());
        String clock = Cluster.until(() -> Cluster.agent(survivor, "GET", "tickets/" + Cluster.field(watched.body(), "id") + "/clock", null).body(),
                b -> Cluster.field(b, "deadline") != null, Duration.ofSeconds(30), "the ticket's SLA clock");
        // an agent working on the victim (sessions are not replicated: the load balancer is sticky)
        HttpClient agent = Cluster.signedIn(victim, Cluster.AGENT, Cluster.AGENT_PASSWORD);
        // Qualitor answers late: the victim holds the tickets it claimed while their calls are out
        Cluster.sandbox("faults?kind=SLOW_ANSWER&latencyMillis=20000&count=1000&operation=addTicketByData");
        int tickets = 5;
        ExecutorService pool = Executors.newFixedThreadPool(tickets);
        try {
            for (int i = 0; i < tickets; i++) {
                pool.submit(() -> Cluster.agent(victim, "POST", "tickets", Cluster.lostPassword(CNPJ)));
            }
            // Qualitor created them all; the answers are still on their way when the instance dies
            Cluster.until(DeploymentGroupIT::received, r -> r == before + 1 + tickets, Duration.ofSeconds(30), "the calls reaching Qualitor");
            long killed = System.nanoTime();
            Cluster.script("kill", Cluster.name(victim));
            Cluster.sandbox("faults?kind=NONE");
            try {
                // the claims lapse by product time on the survivor (sopdesk.outbox.lease-seconds, 60)
                Cluster.offsetClock(survivor, Duration.ofMinutes(5));
                List<String> keys = keys();
                for (String key : keys.subList(keys.size() - tickets, keys.size())) {
                    Cluster.until(() -> sandboxTicket(key), t -> t != null && "1".equals(Cluster.field(t, "qtanexos")),
                            Duration.ofSeconds(90), "the summary of " + key);
                }
                System.out.printf("[cluster] the survivor finished the killed instance's tickets %d ms after the kill (claims lapsed by moving its clock)%n",
                        (System.nanoTime() - killed) / 1_000_000);
                assertEquals(before + 1 + tickets, received(), "nothing sent twice after the kill");
                assertUniqueKeys();

                // the survivor's SLA scans go on: past the deadline, the breach is raised, once
                Instant deadline = Instant.parse(Cluster.field(clock, "deadline"));
                Cluster.offsetClock(survivor, Duration.between(Instant.now(), deadline).plusSeconds(1));
                long moved = System.nanoTime();
                String id = Cluster.field(clock, "id");
                String detail = Cluster.until(() -> Cluster.api(survivor, "GET", "sla/clocks/" + id, "supervisor", "supervisor-demo", null).body(),
                        b -> b.contains("\"level\":\"BREACH\""), Duration.ofSeconds(120), "the breach alert raised on the survivor");
                System.out.printf("[cluster] breach raised by the survivor's SLA scan %d ms after its deadline passed (%d ms after the kill)%n",
                        (System.nanoTime() - moved) / 1_000_000, (System.nanoTime() - killed) / 1_000_000);
                assertEquals(1, count(detail, "\"level\":\"BREACH\""), "one breach alert: " + detail);
                // and its e-mail arrives once, from the survivor (the at-risk warning, overtaken by the deadline, is skipped)
                String demand = Cluster.field(clock, "demand");
                Cluster.until(() -> mailsOf(demand).size(), n -> n >= 1, Duration.ofSeconds(60), "the breach e-mail of demand " + demand);
                Awaitility.await("no second copy of the breach e-mail").pollInterval(Duration.ofMillis(500))
                        .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailsOf(demand).size() == 1);

                // the agent's next request, sent to the survivor, asks them to sign in again
                HttpResponse<String> next = agent.send(HttpRequest.newBuilder(URI.create(Cluster.app(survivor) + "app/index.xhtml")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(302, next.statusCode(), "a session of the dead instance is unknown here: " + next.body());
                assertTrue(next.headers().firstValue("Location").orElse("").contains("login.xhtml"), next.headers().toString());
            } finally {
                Cluster.offsetClock(survivor, Duration.ZERO);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Instance n's readiness status ({@code /health/ready}). */
    private static int readiness(int n) throws Exception {
        return Cluster.get(Cluster.app(n).replace("/sopdesk/", "/health/ready")).statusCode();
    }

    /** A submission to instance n, its answer's status kept, and its id when it was accepted. */
    /** Submits {@code perInstance} tickets to each instance at once; their ids. */
    private static List<String> submitAtOnce(int perInstance) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2 * perInstance; i++) {
                int n = 1 + i % 2;
                answers.add(pool.submit(() -> Cluster.agent(n, "POST", "tickets", Cluster.lostPassword(CNPJ))));
            }
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertEquals(201, r.statusCode(), r.body());
                ids.add(Cluster.field(r.body(), "id"));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int received() throws Exception {
        return Integer.parseInt(Cluster.field(Cluster.get(Cluster.SANDBOX + "control/tickets/keys").body(), "count"));
    }

    private static List<String> keys() throws Exception {
        Matcher m = KEY.matcher(Cluster.get(Cluster.SANDBOX + "control/tickets/keys").body());
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static void assertUniqueKeys() throws Exception {
        List<String> keys = keys();
        Set<String> unique = new HashSet<>(keys);
        assertEquals(unique.size(), keys.size(), "a submission key reached Qualitor twice: " + keys);
    }

    /** The sandbox's ticket carrying the submission key, as JSON, or null. */
    private static String sandboxTicket(String key) throws Exception {
        String all = Cluster.get(Cluster.SANDBOX + "control/tickets").body();
        for (String t : all.split("\\},\\{")) {
            if (t.contains("\"dspalavrachave\":\"sopdesk:" + key + "\"")) {
                return t;
            }
        }
        return null;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
