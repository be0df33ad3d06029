package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several callers at once are each let in every time, with their own roles: API clients that keep
 * their session cookie (and send Basic too, as curl with a cookie jar does), clients that send only
 * the cookie, clients that sign in with Basic on every call, and page visitors signed in through
 * the form, all running together for a few seconds. Each asks for something only its role may
 * reach, so a session that lost its roles is caught (403), not just one that lost its caller.
 */
@BlackBox
class ConcurrentSessionsIT {

    private static final int REQUESTS_PER_CLIENT = 30;
    /** Basic on every call hashes the password each time: fewer of those. */
    private static final int BASIC_ONLY_REQUESTS = 8;

    record Caller(String user, String password, String apiPath, String page) {
    }

    static final List<Caller> CALLERS = List.of(
            new Caller(Env.AGENT, Env.AGENT_PASSWORD, "sops?q=x", "app/index.xhtml"),
            new Caller("supervisor", "supervisor-demo", "sla/clocks?standing=AT_RISK", "supervisor/index.xhtml"),
            new Caller(Env.ADMIN, Env.ADMIN_PASSWORD, "admin/users", "admin/audit.xhtml"));

    @Test
    void manyParallelSessionsOnPagesAndApiAreNeverRefusedWrongly() throws Exception {
        List<Callable<List<String>>> clients = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (Caller c : CALLERS) {
            PageSession page = PageSession.signedIn(c.user(), c.password());
            clients.add(() -> pages(c, page, start));
            clients.add(() -> api(c, true, true, REQUESTS_PER_CLIENT, start));
            clients.add(() -> api(c, true, true, REQUESTS_PER_CLIENT, start));
            clients.add(() -> api(c, true, false, REQUESTS_PER_CLIENT, start));
            clients.add(() -> api(c, false, true, BASIC_ONLY_REQUESTS, start));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<String> wrong = new ArrayList<>();
        int answers = 0;
        try {
            List<Future<List<String>>> running = clients.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<List<String>> f : running) {
                List<String> outcome = f.get(90, TimeUnit.SECONDS);
                answers += Integer.parseInt(outcome.get(0));
                wrong.addAll(outcome.subList(1, outcome.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(answers >= CALLERS.size() * (4 * REQUESTS_PER_CLIENT + BASIC_ONLY_REQUESTS), "every request was answered: " + answers);
        assertEquals(List.of(), wrong, wrong.size() + " of " + answers + " answers refused a caller who may");
    }

    /** A page visitor reloading the page of their role; answers [count, wrong answers...]. */
    private static List<String> pages(Caller c, PageSession page, CountDownLatch start) throws Exception {
        start.await();
        List<String> out = new ArrayList<>(List.of(String.valueOf(REQUESTS_PER_CLIENT)));
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            HttpResponse<String> r = page.get(c.page());
            if (r.statusCode() != 200) {
                out.add(c.user() + " page " + c.page() + " -> " + r.statusCode() + " " + r.headers().firstValue("Location").orElse(""));
            }
        }
        return out;
    }

    /**
     * An API client alternating between an endpoint any signed-in caller reaches and one only its
     * role reaches: with a cookie jar or without, sending Basic on every call or only on the first.
     */
    private static List<String> api(Caller c, boolean keepCookie, boolean basicEveryTime, int requests, CountDownLatch start) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (keepCookie) {
            builder.cookieHandler(new CookieManager());
        }
        HttpClient http = builder.build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
        start.await();
        List<String> out = new ArrayList<>(List.of(String.valueOf(requests)));
        for (int i = 0; i < requests; i++) {
            String path = i % 2 == 0 ? "sops?q=x" : c.apiPath();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Env.APP + "api/" + path)).timeout(Duration.ofSeconds(30)).GET();
            if (basicEveryTime || i == 0) {
                request.header("Authorization", basic);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                out.add(c.user() + (keepCookie ? " cookie" : "") + (basicEveryTime ? " basic" : "") + " GET " + path + " -> " + r.statusCode());
            }
        }
        return out;
    }
}
