package br.com.sopdesk.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox tells SOP Desk when a demand changes, as Qualitor's service flow would: after a
 * history entry or a closing, on a thread of its own, a few times when SOP Desk does not answer.
 * A small HTTP server here stands in for SOP Desk and answers what each test needs.
 */
class DemandCallbackTest {

    static final String SECRET = "segredo-de-teste-do-sandbox";

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();

    /** One request SOP Desk received. */
    record Received(String method, String contentType, String authorization, String body) {
    }

    HttpServer desk;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** The answers SOP Desk gives, in turn (the last one repeats). */
    volatile int[] answers = {200};
    final AtomicInteger calls = new AtomicInteger();
    volatile CountDownLatch hold = new CountDownLatch(0);

    @BeforeEach
    void startDesk() throws IOException {
        desk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        desk.createContext("/sopdesk/api/qualitor/demand-changed", x -> {
            try (x) {
                hold.await(10, TimeUnit.SECONDS);
                received.add(new Received(x.getRequestMethod(), x.getRequestHeaders().getFirst("Content-Type"),
                        x.getRequestHeaders().getFirst("Authorization"), new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                int n = calls.getAndIncrement();
                x.sendResponseHeaders(answers[Math.min(n, answers.length - 1)], -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        desk.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        desk.start();
    }

    @AfterEach
    void stopDesk() {
        hold.countDown();
        desk.stop(0);
        running.sandbox().callback().target(null);
    }

    void callDesk(int attempts) {
        URI url = URI.create("http://127.0.0.1:" + desk.getAddress().getPort() + "/sopdesk/api/qualitor/demand-changed");
        running.sandbox().callback().target(new DemandCallback.Target(url, SECRET, attempts, Duration.ofMillis(20)));
    }

    String demand() throws Exception {
        return running.client().openTicket(Map.of(), null);
    }

    WireClient.Answer history(String number) throws Exception {
        return running.client().ticket("addTicketHistory", Map.of("cdchamado", number, "dsacompanhamento", "Retorno ao cliente.",
                "cdtipoacompanhamento", "1"));
    }

    @Test
    void aHistoryEntryAndAClosingAreAnnouncedAsJsonWithTheSecret() throws Exception {
        callDesk(4);
        String number = demand();
        assertEquals("1", history(number).status());
        assertEquals("1", running.client().ticket("closeTicket", Map.of("cdchamado", number, "idfecharrelacionados", "N")).status());

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        for (Received r : received) {
            assertEquals("POST", r.method());
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            assertEquals("Bearer " + SECRET, r.authorization());
            assertEquals("{\"cdchamado\":\"" + number + "\"}", r.body());
        }
        assertEquals(2, running.sandbox().callback().describe().get("delivered"));
    }

    @Test
    void readsAndOpeningsAreNotChangesAndReadsAreCounted() throws Exception {
        callDesk(4);
        String number = demand();
        running.client().ticket("getTicketData", Map.of("cdchamado", number));
        running.client().ticket("getTicketHistoryData", Map.of("cdchamado", number));
        running.client().ticket("getTicketHistoryData", Map.of("cdchamado", number));
        history(number);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertEquals(Map.of("getTicketData", 1, "getTicketHistoryData", 2), running.sandbox().readsOf(number));
        assertEquals(1, running.sandbox().callback().describe().get("attempts"), "the opening announced nothing");
    }

    @Test
    void theOperationIsAnsweredWhileSopDeskHasNotAnsweredYet() throws Exception {
        callDesk(4);
        hold = new CountDownLatch(1);
        String number = demand();

        assertEquals("1", history(number).status(), "answered at once");
        assertTrue(received.isEmpty(), "SOP Desk is still holding its answer");
        hold.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    }

    @Test
    void aFailedCallIsTriedAgainWithGrowingWaitsAndAnsweredOnce() throws Exception {
        answers = new int[] {503, 500, 204};
        callDesk(4);
        history(demand());

        await().atMost(Duration.ofSeconds(10)).until(() -> (int) running.sandbox().callback().describe().get("delivered") == 1);
        assertEquals(3, received.size());
        assertEquals(0, running.sandbox().callback().describe().get("abandoned"));
    }

    @Test
    void itGivesUpAfterItsAttemptsAndNeverRepeatsARefusal() throws Exception {
        answers = new int[] {503};
        callDesk(3);
        history(demand());
        await().atMost(Duration.ofSeconds(10)).until(() -> (int) running.sandbox().callback().describe().get("abandoned") == 1);
        assertEquals(3, received.size());

        running.sandbox().callback().reset();
        received.clear();
        calls.set(0);
        answers = new int[] {401};
        callDesk(3);
        history(demand());
        await().atMost(Duration.ofSeconds(10)).until(() -> (int) running.sandbox().callback().describe().get("abandoned") == 1);
        assertEquals(1, received.size(), "a refusal is not repeated");
    }

    @Test
    void offByDefaultAndAfterAReset() throws Exception {
        running.sandbox().reset();
        assertFalse((boolean) running.sandbox().callback().describe().get("on"));
        history(demand());
        assertEquals(0, running.sandbox().callback().describe().get("attempts"));
    }
}
