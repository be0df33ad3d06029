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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Qualitor path benchmark (issue 4), run against the real server and sandbox by
 * {@code ./mvnw -B verify -Pbench -DskipTests -pl it-tests -am}. Not a test: it reports figures.
 *
 * <ol>
 *   <li>Whole path: {@code POST /api/tickets} (validation, database, outbox, connector, sandbox
 *       over HTTP, answer with the demand number), closed loop with {@code bench.concurrency}
 *       clients; submissions/s, p50, p99.</li>
 *   <li>Baseline: the same {@code addTicketByData} form posted raw to the same sandbox from the
 *       same JVM, same concurrency; the ratio of the two.</li>
 *   <li>Sustained rate: both again, open loop at {@code bench.rate} per second (a comma-separated
 *       list runs each rate in turn: the latency curve) for
 *       {@code bench.rateSeconds}; each latency counts from the moment the request was due, so a
 *       server that falls behind shows it (no coordinated omission).</li>
 *   <li>Outage: the sandbox down for {@code bench.outageSeconds}, {@code bench.queued} submissions
 *       queued meanwhile, then the time until every one is in Qualitor, and the duplicates.</li>
 * </ol>
 *
 * <p>Each phase also reports the CPU time the server's process (SOP Desk and its embedded database),
 * the sandbox's (a Payara domain of its own, {@code bench.sandboxDomain}, as a real Qualitor is
 * another machine) and this client spent per submission, read from the operating system: on a
 * machine shared with other work the wall-clock rates move with the load, the CPU cost much less.
 * With {@code bench.db=postgresql} the database is PostgreSQL on this machine, its processes' CPU
 * reported apart.
 */
public final class SubmissionBenchmark {

    /** The test domain's HTTP port: its port base ({@code it.portbase}) + 80. */
    private static final int HTTP_PORT = Integer.getInteger("it.portbase", 18000) + 80;
    private static final String APP = "http://localhost:" + HTTP_PORT + "/sopdesk/";
    /** The sandbox as the server reaches it ({@code bench.sandbox}, the server's qualitor.url); by default in the server's own domain. */
    private static final String SANDBOX = Optional.ofNullable(System.getProperty("bench.sandbox")).filter(u -> !u.isBlank())
            .map(u -> u.endsWith("/") ? u : u + "/").orElse("http://localhost:" + HTTP_PORT + "/qualitor-sandbox/");
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    /** The warm-up goes on past {@code bench.warmup}, in rounds, until the server's JIT has settled, up to this many. */
    private static final int WARMUP_MAX = Integer.getInteger("bench.warmupMax", 100_000);
    private static final int WARMUP_ROUND = 5_000;
    /** The server's JIT counts as settled when its compiler threads used at most this share of its CPU in a round. */
    private static final double JIT_SETTLED = 0.05;
    private static final int MEASURED = Integer.getInteger("bench.submissions", 3000);
    private static final int QUEUED = Integer.getInteger("bench.queued", 10_000);
    private static final int OUTAGE_SECONDS = Integer.getInteger("bench.outageSeconds", 600);
    /** The open loop's rates, comma-separated: each runs for {@code bench.rateSeconds}, whole path then baseline. */
    private static final int[] RATES = Arrays.stream(System.getProperty("bench.rate", "300").split(","))
            .map(String::strip).filter(r -> !r.isEmpty()).mapToInt(Integer::parseInt).toArray();
    private static final int RATE_SECONDS = Integer.getInteger("bench.rateSeconds", 60);
    /** Phases to run, comma-separated: capacity, rate, outage. */
    private static final String PHASES = System.getProperty("bench.phases", "capacity,rate,outage");
    private static final String DOMAIN = System.getProperty("bench.domain", "sopdesk-it");
    private static final Pattern KEY = Pattern.compile("\"submissionKey\":\"([^\"]+)\"");

    /**
     * HTTP/1.1 as browsers, Qualitor and the connector speak it over plain HTTP (left to itself,
     * the JDK client upgrades to h2c, which nothing else here does).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CONCURRENCY)).build();
    private final AtomicInteger customer = new AtomicInteger();
    private final Optional<ProcessHandle> server = domainProcess(DOMAIN);
    /** The sandbox's own server, when it runs in a domain of its own ({@code bench.sandboxDomain}). */
    private final Optional<ProcessHandle> sandboxServer = Optional.ofNullable(System.getProperty("bench.sandboxDomain"))
            .filter(d -> !d.isBlank() && !d.equals(DOMAIN)).flatMap(SubmissionBenchmark::domainProcess);

    /** PostgreSQL's processes, when the server's database is PostgreSQL on this machine ({@code bench.db}). */
    private static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("bench.db"));

    /** CPU time so far of PostgreSQL's processes running now (its server and the pool's backends; those ended meanwhile are lost), in ns. */
    private static long databaseCpu() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static Optional<ProcessHandle> domainProcess(String domain) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/domains/" + domain + "/") || c.endsWith("/domains/" + domain)).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains("java")).orElse(false))
                .findFirst();
    }

    public static void main(String[] args) throws Exception {
        new SubmissionBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.println("server process: " + server.map(p -> "pid " + p.pid()).orElse("not found (CPU figures omitted)"));
        System.out.println("database: " + (POSTGRESQL ? "PostgreSQL (its processes' CPU apart)" : "H2, embedded in the server"));
        System.out.println("sandbox: " + SANDBOX + sandboxServer.map(p -> ", its own process, pid " + p.pid()).orElse(", in the server's process"));
        server.ifPresent(p -> {
            try {
                String[] args = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "cmdline")).split("\0");
                System.out.println("server's JVM options: " + Arrays.stream(args).filter(o -> o.startsWith("-Xm") || o.startsWith("-XX:"))
                        .collect(java.util.stream.Collectors.joining(" ")));
            } catch (java.io.IOException e) {
                System.out.println("server's JVM options: unknown (" + e.getMessage() + ")");
            }
        });
        login();
        sandbox("faults?kind=NONE&count=0");
        warmUp();
        if (PHASES.contains("capacity")) {
            Result path = timed("whole path: POST /api/tickets", MEASURED, this::submit);
            Result raw = timed("baseline: raw addTicketByData to the sandbox", MEASURED, this::rawPost);
            System.out.printf(Locale.ROOT, "ratio: whole path %.1f/s vs baseline %.1f/s = %.2f of the baseline throughput;"
                    + " p99 %.1f ms vs %.1f ms = +%.1f ms%n", path.perSecond, raw.perSecond, path.perSecond / raw.perSecond,
                    path.p99, raw.p99, path.p99 - raw.p99);
        }
        if (PHASES.contains("rate")) {
            for (int rate : RATES) {
                Result path = paced("sustained: POST /api/tickets", rate, this::submitAsync);
                Result raw = paced("sustained: baseline", rate, this::rawPostAsync);
                System.out.printf(Locale.ROOT, "sustained %d/s: whole path p50 %.1f ms, p99 %.1f ms vs baseline p50 %.1f ms, p99 %.1f ms = p99 +%.1f ms%n",
                        rate, path.p50, path.p99, raw.p50, raw.p99, path.p99 - raw.p99);
            }
        }
        if (PHASES.contains("outage")) {
            outage();
        }
    }

    /**
     * Whole-path submissions until at least {@code bench.warmup} are done and a round of
     * {@value #WARMUP_ROUND} left the server's JIT compilers at most {@value #JIT_SETTLED} of its CPU
     * (or {@code bench.warmupMax} are done), then as many raw posts, at most 20,000. On two busy
     * cores the compiler threads share the CPU with every request thread, and Payara's C2
     * compilations go on for tens of thousands of submissions: measured before they end, a phase
     * measures the compiler.
     */
    private void warmUp() throws Exception {
        int done = 0;
        int round = 0;
        boolean settled = false;
        while (done < WARMUP_MAX && !settled) {
            int calls = Math.min(done < WARMUP ? Math.min(WARMUP - done, WARMUP_ROUND) : WARMUP_ROUND, WARMUP_MAX - done);
            JitCpu jit = jitCpu();
            timed("warm-up (whole path) round " + ++round, calls, this::submit);
            done += calls;
            double share = jitShare(jit);
            // without /proc (no figure at all), the fixed warm-up is all there is
            settled = done >= WARMUP && (server.isEmpty() || share >= 0 && share <= JIT_SETTLED);
        }
        System.out.printf(Locale.ROOT, "warm-up: %d submissions%s%n", done,
                settled ? "" : " (bench.warmupMax reached; the server's JIT had not settled)");
        timed("warm-up (baseline)", Math.min(done, 20_000), this::rawPost);
    }

    /**
     * CPU time used so far by each of the server's threads (by thread id, in clock ticks, with the
     * group its name puts it in; the JVM starts and stops threads as it goes) and by the whole
     * process, from {@code /proc}; null where that cannot be read.
     */
    record JitCpu(Map<String, Long> threads, Map<String, String> groups, long process) {
    }

    /** Thread groups by the names /proc gives (15 characters at most), in the order they are tried. */
    private static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry("requests", Pattern.compile("^http-thread-poo")),
            Map.entry("JIT", Pattern.compile("^C[12] Compiler")),
            Map.entry("GC", Pattern.compile("^(GC Thread|G1 |Z[A-Z][a-z]|VM Periodic|Shenandoah)")),
            Map.entry("H2", Pattern.compile("^(H2-|MVStore|H2 )")),
            Map.entry("managed threads", Pattern.compile("^concurrent/")),
            Map.entry("EJB timers", Pattern.compile("^__ejb-thread")),
            Map.entry("HTTP client", Pattern.compile("^HttpClient")),
            Map.entry("data grid", Pattern.compile("^hz\\.")));

    private static String group(String threadName) {
        return GROUPS.stream().filter(g -> g.getValue().matcher(threadName).find()).map(Map.Entry::getKey).findFirst().orElse("other");
    }

    private JitCpu jitCpu() {
        for (int attempt = 0; attempt < 5 && server.isPresent(); attempt++) {
            try {
                return jitCpuOnce();
            } catch (java.io.IOException | RuntimeException e) {
                // a thread ended while the list was read: read it again
            }
        }
        return null;
    }

    private JitCpu jitCpuOnce() throws java.io.IOException {
        java.nio.file.Path proc = java.nio.file.Path.of("/proc", Long.toString(server.get().pid()));
        Map<String, Long> threads = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> listed = java.nio.file.Files.list(proc.resolve("task"))) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) listed::iterator) {
                try {
                    String[] stat = statFields(java.nio.file.Files.readString(t.resolve("stat")));
                    String tid = t.getFileName().toString();
                    threads.put(tid, Long.parseLong(stat[12]) + Long.parseLong(stat[13]));
                    groups.put(tid, group(stat[0]));
                } catch (java.io.IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        String[] process = statFields(java.nio.file.Files.readString(proc.resolve("stat")));
        return new JitCpu(threads, groups, Long.parseLong(process[12]) + Long.parseLong(process[13]));
    }

    /** A {@code /proc} stat line: the name (in parentheses, may hold spaces), then field 3 onwards at index 1. */
    private static String[] statFields(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[rest.length + 1];
        fields[0] = name;
        System.arraycopy(rest, 0, fields, 1, rest.length);
        return fields;
    }

    /**
     * Each thread group's share of the server's CPU since {@code before}, largest first (empty when
     * unknown). A thread that stopped meanwhile takes its last moments with it (into "ended").
     */
    private Map<String, Double> groupShares(JitCpu before) {
        JitCpu after = jitCpu();
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        if (before == null || after == null || after.process() <= before.process()) {
            return shares;
        }
        Map<String, Long> used = new HashMap<>();
        long counted = 0;
        for (Map.Entry<String, Long> t : after.threads().entrySet()) {
            long ticks = t.getValue() - before.threads().getOrDefault(t.getKey(), 0L);
            used.merge(after.groups().get(t.getKey()), ticks, Long::sum);
            counted += ticks;
        }
        long total = after.process() - before.process();
        used.put("ended", Math.max(0, total - counted));
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), (double) e.getValue() / total));
        return shares;
    }

    /** The compilers' share of the server's CPU since {@code before} (-1 when unknown). */
    private double jitShare(JitCpu before) {
        return groupShares(before).getOrDefault("JIT", before == null ? -1.0 : 0.0);
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
        Duration first = null;
        StringBuilder timeline = new StringBuilder();
        long nextMark = 0;
        while (true) {
            String json = get(SANDBOX + "control/tickets/keys?from=" + before); // only what arrived since Qualitor came back
            List<String> got = new ArrayList<>();
            Matcher m = Pattern.compile("sopdesk:([0-9a-f-]{36})").matcher(json);
            while (m.find()) {
                got.add(m.group(1));
            }
            long present = got.stream().filter(wanted::contains).distinct().count();
            long copies = got.stream().filter(wanted::contains).count();
            Duration took = Duration.between(up, Instant.now());
            if (first == null && present > 0) {
                first = took;
            }
            if (took.toSeconds() >= nextMark) {
                timeline.append(String.format(Locale.ROOT, " %ds:%d", took.toSeconds(), present));
                nextMark = took.toSeconds() + 5;
            }
            if (present == wanted.size() || took.toSeconds() > 300) {
                System.out.printf(Locale.ROOT, "drain after a %d s outage: %d of %d queued submissions in Qualitor %.1f s after it came back;"
                                + " duplicates: %d; tickets received during the drain: %d%n",
                        Duration.between(down, up).toSeconds(), present, wanted.size(), took.toMillis() / 1000.0, copies - present, count() - before);
                if (first != null) {
                    double sending = (took.toMillis() - first.toMillis()) / 1000.0;
                    System.out.printf(Locale.ROOT, "drain: the first queued submission arrived %.1f s after Qualitor came back (the next outbox tick),"
                            + " the rest at %.1f/s%n", first.toMillis() / 1000.0, sending > 0 ? (present - 1) / sending : 0.0);
                }
                System.out.println("drain: in Qualitor after (every 5 s):" + timeline);
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
        return submitted(http.send(submission(), HttpResponse.BodyHandlers.ofString()));
    }

    private CompletableFuture<String> submitAsync() {
        return http.sendAsync(submission(), HttpResponse.BodyHandlers.ofString()).thenApply(SubmissionBenchmark::submitted);
    }

    private HttpRequest submission() {
        String cnpj = cnpj(customer.incrementAndGet() % 200);
        String json = "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A1\",\"a1-esgotou\":\"sim\"},"
                + "\"customer\":{\"document\":\"" + cnpj + "\",\"name\":\"Cliente de carga\",\"email\":\"carga@cliente.com.br\","
                + "\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"Cliente não localiza a senha de instalação do A1; tentativas esgotadas.\",\"triedSolution\":\"Cliente tentou a senha anotada na documentação da emissão.\"}";
        return HttpRequest.newBuilder(URI.create(APP + "api/tickets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String submitted(HttpResponse<String> r) {
        if (r.statusCode() != 201) {
            throw new IllegalStateException("submission failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The baseline: the addTicketByData form the connector sends, posted raw to the sandbox. */
    private String rawPost() throws Exception {
        return posted(http.send(rawRequest(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1)));
    }

    private CompletableFuture<String> rawPostAsync() {
        return http.sendAsync(rawRequest(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1)).thenApply(SubmissionBenchmark::posted);
    }

    private static String posted(HttpResponse<String> r) {
        if (r.statusCode() != 200 || !r.body().contains("<status>1</status>")) {
            throw new IllegalStateException("baseline failed: " + r.body());
        }
        return r.body();
    }

    private static HttpRequest rawRequest() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1201</cdcliente>"
                + "<cdcontato>1</cdcontato><idchamado>1</idchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado>"
                + "<cdtipochamado>5</cdtipochamado><cdcategoria>32</cdcategoria><cdlocalidade>4</cdlocalidade><cdseveridade>2</cdseveridade>"
                + "<dschamado>Cliente não localiza a senha de instalação do A1; tentativas esgotadas.</dschamado>"
                + "<dspalavrachave>baseline</dspalavrachave></data></contents></wsqualitor>";
        String form = "user=integracao&password=sandbox&company=1&wsdl_file=WSTicket&operation=addTicketByData&input_xml="
                + URLEncoder.encode(xml, StandardCharsets.ISO_8859_1);
        return HttpRequest.newBuilder(URI.create(SANDBOX + "ws/statelessws.php"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.ISO_8859_1)).build();
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

    interface AsyncCall {
        CompletableFuture<String> call();
    }

    record Result(double perSecond, double p50, double p99) {
    }

    /** CPU time used so far by the server's process, by this one and by the sandbox's (-1 when it shares the server's), in nanoseconds. */
    private long[] cpu() {
        long mine = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        long theirs = server.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
        long sandbox = sandboxServer.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
        return new long[] {theirs, mine, sandbox, POSTGRESQL ? databaseCpu() : -1};
    }

    private String cpuPerCall(long[] before, JitCpu jitBefore, int calls) {
        long[] after = cpu();
        if (before[0] < 0 || after[0] < 0 || calls == 0) {
            return "";
        }
        Map<String, Double> shares = groupShares(jitBefore);
        double jit = shares.getOrDefault("JIT", shares.isEmpty() ? -1.0 : 0.0);
        double server = (after[0] - before[0]) / 1e6 / calls;
        double client = (after[1] - before[1]) / 1e6 / calls;
        double sandbox = before[2] < 0 || after[2] < 0 ? 0 : (after[2] - before[2]) / 1e6 / calls;
        double database = before[3] < 0 || after[3] < 0 ? 0 : (after[3] - before[3]) / 1e6 / calls;
        return String.format(Locale.ROOT, "; CPU per call: server %.2f ms + client %.2f ms%s%s = %.2f ms (%.0f/s if two cores did nothing else)%s; load %s",
                server, client, before[2] < 0 ? "" : String.format(Locale.ROOT, " + sandbox %.2f ms", sandbox),
                before[3] < 0 ? "" : String.format(Locale.ROOT, " + PostgreSQL %.2f ms", database),
                server + client + sandbox + database, 2000 / (server + client + sandbox + database),
                jit < 0 ? "" : String.format(Locale.ROOT, "; server JIT compiling: %.1f %% of its CPU", 100 * jit), loadAverage())
                + (shares.isEmpty() ? "" : "\n    server's CPU by threads: " + shares.entrySet().stream().filter(e -> e.getValue() >= 0.005)
                        .map(e -> String.format(Locale.ROOT, "%s %.1f %% (%.2f ms)", e.getKey(), 100 * e.getValue(), e.getValue() * server))
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip().split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * Open loop: one call due every {@code 1/rate} s for {@code RATE_SECONDS}; each latency runs
     * from the moment the call was due to its answer.
     */
    private Result paced(String name, int rate, AsyncCall call) throws Exception {
        int total = rate * RATE_SECONDS;
        long[] micros = new long[total];
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> running = new ArrayList<>(total);
        long[] cpu = cpu();
        JitCpu jit = jitCpu();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int n = i;
            running.add(call.call().handle((body, error) -> {
                // a failed call counts as never answered: its (often quick) failure must not lower the percentiles
                micros[n] = error == null ? (System.nanoTime() - due) / 1000 : Long.MAX_VALUE;
                if (error != null && failed.getAndIncrement() == 0) {
                    System.out.println("  first failure: " + error);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int answered = total - failed.get();
        if (answered == 0) {
            System.out.printf(Locale.ROOT, "%s: %d due at %d/s, none answered in %.1f s%n", name, total, rate, seconds);
            return new Result(0, 0, 0);
        }
        Result r = new Result(answered / seconds, sorted[answered / 2] / 1000.0, sorted[Math.min(answered - 1, (int) (answered * 0.99))] / 1000.0);
        System.out.printf(Locale.ROOT, "%s: %d due at %d/s over %.1f s, %d answered (%.1f/s), %d failed; answered: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%s%n", name, total, rate, seconds, answered, r.perSecond, failed.get(), r.p50, r.p99,
                sorted[answered - 1] / 1000.0, cpuPerCall(cpu, jit, total));
        return r;
    }

    /** Runs {@code total} calls from {@code CONCURRENCY} closed-loop clients; prints and returns the figures. */
    private Result timed(String name, int total, Call call) throws Exception {
        if (total <= 0) {
            return new Result(0, 0, 0);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        long[] micros = new long[total];
        long[] cpu = cpu();
        JitCpu jit = jitCpu();
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
        System.out.printf(Locale.ROOT, "%s: %d in %.1f s = %.1f/s; p50 %.1f ms, p99 %.1f ms (concurrency %d)%s%n",
                name, total, seconds, r.perSecond, r.p50, r.p99, CONCURRENCY, cpuPerCall(cpu, jit, total));
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
