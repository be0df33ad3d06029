package br.com.sopdesk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SOP Desk on a deployment group of two instances sharing one PostgreSQL database: what must stay
 * unique is decided in the database, so both instances serve the same desk, every ticket reaches
 * Qualitor exactly once whichever instance takes it, a setting changed on one instance is seen on the
 * other at once (cache coordination over the data grid), and an instance killed with work in hand
 * leaves it to the other. The kill runs last: the group is not restarted for the rest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentGroupIT {

    private static final Pattern KEY = Pattern.compile("\"sopdesk:([0-9a-f-]{36})\"");
    private static final String CNPJ = "11.222.333/0001-81";

    @AfterEach
    void healthyQualitor() throws Exception {
        Cluster.sandbox("faults?kind=NONE");
    }

    @Test
    @Order(1)
    void bothInstancesServeTheSameDesk() throws Exception {
        for (int n = 1; n <= 2; n++) {
            assertEquals(200, Cluster.get(Cluster.app(n).replace("/sopdesk/", "/health/ready")).statusCode(), Cluster.name(n) + " ready");
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
    @Order(100)
    void anInstanceKilledWhileSendingLeavesItsTicketsToTheOtherNoneLostNoneDuplicated() throws Exception {
        int before = received();
        // Qualitor answers late: instance 1 holds the tickets it claimed while their calls are out
        Cluster.sandbox("faults?kind=SLOW_ANSWER&latencyMillis=20000&count=1000&operation=addTicketByData");
        int tickets = 5;
        ExecutorService pool = Executors.newFixedThreadPool(tickets);
        try {
            for (int i = 0; i < tickets; i++) {
                pool.submit(() -> Cluster.agent(1, "POST", "tickets", Cluster.lostPassword(CNPJ)));
            }
            // Qualitor created them all; the answers are still on their way when the instance dies
            Cluster.until(DeploymentGroupIT::received, r -> r == before + tickets, Duration.ofSeconds(30), "the calls reaching Qualitor");
            long killed = System.nanoTime();
            Cluster.script("kill", Cluster.name(1));
            Cluster.sandbox("faults?kind=NONE");
            // the claims lapse by product time on the surviving instance (sopdesk.outbox.lease-seconds, 60)
            Cluster.offsetClock(2, Duration.ofMinutes(5));
            try {
                List<String> keys = keys();
                List<String> mine = keys.subList(keys.size() - tickets, keys.size());
                for (String key : mine) {
                    Cluster.until(() -> sandboxTicket(key), t -> t != null && "1".equals(Cluster.field(t, "qtanexos")),
                            Duration.ofSeconds(90), "the summary of " + key);
                }
                System.out.printf("[cluster] the other instance finished the killed one's tickets %d ms after the kill (claims lapsed by moving its clock)%n",
                        (System.nanoTime() - killed) / 1_000_000);
                assertEquals(before + tickets, received(), "nothing sent twice after the kill");
                assertUniqueKeys();
            } finally {
                Cluster.offsetClock(2, Duration.ZERO);
            }
        } finally {
            pool.shutdownNow();
        }
    }

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
