package br.com.sopdesk.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The SLA monitor benchmark (issue 5), run against the real server by
 * {@code ./mvnw -B verify -Pbench-sla -DskipTests -pl it-tests -am}. Not a test: it reports figures.
 *
 * <p>The open clocks are seeded straight into the domain's embedded H2 database (a second
 * connection through H2's {@code AUTO_SERVER}, with the driver Payara itself ships), because a
 * million demands through the API would take hours. Then, on a server limited to a 512 MB heap:
 * <ol>
 *   <li>the due-only scan ({@code POST /api/admin/sla/scan}) beside a naive full scan (this
 *       benchmark reads every open clock itself, then has the server settle the due ones it found)
 *       for 0, 100, 1,000 and 10,000 due clocks among all the open ones, and
 *       the due scan with 1,000 due clocks among 100,000 and among 1,000,000 open clocks; each
 *       pair {@code bench.repeats} times (2) in alternating order, the fastest sample reported,
 *       since the machine is shared;</li>
 *   <li>the breach latency: demands under a real one-minute policy, submitted through the API,
 *       alerted by the monitor's timer (every 20 s) and its wakes — alert raised minus deadline;</li>
 *   <li>the server's used heap, sampled from its MicroProfile Metrics endpoint all along;</li>
 *   <li>optionally ({@code -Dbench.reads=D}, off by default), the cost of due Qualitor reads: D
 *       seeded clocks made due for a read of one real demand in the sandbox, and the due scan
 *       timed — the phases above make no Qualitor call at all (the seeded clocks' next read is
 *       hours ahead).</li>
 * </ol>
 * While the scans are compared the timer is set to an hour (and the application redeployed), so
 * no timer tick takes a share of the due clocks from the scan being measured; it is set back to
 * 20 s for the breach latency.
 */
public final class SlaScanBenchmark {

    /** The test domain's HTTP port: its port base ({@code it.portbase}) + 80. */
    private static final int HTTP_PORT = Integer.getInteger("it.portbase", 18000) + 80;
    private static final String APP = "http://localhost:" + HTTP_PORT + "/sopdesk/";
    private static final String METRICS = "http://localhost:" + HTTP_PORT + "/metrics";
    private static final String DB = System.getProperty("bench.db");
    private static final String PAYARA = System.getProperty("payara.home");
    private static final String EAR = System.getProperty("sopdesk.ear");
    private static final int CLOCKS = Integer.getInteger("bench.clocks", 1_000_000);
    private static final int FIRST = Math.min(100_000, CLOCKS);
    private static final int[] DUE = {0, 100, 1_000, 10_000};
    private static final int BREACHES = Integer.getInteger("bench.breaches", 3);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 2);
    private static final int READS = Integer.getInteger("bench.reads", 0);
    /** {@code -Dbench.budgetMinutes=M}: instead of the scans, M minutes of the read budget against the sandbox answering in 100 ms. */
    private static final int BUDGET_MINUTES = Integer.getInteger("bench.budgetMinutes", 0);
    private static final String SANDBOX = "http://localhost:" + HTTP_PORT + "/qualitor-sandbox/";
    /** {@code -Dbench.compare=false}: seed, then only the alert latency (no scan comparison). */
    private static final boolean COMPARE = !"false".equals(System.getProperty("bench.compare"));
    /** Seeded ids sit far above the application's sequences. */
    private static final long BASE = 1_000_000_000L;
    private static final int CHUNK = 50_000;
    private static final String POLICY = "BENCH-1MIN";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HeapWatch heap = new HeapWatch();
    private final Map<String, String> summary = new LinkedHashMap<>();
    private Connection db;
    private long seeded;
    private long fresh = BASE;

    public static void main(String[] args) throws Exception {
        new SlaScanBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s; load average at start: %s; server heap limit %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), load(), System.getProperty("bench.heap", "?"));
        heap.start();
        reload(3600);
        db = connect();
        if (BUDGET_MINUTES > 0) {
            budget(BUDGET_MINUTES);
            finish();
            return;
        }
        seedTo(FIRST);
        if (!COMPARE) {
            seedTo(CLOCKS);
            reload(20);
            breaches();
            finish();
            return;
        }
        plans();
        System.out.println("warm-up (both scans, 1,000 due):");
        measure(1_000);
        System.out.printf(Locale.ROOT, "1,000 due among %,d open clocks:%n", open());
        Row small = measure(1_000);
        summary.put("due scan, 1,000 due among " + open() + " open clocks", small.due.millis + " ms " + small.dueSamples);
        seedTo(CLOCKS);
        long open = open();
        System.out.printf(Locale.ROOT, "open clocks now: %,d%n", open);
        List<Row> rows = new ArrayList<>();
        for (int d : DUE) {
            System.out.printf(Locale.ROOT, "%,d due among %,d open clocks:%n", d, open);
            rows.add(measure(d));
        }
        System.out.printf(Locale.ROOT, "%n== scan cycle with %,d open clocks ==%n", open);
        System.out.println("| due clocks | due-only scan (fastest; all samples) | naive full scan (fastest; all samples) | naive / due | clocks settled (due / naive) | alerts (due / naive) | clocks read by naive | peak used heap (due / naive) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %,d | %,d ms; %s | %,d ms; %s | %s | %,d / %,d | %,d / %,d | %,d | %d / %d MB |%n", r.due.clocks, r.due.millis,
                    r.dueSamples, r.naive.millis, r.naiveSamples,
                    r.due.millis == 0 ? "∞ (due < 1 ms)" : String.format(Locale.ROOT, "%.1f×", (double) r.naive.millis / r.due.millis),
                    r.due.clocks, r.naive.clocks, r.due.alerts, r.naive.alerts, r.naive.examined, r.dueMb, r.naiveMb);
        }
        Row same = rows.stream().filter(r -> r.due.clocks == 1_000).findFirst().orElseThrow();
        summary.put("due scan, 1,000 due among " + open + " open clocks", same.due.millis + " ms " + same.dueSamples);
        if (READS > 0) {
            reads(READS);
        }
        reload(20);
        breaches();
        finish();
    }

    private void finish() throws Exception {
        heap.stop();
        System.out.printf(Locale.ROOT, "%n== summary ==%n");
        summary.forEach((k, v) -> System.out.println(k + ": " + v));
        System.out.printf(Locale.ROOT, "server used heap: peak %d MB of %d MB max over %d samples (every 500 ms, whole run);"
                        + " garbage collection %s over the run%n", heap.peak / 1_048_576, heap.max / 1_048_576, heap.samples,
                heap.gcSummary());
        System.out.println("OutOfMemoryError in server.log: " + outOfMemory());
        System.out.println("load average at end: " + load());
    }

    // ---------------------------------------------------------------- the scans

    record Report(String mode, int clocks, int alerts, int synced, long examined, long millis) {
        static Report of(JsonObject o) {
            return new Report(o.getString("mode"), o.getInt("clocks"), o.getInt("alerts"), o.getInt("synced"),
                    o.getJsonNumber("examined").longValue(), o.getJsonNumber("millis").longValue());
        }
    }

    /** The fastest of the repeated samples of each scan (the least disturbed on a shared machine), all samples, peak heaps. */
    record Row(Report due, Report naive, long dueMb, long naiveMb, List<Long> dueSamples, List<Long> naiveSamples) {
    }

    /**
     * Makes {@code d} fresh clocks due and runs the due scan, and {@code d} others for the naive
     * scan, {@code bench.repeats} times, alternating which goes first.
     */
    private Row measure(int d) throws Exception {
        List<Report> dues = new ArrayList<>();
        List<Report> naives = new ArrayList<>();
        long dueMb = 0;
        long naiveMb = 0;
        for (int i = 0; i < REPEATS; i++) {
            for (String mode : i % 2 == 0 ? List.of("due", "naive") : List.of("naive", "due")) {
                makeDue(d);
                heap.resetPhase();
                Report r = mode.equals("due") ? scan() : naiveScan();
                long mb = heap.phasePeak / 1_048_576;
                if (mode.equals("due")) {
                    dues.add(r);
                    dueMb = Math.max(dueMb, mb);
                } else {
                    naives.add(r);
                    naiveMb = Math.max(naiveMb, mb);
                }
                System.out.printf(Locale.ROOT, "  %,d due, %s scan: %,d ms (%,d read, %d settled, %d alerts, peak used heap %d MB)%n", d, mode,
                        r.millis, r.examined, r.clocks, r.alerts, mb);
                if (r.clocks != d) {
                    System.out.println("  WARNING: the scan settled a different number of clocks than were made due");
                }
            }
        }
        Report due = dues.stream().min(java.util.Comparator.comparingLong(Report::millis)).orElseThrow();
        Report naive = naives.stream().min(java.util.Comparator.comparingLong(Report::millis)).orElseThrow();
        return new Row(due, naive, dueMb, naiveMb, dues.stream().map(Report::millis).toList(), naives.stream().map(Report::millis).toList());
    }

    /** One cycle of the server's monitor scan (due clocks only, by the indexed {@code due_at}). */
    private Report scan() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(APP + "api/admin/sla/scan")).timeout(Duration.ofMinutes(15))
                .header("Authorization", basic("admin", "admin-demo")).POST(HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("scan failed: " + r.statusCode() + " " + r.body());
        }
        return Report.of(json(r.body()).asJsonObject());
    }

    /**
     * The naive way, for comparison (the server has no such scan): reads every open clock, page by
     * page and every column, picks the due ones in memory, then has the server settle them (its scan
     * finds exactly those). Timed as a whole; {@code examined} is the clocks read.
     */
    private Report naiveScan() throws Exception {
        long started = System.nanoTime();
        LocalDateTime now = utc(Instant.now());
        long examined = 0;
        long found = 0;
        long after = -1;
        try (PreparedStatement s = db.prepareStatement(NAIVE_PAGE)) {
            while (true) {
                s.setLong(1, after);
                int rows = 0;
                try (ResultSet r = s.executeQuery()) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            r.getObject(i);
                        }
                        LocalDateTime due = r.getObject("due_at", LocalDateTime.class);
                        if (due != null && !due.isAfter(now)) {
                            found++;
                        }
                        after = r.getLong("id");
                        rows++;
                    }
                }
                examined += rows;
                if (rows == 0) {
                    break;
                }
            }
        }
        Report settled = scan();
        if (settled.clocks != found) {
            System.out.printf(Locale.ROOT, "  WARNING: the naive read found %,d due clocks, the server settled %,d%n", found, settled.clocks);
        }
        return new Report("naive", settled.clocks, settled.alerts, settled.synced, examined, (System.nanoTime() - started) / 1_000_000);
    }

    /** The naive scan's page: every open clock after the last one read, all columns. */
    private static final String NAIVE_PAGE = "SELECT * FROM sla_clock WHERE state <> 'MET' AND id > ? ORDER BY id LIMIT 5000";

    /** The next {@code d} never-due clocks become due for their breach now (their deadline just passed). */
    private void makeDue(int d) throws SQLException {
        if (d == 0) {
            return;
        }
        LocalDateTime past = utc(Instant.now().minusSeconds(1));
        try (PreparedStatement s = db.prepareStatement(
                "UPDATE sla_clock SET next_level = 'BREACH', deadline_at = ?, next_alert_at = ?, due_at = ? WHERE id >= ? AND id < ?")) {
            s.setObject(1, past);
            s.setObject(2, past);
            s.setObject(3, past);
            s.setLong(4, fresh);
            s.setLong(5, fresh + d);
            if (s.executeUpdate() != d) {
                throw new IllegalStateException("not enough seeded clocks to make " + d + " due");
            }
        }
        fresh += d;
    }

    // ---------------------------------------------------------------- the Qualitor reads (optional)

    /**
     * {@code d} fresh seeded clocks are pointed at one real demand (submitted through the API, so
     * the sandbox knows it) and made due for a read only (their alerts stay hours ahead); the due
     * scan then makes {@code d} reads of two Qualitor calls each. {@code bench.repeats} samples.
     */
    private void reads(int d) throws Exception {
        HttpResponse<String> r = api("POST", "api/tickets", "agent", "agent-demo", lostPassword());
        expect(201, r);
        String demand = json(r.body()).asJsonObject().getString("demandNumber");
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            LocalDateTime past = utc(Instant.now().minusSeconds(1));
            try (PreparedStatement s = db.prepareStatement(
                    "UPDATE sla_clock SET demand_number = ?, next_sync_at = ?, due_at = ? WHERE id >= ? AND id < ?")) {
                s.setString(1, demand);
                s.setObject(2, past);
                s.setObject(3, past);
                s.setLong(4, fresh);
                s.setLong(5, fresh + d);
                if (s.executeUpdate() != d) {
                    throw new IllegalStateException("not enough seeded clocks to make " + d + " due for a read");
                }
            }
            fresh += d;
            heap.resetPhase();
            Report scan = scan();
            samples.add(scan.millis);
            System.out.printf(Locale.ROOT, "  %,d due for a Qualitor read (demand %s): %,d ms, %,d reads made, %.2f ms per read,"
                            + " %d settled, %d alerts, peak used heap %d MB%n", d, demand, scan.millis, scan.synced,
                    scan.synced == 0 ? 0.0 : (double) scan.millis / scan.synced, scan.clocks, scan.alerts, heap.phasePeak / 1_048_576);
            if (scan.synced != d) {
                System.out.println("  WARNING: the scan made a different number of reads than clocks were made due");
            }
        }
        long best = samples.stream().min(Long::compare).orElseThrow();
        summary.put("due scan, " + d + " clocks due for a Qualitor read (parallelism as configured)",
                best + " ms " + samples + ", " + String.format(Locale.ROOT, "%.2f ms per read", (double) best / d));
    }

    // ---------------------------------------------------------------- the read budget (issue 24, item 5)

    /**
     * The read budget against the sandbox: {@code bench.clocks} open clocks reading one real demand,
     * deadlines spread over 24 h (so about 11.6 reach their deadline each second, each needing its
     * breach read, and as many enter their last 2 hours and their last 10 minutes), the sandbox
     * answering every call in 100 ms, the production timer (20 s) and
     * budget (50 calls/s) with {@code sopdesk.sla.parallelism=6}. For {@code minutes}, every 30 s:
     * the calls the sandbox answered (its own count of the demand's reads) and the calls the server's
     * budget counted; at the end, per band of deadline, how many clocks were read and how old their
     * last reading is, and the breach alerts raised with the age of the reading each was decided on.
     */
    private void budget(int minutes) throws Exception {
        HttpResponse<String> r = api("POST", "api/tickets", "agent", "agent-demo", lostPassword());
        expect(201, r);
        seedDemand = json(r.body()).asJsonObject().getString("demandNumber");
        seedTo(CLOCKS);
        reload(20, Map.of("sopdesk.sla.sync.calls-per-second", "50", "sopdesk.sla.parallelism", "6"));
        expect(200, send(HttpRequest.newBuilder(URI.create(SANDBOX + "control/faults?latencyMillis=100&kind=NONE&count=0"))
                .POST(HttpRequest.BodyPublishers.noBody())));
        Instant start = Instant.now();
        long[] first = {sandboxReads(), budgetLedger()[0], budgetLedger()[1]};
        long[] last = first.clone();
        List<Double> rates = new ArrayList<>();
        System.out.printf(Locale.ROOT, "read budget: %,d open clocks reading demand %s; the sandbox answers in 100 ms; %d minutes%n",
                open(), seedDemand, minutes);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
        ScheduledFuture<?> sampling = ticks.scheduleAtFixedRate(() -> {
            try {
                long[] now = {sandboxReads(), budgetLedger()[0], budgetLedger()[1]};
                double sandboxRate = (now[0] - last[0]) / 30.0;
                rates.add(sandboxRate);
                System.out.printf(Locale.ROOT, "  %3d s: Qualitor calls/s %.1f (sandbox), %.1f (server's budget); reads denied/s %.1f%n",
                        Duration.between(start, Instant.now()).toSeconds(), sandboxRate, (now[1] - last[1]) / 30.0, (now[2] - last[2]) / 30.0);
                System.arraycopy(now, 0, last, 0, 3);
            } catch (Exception e) {
                System.out.println("  sample failed: " + e);
            }
            samples.incrementAndGet();
        }, 30, 30, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofMinutes(minutes + 1L)).pollInterval(Duration.ofSeconds(1)).until(() -> samples.get() >= minutes * 2);
        sampling.cancel(false);
        ticks.shutdown();
        ticks.awaitTermination(30, TimeUnit.SECONDS);
        Instant end = Instant.now();
        double seconds = Duration.between(start, end).toMillis() / 1000.0;
        double average = (last[0] - first[0]) / seconds;
        double busiest = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "read budget, %.0f s: Qualitor calls/s %.1f on average (busiest 30 s: %.1f) by the sandbox's count, %.1f by the"
                + " server's budget; reads denied/s %.1f%n", seconds, average, busiest, (last[1] - first[1]) / seconds, (last[2] - first[2]) / seconds);
        summary.put("read budget, Qualitor calls/s (sandbox at 100 ms, " + minutes + " min)",
                String.format(Locale.ROOT, "%.1f average, %.1f busiest 30 s", average, busiest));
        bands(start, end);
        breachReadings(start);
    }

    /** The calls the sandbox answered reading the seeded demand (getTicketData and getTicketHistoryData). */
    private long sandboxReads() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(SANDBOX + "control/tickets/" + seedDemand + "/reads")).GET());
        expect(200, r);
        return json(r.body()).asJsonObject().values().stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
    }

    /** The server's budget ledger: calls taken and reads denied so far. */
    private long[] budgetLedger() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT calls_taken, reads_denied FROM sla_sync_budget WHERE id = 1")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Per band of the time left at the end: open clocks, those read during the run, the age of their last reading. */
    private void bands(Instant start, Instant end) throws SQLException {
        String[][] bands = {{"within 10 min of the deadline", "0", "600"}, {"within 2 h", "600", "7200"}, {"farther", "7200", "999999"}};
        for (String[] b : bands) {
            List<Long> ages = new ArrayList<>();
            long open = 0;
            try (PreparedStatement q = db.prepareStatement("SELECT last_synced_at FROM sla_clock WHERE state = 'RUNNING' AND id >= ?"
                    + " AND deadline_at > DATEADD(SECOND, ?, CAST(? AS TIMESTAMP)) AND deadline_at <= DATEADD(SECOND, ?, CAST(? AS TIMESTAMP))")) {
                q.setLong(1, BASE);
                q.setInt(2, Integer.parseInt(b[1]));
                q.setObject(3, utc(end));
                q.setInt(4, Integer.parseInt(b[2]));
                q.setObject(5, utc(end));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        open++;
                        LocalDateTime read = rs.getObject(1, LocalDateTime.class);
                        if (read != null && !read.isBefore(utc(start))) {
                            ages.add(Duration.between(read, utc(end)).toSeconds());
                        }
                    }
                }
            }
            ages.sort(Long::compare);
            String line = String.format(Locale.ROOT, "%,d open, %,d read during the run%s", open, ages.size(), ages.isEmpty() ? ""
                    : String.format(Locale.ROOT, "; age of their last reading p50 %d s, max %d s", ages.get(ages.size() / 2), ages.get(ages.size() - 1)));
            System.out.println("  " + b[0] + ": " + line);
            summary.put("read budget, " + b[0], line);
        }
    }

    /**
     * The breaches decided during the run, by what their timeline says of the reading each was
     * decided on (fresh: within {@code sopdesk.sla.breach-fresh-seconds}; stale; none), and how long
     * after its deadline each breach alert was raised.
     */
    private void breachReadings(Instant start) throws SQLException {
        Map<String, Long> decided = new java.util.TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT detail FROM sla_event WHERE kind = 'DUE' AND at >= ? AND clock_id >= ?")) {
            q.setObject(1, utc(start));
            q.setLong(2, BASE);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String key = String.valueOf(rs.getString(1));
                    decided.merge(key.startsWith("{\"k\":\"event.DUE.unread\"") ? "no reading" : key.startsWith("{\"k\":\"event.DUE.stale\"")
                            ? "a stale reading" : "a fresh reading", 1L, Long::sum);
                }
            }
        }
        List<Long> late = new ArrayList<>();
        // by the minute of the run the deadline fell in: the first minutes also work off the deadlines
        // that passed while the clocks were seeded with the timer held off
        Map<Long, List<Long>> byMinute = new java.util.TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT DATEDIFF(MILLISECOND, deadline_at, raised_at), DATEDIFF(SECOND, ?, deadline_at)"
                + " FROM sla_alert WHERE level = 'BREACH' AND deadline_at >= ? AND clock_id >= ?")) {
            q.setObject(1, utc(start));
            q.setObject(2, utc(start));
            q.setLong(3, BASE);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    late.add(rs.getLong(1));
                    byMinute.computeIfAbsent(rs.getLong(2) / 60, m -> new ArrayList<>()).add(rs.getLong(1));
                }
            }
        }
        String line = String.format(Locale.ROOT, "breaches decided on %s; %,d breach alerts raised%s", decided, late.size(), lags(late));
        System.out.println("  " + line);
        summary.put("read budget, breaches", line);
        byMinute.forEach((minute, lags) -> System.out.printf(Locale.ROOT, "    deadline in minute %d of the run: %,d%s%n", minute, lags.size(), lags(lags)));
        List<Long> settled = byMinute.entrySet().stream().filter(e -> e.getKey() >= BUDGET_SETTLED_MINUTES)
                .flatMap(e -> e.getValue().stream()).collect(java.util.stream.Collectors.toList());
        String after = String.format(Locale.ROOT, "%,d deadlines from minute %d of the run on%s", settled.size(), BUDGET_SETTLED_MINUTES, lags(settled));
        System.out.println("  breaches, " + after);
        summary.put("read budget, breaches once the seeding's backlog is worked off", after);
    }

    /** From the minute of the run on that the figures leave out the catch-up after the seeding. */
    private static final int BUDGET_SETTLED_MINUTES = 3;

    /** ", after the deadline p50 …, p99 …, max …" of these lags in milliseconds (sorted here). */
    private static String lags(List<Long> late) {
        if (late.isEmpty()) {
            return "";
        }
        late.sort(Long::compare);
        return String.format(Locale.ROOT, ", after the deadline p50 %.1f s, p99 %.1f s, max %.1f s", late.get(late.size() / 2) / 1000.0,
                late.get(Math.min(late.size() - 1, (int) (late.size() * 0.99))) / 1000.0, late.get(late.size() - 1) / 1000.0);
    }

    // ---------------------------------------------------------------- the breach latency

    /** Demands under a one-minute policy, alerted by the timer alone: alert raised minus deadline. */
    private void breaches() throws Exception {
        expect(200, api("PUT", "api/admin/sla/policies/" + POLICY, "admin", "admin-demo",
                "{\"name\":\"Benchmark: retorno em 1 minuto\",\"durationMinutes\":1,\"atRiskPercent\":50,\"reminderMinutes\":0}"));
        expect(200, api("PUT", "api/admin/sla/sops/perda-de-senha", "admin", "admin-demo", "{\"policy\":\"" + POLICY + "\"}"));
        // the submissions are planned apart, spreading the deadlines over the timer's 20 s period
        long gap = BREACHES <= 3 ? 7_000 : 20_000 / BREACHES;
        List<Long> tickets = new ArrayList<>();
        ScheduledExecutorService planner = Executors.newSingleThreadScheduledExecutor();
        try {
            List<ScheduledFuture<Long>> planned = new ArrayList<>();
            for (int i = 0; i < BREACHES; i++) {
                planned.add(planner.schedule(() -> {
                    HttpResponse<String> r = api("POST", "api/tickets", "agent", "agent-demo", lostPassword());
                    expect(201, r);
                    return json(r.body()).asJsonObject().getJsonNumber("id").longValue();
                }, i * gap, TimeUnit.MILLISECONDS));
            }
            for (ScheduledFuture<Long> f : planned) {
                tickets.add(f.get());
            }
        } finally {
            planner.shutdownNow();
        }
        heap.resetPhase();
        List<Long> breachLag = new ArrayList<>();
        List<Long> riskLag = new ArrayList<>();
        for (long id : tickets) {
            JsonObject detail = Awaitility.await("the breach alert of ticket " + id).atMost(Duration.ofMinutes(5))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> clockDetail(id), d -> d != null && raised(d).containsKey("BREACH"));
            Map<String, Instant> raised = raised(detail);
            Instant deadline = Instant.parse(detail.getJsonObject("clock").getString("deadline"));
            long lag = Duration.between(deadline, raised.get("BREACH")).toMillis();
            breachLag.add(lag);
            String risk = "";
            if (raised.containsKey("AT_RISK")) {
                long r2 = Duration.between(deadline.minusSeconds(30), raised.get("AT_RISK")).toMillis();
                riskLag.add(r2);
                risk = String.format(Locale.ROOT, "; at-risk alert %.1f s after 50 %% of the time", r2 / 1000.0);
            }
            System.out.printf(Locale.ROOT, "ticket %d, demand %s: breach alerted %.1f s after the deadline%s; alerts %s%n", id,
                    detail.getJsonObject("clock").getString("demand"), lag / 1000.0, risk, levels(detail.getJsonArray("alerts")));
        }
        summary.put("breach alerted after the deadline (periodic scan every 20 s, woken at each alert; " + open() + " open clocks)",
                spread(breachLag));
        summary.put("server's peak used heap while waiting for the breaches", heap.phasePeak / 1_048_576 + " MB");
        summary.put("at-risk alerted after 50 % of the time", spread(riskLag));
    }

    /** The ticket's clock as its agent reads it, or null while it cannot be read. */
    private JsonObject clockDetail(long ticket) throws Exception {
        HttpResponse<String> r = api("GET", "api/tickets/" + ticket + "/clock", "agent", "agent-demo", null);
        return r.statusCode() == 200 ? json(r.body()).asJsonObject() : null;
    }

    /** When each alert level of a clock's detail was raised. */
    private static Map<String, Instant> raised(JsonObject detail) {
        Map<String, Instant> raised = new LinkedHashMap<>();
        for (JsonValue a : detail.getJsonArray("alerts")) {
            JsonObject alert = a.asJsonObject();
            raised.put(alert.getString("level"), Instant.parse(alert.getString("raisedAt")));
        }
        return raised;
    }

    /** The lags, all of them when few, else their percentiles (nearest rank). */
    private static String spread(List<Long> lags) {
        List<Long> sorted = lags.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return "none";
        }
        if (sorted.size() <= 5) {
            return sorted.stream().map(l -> String.format(Locale.ROOT, "%.1f s", l / 1000.0)).toList() + ", worst "
                    + String.format(Locale.ROOT, "%.1f s", sorted.get(sorted.size() - 1) / 1000.0);
        }
        StringBuilder out = new StringBuilder(sorted.size() + " alerts:");
        for (double p : new double[] {50, 95, 99, 100}) {
            long v = sorted.get((int) Math.ceil(p / 100 * sorted.size()) - 1);
            out.append(String.format(Locale.ROOT, " p%s %.2f s", p == 100 ? "max" : String.valueOf((int) p), v / 1000.0));
        }
        return out.append(String.format(Locale.ROOT, ", min %.2f s", sorted.get(0) / 1000.0)).toString();
    }

    private static String levels(JsonArray alerts) {
        List<String> out = new ArrayList<>();
        alerts.forEach(a -> out.add(a.asJsonObject().getString("level")));
        return out.toString();
    }

    private static String lostPassword() {
        return "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A1\",\"a1-esgotou\":\"sim\"},"
                + "\"customer\":{\"document\":\"11222333000181\",\"name\":\"Comércio Alfanumérico S.A.\",\"email\":\"ti@comercio.com.br\","
                + "\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"Cliente perdeu a senha de instalação do A1; tentativas esgotadas.\",\"triedSolution\":\"Cliente tentou a senha anotada na documentação da emissão.\"}";
    }

    // ---------------------------------------------------------------- the data

    /** Connects to the server's H2 database with the driver from Payara's own installation. */
    static Connection connect() throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(PAYARA, "h2db", "bin", "h2.jar").toUri().toURL()},
                SlaScanBenchmark.class.getClassLoader());
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
        Properties login = new Properties();
        login.setProperty("user", "");
        login.setProperty("password", "");
        Connection c = driver.connect(DB, login);
        c.setAutoCommit(true);
        return c;
    }

    /**
     * Seeds sent tickets and their running clocks up to {@code total}, in chunks, inside the
     * database: deadlines 12 to 24 h ahead (at risk 6 to 18 h ahead), the next Qualitor read 6 to
     * 7 h ahead, so none is due during the run unless the benchmark makes it due.
     */
    /**
     * The seeded clocks' shape: by default deadlines 12 to 24 h ahead, next read 6 to 7 h ahead, the
     * at-risk alert next; for the read budget ({@link #budget}), deadlines spread evenly over the next
     * 24 h, the breach alert next, and the next read where a desk under the budget has it (docs/sla.md):
     * as the clock enters its last 2 hours, its last 10 minutes, or at its deadline (the breach read);
     * all reading one demand the sandbox knows, each clock its own deadline version, so each may
     * raise its own breach alert.
     */
    private String seedDemand;

    private void seedTo(long total) throws SQLException {
        long started = System.nanoTime();
        heap.resetPhase();
        LocalDateTime now = utc(Instant.now());
        String tickets = """
                INSERT INTO ticket (id, version, submission_key, sop_id, sop_version, title, customer_document, customer_name,
                  description, phone1, phone2, email, return_hours, state, attempts, next_attempt_at, qualitor_number,
                  created_at, created_by, sent_at, outcome_unknown)
                SELECT X, 0, 'sla-bench-' || X, 'perda-de-senha', 1, 'Perda de senha - certificado A1', '11222333000181',
                  'Cliente de carga', 'Carga do benchmark de SLA', '(51) 99999-0000', '(51) 3333-0000', 'carga@cliente.com.br',
                  24, 'SENT', 1, CAST(? AS TIMESTAMP), 'B' || X, CAST(? AS TIMESTAMP), 'agent', CAST(? AS TIMESTAMP), FALSE
                FROM SYSTEM_RANGE(?, ?)""";
        String clocks = """
                INSERT INTO sla_clock (id, version, ticket_id, demand_number, sop_id, title, customer_name, agent, team,
                  policy_code, duration_minutes, business_hours, work_start, work_end, at_risk_percent, reminder_minutes, state,
                  started_at, deadline_at, deadline_version, next_level, next_alert_at, reminders_sent, next_sync_at, due_at)
                SELECT X, 0, X, DEMAND, 'perda-de-senha', 'Perda de senha - certificado A1', 'Cliente de carga', 'agent',
                  'Suporte N1', 'RETORNO-24H', 1440, FALSE, '08:00', '18:00', 75, 240, 'RUNNING',
                  DATEADD(SECOND, DL - 86400, CAST(? AS TIMESTAMP)), DATEADD(SECOND, DL, CAST(? AS TIMESTAMP)), VERSION, LEVEL, DATEADD(SECOND, DL - AHEAD, CAST(? AS TIMESTAMP)), 0,
                  DATEADD(SECOND, SY, CAST(? AS TIMESTAMP)), LEAST(DATEADD(SECOND, DL - AHEAD, CAST(? AS TIMESTAMP)), DATEADD(SECOND, SY, CAST(? AS TIMESTAMP)))
                FROM (SELECT X, SHAPE FROM SYSTEM_RANGE(?, ?)) R""";
        clocks = seedDemand == null
                ? clocks.replace("DEMAND", "'B' || X").replace("VERSION", "1").replace("LEVEL", "'AT_RISK'")
                        .replace("SHAPE", "43200 + MOD(X * 7919, 43200) AS DL, 21600 + MOD(X, 3600) AS SY, 21600 AS AHEAD")
                : clocks.replace("DEMAND", "'" + seedDemand.replace("'", "") + "'").replace("VERSION", "X - " + (BASE - 1)).replace("LEVEL", "'BREACH'")
                        .replace("SHAPE", "DLX AS DL, CASE WHEN DLX > 7200 THEN DLX - 7200 WHEN DLX > 600 THEN DLX - 600 ELSE DLX END AS SY, 0 AS AHEAD")
                        .replace("DLX", "(60 + MOD(X * 7919, 86400))");
        try (PreparedStatement t = db.prepareStatement(tickets); PreparedStatement c = db.prepareStatement(clocks)) {
            while (seeded < total) {
                long from = BASE + seeded;
                long to = BASE + Math.min(total, seeded + CHUNK) - 1;
                t.setObject(1, now);
                t.setObject(2, now);
                t.setObject(3, now);
                t.setLong(4, from);
                t.setLong(5, to);
                t.executeUpdate();
                for (int i = 1; i <= 6; i++) {
                    c.setObject(i, now);
                }
                c.setLong(7, from);
                c.setLong(8, to);
                c.executeUpdate();
                seeded = to - BASE + 1;
            }
        }
        System.out.printf(Locale.ROOT, "seeded %,d tickets and open clocks in total (%.1f s for this step; server's peak used heap meanwhile %d MB)%n",
                seeded, (System.nanoTime() - started) / 1e9, heap.phasePeak / 1_048_576);
    }

    private long open() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM sla_clock WHERE state <> 'MET'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** H2's plans for the SQL the two scans send (the due scan's as EclipseLink writes it). */
    private void plans() throws SQLException {
        String now = "TIMESTAMP '" + utc(Instant.now()).toString().replace('T', ' ') + "'";
        plan("due scan, claim query", "SELECT ID FROM sla_clock WHERE ((DUE_AT <= " + now + ") AND ((CLAIMED_UNTIL IS NULL) OR (CLAIMED_UNTIL < "
                + now + "))) ORDER BY DUE_AT ASC LIMIT 500");
        plan("naive scan, page query", NAIVE_PAGE.replace("?", "1000000000"));
    }

    private void plan(String name, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
            r.next();
            System.out.println("plan, " + name + ":\n  " + r.getString(1).replace("\n", "\n  "));
        }
    }

    // ---------------------------------------------------------------- the server

    /** Sets the timer's interval and redeploys the application, so the timer is replaced. */
    private void reload(int seconds) throws Exception {
        // the scans are timed for SOP Desk's own cost per clock: no read budget holds back their follow-up reads
        reload(seconds, Map.of("sopdesk.sla.sync.calls-per-second", "0"));
    }

    private void reload(int seconds, Map<String, String> settings) throws Exception {
        long started = System.nanoTime();
        asadmin("set-config-property", "--source=domain", "--propertyName=sopdesk.sla.scan-interval-seconds", "--propertyValue=" + seconds);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            asadmin("set-config-property", "--source=domain", "--propertyName=" + e.getKey(), "--propertyValue=" + e.getValue());
        }
        asadmin("deploy", "--force=true", "--name", "sopdesk", Path.of(EAR).toAbsolutePath().toString());
        Instant end = Instant.now().plusSeconds(180);
        while (true) {
            try {
                if (send(HttpRequest.newBuilder(URI.create(APP + "login.xhtml")).GET()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("SOP Desk did not answer after the redeploy");
            }
            Thread.sleep(1_000);
        }
        // the benchmark has no SMTP server: the demo supervisor receives no e-mail during the run
        HttpResponse<String> r = api("PUT", "api/sla/subscription", "supervisor", "supervisor-demo",
                "{\"email\":\"supervisor@sopdesk.local\",\"active\":false}");
        expect(200, r);
        System.out.printf(Locale.ROOT, "SLA timer every %d s (application redeployed in %.1f s; server log: \"%s\"); supervisor's e-mail off: %s%n",
                seconds, (System.nanoTime() - started) / 1e9, lastLine("Monitor de SLA: varredura").replace("]]", ""), r.body());
    }

    private static void asadmin(String... args) throws Exception {
        int admin = URI.create(APP).getPort() - 80 + 48;
        List<String> command = new ArrayList<>(List.of(PAYARA + "/bin/asadmin", "--interactive=false", "--port", String.valueOf(admin)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed: " + out);
        }
    }

    private static Path serverLog() {
        String domain = System.getProperty("it.domain");
        if (domain == null) {
            Matcher m = Pattern.compile("domains/([^/]+)/").matcher(DB);
            domain = m.find() ? m.group(1) : "domain1";
        }
        return Path.of(PAYARA, "glassfish", "domains", domain, "logs", "server.log");
    }

    private static String lastLine(String containing) {
        try {
            List<String> lines = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(containing)) {
                    return lines.get(i).strip();
                }
            }
        } catch (Exception e) {
            return "(server.log not read: " + e.getMessage() + ")";
        }
        return "(none)";
    }

    private static String outOfMemory() {
        try {
            return Files.readAllLines(serverLog(), StandardCharsets.UTF_8).stream().anyMatch(l -> l.contains("OutOfMemoryError")) ? "yes" : "none";
        } catch (Exception e) {
            return "(server.log not read: " + e.getMessage() + ")";
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * Samples the server's used heap every 500 ms from its MicroProfile Metrics endpoint: the
     * peak over the run and over the current phase, and the collector's time.
     */
    private final class HeapWatch {
        private static final Pattern USED = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})?\\s+(\\S+)");
        private static final Pattern MAX = Pattern.compile("(?m)^(?:base_)?memory_maxHeap_bytes(?:\\{[^}]*\\})?\\s+(\\S+)");
        private static final Pattern GC_TIME = Pattern.compile("(?m)^(?:base_)?gc_time(_seconds)?(?:_total)?(?:\\{[^}]*\\})?\\s+(\\S+)");
        private static final Pattern GC_COUNT = Pattern.compile("(?m)^(?:base_)?gc_total\\{[^}]*name=\"([^\"]+)\"[^}]*\\}\\s+(\\S+)");
        private final Map<String, double[]> collections = new LinkedHashMap<>();
        volatile long peak;
        volatile long phasePeak;
        volatile long max;
        volatile int samples;
        private double gcTimeStart = -1;
        private double gcTime;
        private boolean gcSeconds;
        private double gcCountStart = -1;
        private double gcCount;
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        void resetPhase() {
            phasePeak = 0;
        }

        private void sample() {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(METRICS + "?scope=base")).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String text = r.body();
                Matcher used = USED.matcher(text);
                if (!used.find()) {
                    return;
                }
                long u = (long) Double.parseDouble(used.group(1));
                peak = Math.max(peak, u);
                phasePeak = Math.max(phasePeak, u);
                Matcher m = MAX.matcher(text);
                if (m.find()) {
                    max = (long) Double.parseDouble(m.group(1));
                }
                double time = 0;
                Matcher g = GC_TIME.matcher(text);
                while (g.find()) {
                    gcSeconds = g.group(1) != null;
                    time += Double.parseDouble(g.group(2));
                }
                double count = 0;
                Matcher c = GC_COUNT.matcher(text);
                while (c.find()) {
                    double n = Double.parseDouble(c.group(2));
                    count += n;
                    synchronized (this) {
                        collections.computeIfAbsent(c.group(1), k -> new double[] {n, n})[1] = n;
                    }
                }
                synchronized (this) {
                    if (gcTimeStart < 0) {
                        gcTimeStart = time;
                        gcCountStart = count;
                    }
                    gcTime = time;
                    gcCount = count;
                }
                samples++;
            } catch (Exception e) {
                // the server may be redeploying; the next sample will tell
            }
        }

        synchronized String gcSummary() {
            double t = gcTime - gcTimeStart;
            StringBuilder each = new StringBuilder();
            collections.forEach((name, n) -> each.append(each.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f", n[1] - n[0])));
            return String.format(Locale.ROOT, "%.0f collections (%s), %.1f s", gcCount - gcCountStart, each, gcSeconds ? t : t / 1000.0);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private HttpResponse<String> api(String method, String path, String user, String password, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(APP + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", basic(user, password)).header("Accept-Language", "pt-BR");
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
