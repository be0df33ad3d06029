package br.com.sopdesk.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * What Qualitor's service flow does when a demand changes and its administrator set a web-service
 * call on that trigger: POSTs {@code {"cdchamado": "N"}} to SOP Desk with the integration's secret
 * ({@code Authorization: Bearer}). Off unless a target is set. Sent from a thread of its own, never
 * within the operation that changed the demand (whose answer does not wait); a call that fails (no
 * answer, 5xx, 429) is tried again a few times, waiting twice as long each time; another refusal
 * (401, 404...) is not repeated.
 */
public final class DemandCallback implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemandCallback.class.getName());

    /** Where and how to call: SOP Desk's address, its secret, how many attempts, the first wait between two. */
    public record Target(URI url, String secret, int attempts, Duration firstRetry) {

        public Target {
            attempts = Math.max(1, attempts);
            firstRetry = firstRetry == null || firstRetry.isNegative() ? Duration.ZERO : firstRetry;
        }

        /** A target from settings, or null (off) without a URL. */
        public static Target of(String url, String secret, int attempts, Duration firstRetry) {
            return url == null || url.isBlank() || url.strip().equals("off") ? null
                    : new Target(URI.create(url.strip()), secret == null ? "" : secret.strip(), attempts, firstRetry);
        }
    }

    private final Target configured;
    private final ScheduledExecutorService executor;
    private final boolean ownExecutor;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Target target;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    /** Calls {@code configured} (null: off) from {@code executor} (a container's managed one in the WAR). */
    public DemandCallback(Target configured, ScheduledExecutorService executor) {
        this(configured, executor, false);
    }

    private DemandCallback(Target configured, ScheduledExecutorService executor, boolean ownExecutor) {
        this.configured = configured;
        this.target = configured;
        this.executor = executor;
        this.ownExecutor = ownExecutor;
    }

    /** With two daemon threads of its own (no container): the standalone sandbox's. */
    public static DemandCallback standalone(Target configured) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "qualitor-sandbox-callback");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return new DemandCallback(configured, pool, true);
    }

    /** Demand {@code number} changed: SOP Desk is told soon, on another thread; returns at once. */
    public void changed(String number) {
        Target t = target;
        if (t == null || number == null || number.isBlank()) {
            return;
        }
        schedule(t, number.strip(), 1, Duration.ZERO);
    }

    private void schedule(Target t, String number, int attempt, Duration wait) {
        try {
            executor.schedule(() -> attempt(t, number, attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "sandbox: aviso da demanda " + number + " descartado: executor encerrado");
        }
    }

    private void attempt(Target t, String number, int attempt) {
        attempts.incrementAndGet();
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(t.url()).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("Authorization", "Bearer " + t.secret())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"cdchamado\":\"" + number + "\"}", StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status >= 200 && status < 300) {
            delivered.incrementAndGet();
            return;
        }
        boolean again = status == 0 || status == 429 || status >= 500;
        if (again && attempt < t.attempts()) {
            schedule(t, number, attempt + 1, t.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 16)));
            return;
        }
        abandoned.incrementAndGet();
        int answered = status;
        LOG.warning(() -> "sandbox: aviso de mudança da demanda " + number + " não entregue a " + t.url() + " (tentativa " + attempt
                + ", resposta " + (answered == 0 ? "nenhuma" : answered) + ")");
    }

    /** Calls {@code t} from now on (null: off). */
    public void target(Target t) {
        this.target = t;
    }

    /** Back to the configured target, counts at zero. */
    public void reset() {
        target = configured;
        delivered.set(0);
        abandoned.set(0);
        attempts.set(0);
    }

    /** Whether it calls, where (never the secret), and what its calls did since the last reset. */
    public Map<String, Object> describe() {
        Target t = target;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("on", t != null);
        out.put("url", t == null ? "" : t.url().toString());
        out.put("attempts", attempts.get());
        out.put("delivered", delivered.get());
        out.put("abandoned", abandoned.get());
        return out;
    }

    @Override
    public void close() {
        if (ownExecutor) {
            executor.shutdownNow();
        }
    }
}
