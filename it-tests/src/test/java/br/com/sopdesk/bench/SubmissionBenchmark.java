package br.com.sopdesk.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Qualitor path benchmark (issue 4), run against the real server and sandbox by
 * {@code ./mvnw -B verify -Pbench -DskipTests}. Not a test: it reports figures.
 *
 * <ol>
 *   <li>Whole path: {@code POST /api/tickets} (validation, database, outbox, connector, sandbox
 *       over HTTP, answer with the demand number), closed loop with {@code bench.concurrency}
 *       clients; submissions/s, p50, p99.</li>
 *   <li>Baseline: the same {@code addTicketByData} form posted raw to the same sandbox from the
 *       same JVM, same concurrency; the ratio of the two.</li>
 *   <li>Outage: the sandbox down for {@code bench.outageSeconds}, {@code bench.queued} submissions
 *       queued meanwhile, then the time until every one is in Qualitor, and the duplicates.</li>
 * </ol>
 */
public final class SubmissionBenchmark {

    private static final String APP = System.getProperty("sopdesk.url", "http://localhost:18080/sopdesk/");
    private static final String SANDBOX = System.getProperty("sandbox.url", "http://localhost:18080/qualitor-sandbox/");
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    private static final int MEASURED = Integer.getInteger("bench.submissions", 3000);
    private static final int QUEUED = Integer.getInteger("bench.queued", 10_000);
    private static final int OUTAGE_SECONDS = Integer.getInteger("bench.outageSeconds", 600);
    private static final Pattern KEY = Pattern.compile("\"submissionKey\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CONCURRENCY)).build();
    private final AtomicInteger customer = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        new SubmissionBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
        login();
        sandbox("faults?kind=NONE&count=0");
        timed("warm-up (whole path)", WARMUP, this::submit);
        timed("warm-up (baseline)", WARMUP, this::rawPost);
        Result path = timed("whole path: POST /api/tickets", MEASURED, this::submit);
        Result raw = timed("baseline: raw addTicketByData to the sandbox", MEASURED, this::rawPost);
        System.out.printf(Locale.ROOT, "ratio: whole path %.1f/s vs baseline %.1f/s = %.2f of the baseline throughput;"
                + " p99 %.1f ms vs %.1f ms = +%.1f ms%n", path.perSecond, raw.perSecond, path.perSecond / raw.perSecond,
                path.p99, raw.p99, path.p99 - raw.p99);
        outage();
    }

    private void outage() throws Exception {
        sandbox("faults?kind=DOWN&count=0");
        Instant down = Instant.now();
        List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
        Result queued = timed("queueing while Qualitor is down", QUEUED, () -> {
            String body = submit();
            Matcher m = KEY.matcher(body);
            if (!m.find() || !body.contains("\"state\":\"QUEUED\"")) {
                throw new IllegalStateException("not queued: " + body);
            }
            keys.add(m.group(1));
            return body;
        });
        long wait = OUTAGE_SECONDS - Duration.between(down, Instant.now()).toSeconds();
        System.out.printf(Locale.ROOT, "outage: %d submissions queued at %.1f/s; keeping Qualitor down %d s more%n", keys.size(), queued.perSecond, Math.max(0, wait));
        if (wait > 0) {
            Thread.sleep(wait * 1000);
        }
        int before = count();
        sandbox("faults?kind=NONE&count=0");
        Instant up = Instant.now();
        Set<String> wanted = new HashSet<>(keys);
        while (true) {
            String json = get(SANDBOX + "control/tickets/keys");
            List<String> got = new ArrayList<>();
            Matcher m = Pattern.compile("sopdesk:([0-9a-f-]{36})").matcher(json);
            while (m.find()) {
                got.add(m.group(1));
            }
            long present = got.stream().filter(wanted::contains).distinct().count();
            long copies = got.stream().filter(wanted::contains).count();
            Duration took = Duration.between(up, Instant.now());
            if (present == wanted.size() || took.toSeconds() > 300) {
                System.out.printf(Locale.ROOT, "drain after a %d s outage: %d of %d queued submissions in Qualitor %.1f s after it came back;"
                                + " duplicates: %d; tickets received during the drain: %d%n",
                        Duration.between(down, up).toSeconds(), present, wanted.size(), took.toMillis() / 1000.0, copies - present, count() - before);
                return;
            }
            Thread.sleep(250);
        }
    }

    private int count() throws Exception {
        Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(get(SANDBOX + "control/tickets/keys"));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private void login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(APP + "api/sops"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent:agent-demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode());
        }
    }

    /** One submission through the whole path, for one of 200 customers (valid CNPJs). */
    private String submit() throws Exception {
        String cnpj = cnpj(customer.incrementAndGet() % 200);
        String json = "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A1\",\"a1-esgotou\":\"sim\"},"
                + "\"customer\":{\"document\":\"" + cnpj + "\",\"name\":\"Cliente de carga\",\"email\":\"carga@cliente.com.br\","
                + "\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"Cliente não localiza a senha de instalação do A1; tentativas esgotadas.\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(APP + "api/tickets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("submission failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The baseline: the addTicketByData form the connector sends, posted raw to the sandbox. */
    private String rawPost() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1201</cdcliente>"
                + "<cdcontato>1</cdcontato><idchamado>1</idchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado>"
                + "<cdtipochamado>5</cdtipochamado><cdcategoria>32</cdcategoria><cdlocalidade>4</cdlocalidade><cdseveridade>2</cdseveridade>"
                + "<dschamado>Cliente não localiza a senha de instalação do A1; tentativas esgotadas.</dschamado>"
                + "<dspalavrachave>baseline</dspalavrachave></data></contents></wsqualitor>";
        String form = "user=integracao&password=sandbox&company=1&wsdl_file=WSTicket&operation=addTicketByData&input_xml="
                + URLEncoder.encode(xml, StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(SANDBOX + "ws/statelessws.php"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        if (r.statusCode() != 200 || !r.body().contains("<status>1</status>")) {
            throw new IllegalStateException("baseline failed: " + r.body());
        }
        return r.body();
    }

    private void sandbox(String control) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(SANDBOX + "control/" + control)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    interface Call {
        String call() throws Exception;
    }

    record Result(double perSecond, double p50, double p99) {
    }

    /** Runs {@code total} calls from {@code CONCURRENCY} closed-loop clients; prints and returns the figures. */
    private Result timed(String name, int total, Call call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        long[] micros = new long[total];
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CONCURRENCY; c++) {
            running.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long t0 = System.nanoTime();
                    call.call();
                    micros[i] = (System.nanoTime() - t0) / 1000;
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        Result r = new Result(total / seconds, sorted[(int) (total * 0.50)] / 1000.0, sorted[Math.min(total - 1, (int) (total * 0.99))] / 1000.0);
        System.out.printf(Locale.ROOT, "%s: %d in %.1f s = %.1f/s; p50 %.1f ms, p99 %.1f ms (concurrency %d)%n",
                name, total, seconds, r.perSecond, r.p50, r.p99, CONCURRENCY);
        return r;
    }

    /** A valid numeric CNPJ for customer number n. */
    static String cnpj(int n) {
        String base = String.format("%08d0001", 10_000_000 + n);
        int[] w1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int[] w2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        String withFirst = base + digit(base, w1);
        return withFirst + digit(withFirst, w2);
    }

    private static int digit(String s, int[] w) {
        int sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += (s.charAt(i) - '0') * w[i];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }
}
