package br.com.sopdesk.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The Qualitor path benchmark on the deployment group ({@code scripts/cluster.sh up}, already
 * running): {@code POST /api/tickets} all through one instance ({@code one}), then with half the
 * clients on each instance, as a sticky balancer spreads agents ({@code two}), with each JVM's CPU
 * per submission read from {@code /proc}. Each client signs in once and keeps its session, as an
 * agent does (a password checked on every call would cost more than the submission). Both instances share one PostgreSQL and one Qualitor, so a second instance
 * adds CPU, not necessarily throughput: the ratio two/one says how much it adds. {@code failover}
 * kills an instance holding tickets in flight and times, in real time, how long the survivor takes
 * to finish them. After each phase every ticket must be SENT and in the sandbox exactly once. Not a
 * test: it prints {@code [bench-group]} lines (profile {@code bench-cluster} of this module).
 */
public final class GroupPathBenchmark {

    private static final String DOMAIN = System.getProperty("it.cluster.domain", "sopdesk-cluster");
    private static final Path PAYARA = Path.of(System.getProperty("payara.home", "../runtime/target/payara/payara6"));
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1000);
    private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 2000);
    private static final List<String> PHASES = List.of(System.getProperty("bench.phases", "one,two,failover").strip().split("\\s*,\\s*"));
    private static final int IN_FLIGHT = 10;
    /** The group's claim lease ({@code sopdesk.outbox.lease-seconds}, 60 unless configured): reported, and bounds the failover's wait. */
    private static final int LEASE_SECONDS = Integer.getInteger("bench.leaseSeconds", 60);
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (Cluster.AGENT + ":" + Cluster.AGENT_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final Pattern KEY = Pattern.compile("\"sopdesk:([0-9a-f-]{36})\"");
    private static final String[] PROCESSES = {"sopdesk-1", "sopdesk-2", "DAS+sandbox", "postgres (all of this machine's)", "benchmark client"};
    /** /proc counts CPU in USER_HZ ticks, 100 a second on Linux whatever the kernel's own tick. */
    private static final long TICKS_PER_SECOND = 100;

    private final AtomicInteger customer = new AtomicInteger();
    private final List<String> summary = new ArrayList<>();
    private boolean failed;

    /** A phase's figures: sorted latencies (µs) of its 201s, its tickets' submission keys, the ids not SENT in their answer, CPU ticks. */
    private record Phase(String name, int total, int receivedBefore, double seconds, long[] micros, int errors,
                         List<String> keys, List<String> pending, long[] cpuBefore, long[] cpuAfter) {
        double perSecond() {
            return total / seconds;
        }

        double p(double q) {
            return micros.length == 0 ? Double.NaN : micros[Math.min(micros.length - 1, (int) Math.ceil(q * micros.length) - 1)] / 1000.0;
        }
    }

    public static void main(String[] args) {
        GroupPathBenchmark bench = new GroupPathBenchmark();
        try {
            bench.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            bench.failed = true;
        }
        System.exit(bench.failed ? 1 : 0); // the failover's abandoned requests must not keep the JVM alive
    }

    private void run() throws Exception {
        for (int n = 1; n <= 2; n++) {
            int status = Cluster.agent(n, "GET", "sops", null).statusCode();
            if (status != 200) {
                throw new IllegalStateException(Cluster.name(n) + " answered the agent " + status + ": is the group up on port base " + Cluster.PORTBASE + "?");
            }
        }
        String scriptDomain = Objects.requireNonNullElse(System.getenv("SOPDESK_DOMAIN"), "sopdesk-cluster");
        String scriptBase = Objects.requireNonNullElse(System.getenv("SOPDESK_PORTBASE"), "28000");
        if (PHASES.contains("failover") && !(scriptDomain.equals(DOMAIN) && scriptBase.equals(String.valueOf(Cluster.PORTBASE)))) {
            throw new IllegalStateException("cluster.sh kill/start would act on " + scriptDomain + " (port base " + scriptBase + "), not on "
                    + DOMAIN + " (" + Cluster.PORTBASE + "): set SOPDESK_DOMAIN and SOPDESK_PORTBASE, as the bench-cluster profile does");
        }
        Cluster.sandbox("faults?kind=NONE");
        String[] pids = pids();
        say("group %s, port base %d: pids sopdesk-1 %s, sopdesk-2 %s, DAS %s; concurrency %d; phases %s",
                DOMAIN, Cluster.PORTBASE, pids[0], pids[1], pids[2], CONCURRENCY, PHASES);
        Phase warm = closedLoop("warm-up", WARMUP, c -> 1 + c % 2);
        say("warm-up: %d submissions over both instances in %.1f s, %d errors (not measured)", warm.total(), warm.seconds(), warm.errors());
        settle(warm);
        Phase one = PHASES.contains("one") ? measured("one", "all clients on sopdesk-1", c -> 1) : null;
        Phase two = PHASES.contains("two") ? measured("two", "half the clients on each instance", c -> 1 + c % 2) : null;
        if (one != null && two != null) {
            keep("ratio two/one: throughput %.2f (%.1f/s vs %.1f/s); p99 %.1f ms vs %.1f ms",
                    two.perSecond() / one.perSecond(), two.perSecond(), one.perSecond(), two.p(0.99), one.p(0.99));
        }
        if (PHASES.contains("failover")) {
            failover();
        }
        Matcher mem = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
        keep("machine: %d CPUs (nproc), %s MB memory, %s %s, %s; load %s", Runtime.getRuntime().availableProcessors(),
                mem.find() ? Long.parseLong(mem.group(1)) / 1024 : "?", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), loadAverage());
        System.out.println("[bench-group] ---- summary" + (failed ? " (A CHECK FAILED)" : "") + " ----");
        summary.forEach(System.out::println);
    }

    private Phase measured(String name, String where, IntUnaryOperator instance) throws Exception {
        Phase p = closedLoop(name, SUBMISSIONS, instance);
        keep("%s (%s): %d submissions in %.1f s = %.1f/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (of the 201s); errors (not 201) %d; concurrency %d",
                name, where, p.total(), p.seconds(), p.perSecond(), p.p(0.50), p.p(0.95), p.p(0.99), p.errors(), CONCURRENCY);
        StringBuilder cpu = new StringBuilder();
        for (int j = 0; j < PROCESSES.length; j++) {
            long used = p.cpuAfter()[j] - p.cpuBefore()[j];
            cpu.append(j == 0 ? "" : ", ").append(PROCESSES[j]).append(' ').append(p.cpuBefore()[j] < 0 || p.cpuAfter()[j] < 0 ? "?"
                    : String.format(Locale.ROOT, "%.2f", used * 1000.0 / TICKS_PER_SECOND / p.total()));
        }
        keep("%s: CPU ms per submission: %s; load %s", name, cpu, loadAverage());
        settle(p);
        return p;
    }

    /** {@code total} submissions from {@link #CONCURRENCY} closed-loop clients, client c signed in on instance {@code instance(c)}. */
    private Phase closedLoop(String name, int total, IntUnaryOperator instance) throws Exception {
        int before = received();
        long[] micros = new long[total];
        Arrays.fill(micros, -1); // no 201: left out of the percentiles, counted as an error
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        List<String> pending = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<?>> running = new ArrayList<>();
        long[] cpuBefore = cpu();
        long start = System.nanoTime();
        List<HttpClient> sessions = new ArrayList<>();
        for (int c = 0; c < CONCURRENCY; c++) {
            sessions.add(signedIn(instance.applyAsInt(c)));
        }
        for (int c = 0; c < CONCURRENCY; c++) {
            int n = instance.applyAsInt(c);
            HttpClient session = sessions.get(c);
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = session.send(submission(n, null, false), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            firstError.compareAndSet(null, r.statusCode() + " " + r.body());
                            continue;
                        }
                        micros[i] = (System.nanoTime() - t0) / 1000;
                        keys.add(Cluster.field(r.body(), "submissionKey"));
                        if (!"SENT".equals(Cluster.field(r.body(), "state"))) {
                            pending.add(Cluster.field(r.body(), "id"));
                        }
                    } catch (IOException e) {
                        firstError.compareAndSet(null, e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] cpuAfter = cpu();
        clients.shutdown();
        if (firstError.get() != null) {
            say("%s: first error: %.300s", name, firstError.get());
        }
        long[] answered = Arrays.stream(micros).filter(m -> m >= 0).sorted().toArray();
        return new Phase(name, total, before, seconds, answered, total - answered.length, keys, pending, cpuBefore, cpuAfter);
    }

    /** Waits until every ticket of the phase is SENT (the sandbox's count first, then each one not SENT in its answer), then checks the keys. */
    private void settle(Phase p) throws Exception {
        long start = System.nanoTime();
        until(() -> received() - p.receivedBefore() >= p.keys().size(), Duration.ofSeconds(300));
        List<String> unsent = awaitSent(p.pending(), 1, start + Duration.ofSeconds(420).toNanos());
        checkKeys(p.name(), p.receivedBefore(), p.keys(), unsent,
                String.format(Locale.ROOT, "%.1f s after the phase; %d were not SENT in their answer", (System.nanoTime() - start) / 1e9, p.pending().size()));
    }

    /**
     * Real time, no clock moved: Qualitor answers 20 s late, {@value #IN_FLIGHT} tickets go to sopdesk-2,
     * which is killed once the sandbox has them all (its claims held, the answers on their way); then
     * the time until sopdesk-1 shows each SENT: the claims' lease lapses, then the survivor's next
     * outbox tick finds them in Qualitor by their keys.
     */
    private void failover() throws Exception {
        int victim = 2;
        int survivor = 1;
        int before = received();
        String run = "bench-failover-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long killed;
        Cluster.sandbox("faults?kind=SLOW_ANSWER&latencyMillis=20000&count=1000&operation=addTicketByData");
        try {
            for (int i = 0; i < IN_FLIGHT; i++) { // not awaited: they hang until the instance dies under them
                Cluster.HTTP.sendAsync(submission(victim, run + i), HttpResponse.BodyHandlers.discarding());
            }
            boolean held = until(() -> received() - before >= IN_FLIGHT, Duration.ofSeconds(30));
            say("failover: %d of %d in Qualitor, answers held back%s; killing %s", received() - before, IN_FLIGHT,
                    held ? "" : " (the rest are timed too)", Cluster.name(victim));
            Cluster.script("kill", Cluster.name(victim));
            killed = System.nanoTime();
        } finally {
            Cluster.sandbox("faults?kind=NONE");
        }
        try {
            // their ids: each submission sent again to the survivor under its Idempotency-Key answers the ticket stored first (200)
            List<String> ids = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            int storedAnew = 0;
            for (int i = 0; i < IN_FLIGHT; i++) {
                HttpResponse<String> r = Cluster.HTTP.send(submission(survivor, run + i), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 && r.statusCode() != 201) {
                    throw new IllegalStateException("failover: submission " + i + " sent again to " + Cluster.name(survivor) + ": " + r.statusCode() + " " + r.body());
                }
                storedAnew += r.statusCode() == 201 ? 1 : 0;
                ids.add(Cluster.field(r.body(), "id"));
                keys.add(Cluster.field(r.body(), "submissionKey"));
            }
            List<String> unsent = awaitSent(ids, survivor, killed + Duration.ofSeconds(2L * LEASE_SECONDS + 180).toNanos());
            double seconds = (System.nanoTime() - killed) / 1e9;
            keep("failover: %d tickets finished by the survivor %.1f s after the kill (lease %d s)%s", IN_FLIGHT - unsent.size(), seconds, LEASE_SECONDS,
                    storedAnew == 0 ? "" : "; " + storedAnew + " were not stored before the kill and were submitted afresh");
            checkKeys("failover", before, keys, unsent, String.format(Locale.ROOT, "%.1f s after the kill", seconds));
        } finally {
            long start = System.nanoTime();
            Cluster.script("start", Cluster.name(victim));
            boolean up = until(() -> Cluster.get(Cluster.app(victim) + "login.xhtml").statusCode() == 200, Duration.ofSeconds(300));
            failed |= !up;
            say("failover: %s started again, %s login.xhtml %.1f s later", Cluster.name(victim), up ? "answering" : "NOT answering", (System.nanoTime() - start) / 1e9);
        }
    }

    /** Reads each ticket through instance n until SENT, REJECTED or HELD (or the deadline passed); those not SENT, as id:state. */
    private static List<String> awaitSent(Collection<String> ids, int n, long deadline) {
        List<String> unsent = new ArrayList<>();
        for (String id : ids) {
            AtomicReference<String> state = new AtomicReference<>();
            // past the deadline, each ticket left is still read once
            Duration left = Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), deadline - System.nanoTime()));
            until(() -> {
                state.set(Cluster.field(Cluster.agent(n, "GET", "tickets/" + id, null).body(), "state"));
                return List.of("SENT", "REJECTED", "HELD").contains(state.get());
            }, left);
            if (!"SENT".equals(state.get())) {
                unsent.add(id + ":" + state.get());
            }
        }
        return unsent;
    }

    /** The sandbox since {@code before}: one more ticket per key, each key once; and no key twice in its whole list. */
    private void checkKeys(String phase, int before, List<String> keys, List<String> unsent, String when) throws Exception {
        int increase = received() - before;
        Map<String, Integer> since = new HashMap<>();
        keysFrom(before).forEach(k -> since.merge(k, 1, Integer::sum));
        long missing = keys.stream().filter(k -> !since.containsKey(k)).count();
        long twice = since.values().stream().filter(c -> c > 1).count();
        List<String> all = keysFrom(0);
        long twiceEver = all.size() - all.stream().distinct().count();
        boolean ok = unsent.isEmpty() && increase == keys.size() && missing == 0 && twice == 0 && twiceEver == 0;
        failed |= !ok;
        keep("%s: %s: all SENT %s; sandbox +%d for %d tickets, missing %d, duplicates %d (in its whole list %d)%s", phase, ok ? "OK" : "CHECK FAILED",
                when, increase, keys.size(), missing, twice, twiceEver, unsent.isEmpty() ? "" : "; not SENT: " + unsent);
    }

    private HttpRequest submission(int n, String idempotencyKey) {
        return submission(n, idempotencyKey, true);
    }

    /** A submission to instance n, with the agent's password ({@code basic}) or in the client's session. */
    private HttpRequest submission(int n, String idempotencyKey, boolean basic) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Cluster.app(n) + "api/tickets")).timeout(Duration.ofSeconds(120))
                .header("Accept-Language", "pt-BR").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Cluster.lostPassword(cnpj(customer.getAndIncrement() % 200)), StandardCharsets.UTF_8));
        if (basic) {
            b.header("Authorization", AUTH);
        }
        return idempotencyKey == null ? b.build() : b.header("Idempotency-Key", idempotencyKey).build();
    }

    /** A client of its own (cookies kept) signed in as the agent on instance n: one password check, then the session. */
    private static HttpClient signedIn(int n) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(Cluster.app(n) + "api/sops")).header("Authorization", AUTH).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID"))) {
            throw new IllegalStateException("sign-in on " + Cluster.name(n) + ": " + r.statusCode() + " " + r.headers().allValues("Set-Cookie"));
        }
        return client;
    }

    private static int received() throws Exception {
        return Integer.parseInt(Cluster.field(Cluster.get(Cluster.SANDBOX + "control/tickets/keys?from=" + Integer.MAX_VALUE).body(), "count"));
    }

    private static List<String> keysFrom(int from) throws Exception {
        Matcher m = KEY.matcher(Cluster.get(Cluster.SANDBOX + "control/tickets/keys?from=" + from).body());
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** Polls {@code check} every 250 ms until it holds (true) or {@code timeout} passed (false); a failure to read counts as not yet. */
    private static boolean until(Callable<Boolean> check, Duration timeout) {
        try {
            Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).atMost(timeout)
                    .ignoreExceptions().until(check);
            return true;
        } catch (ConditionTimeoutException notYet) {
            return false;
        }
    }

    /** sopdesk-1's, sopdesk-2's and the DAS's pids, from their pid files (null: not running). */
    private static String[] pids() {
        Path node = PAYARA.resolve("glassfish/nodes/localhost-" + DOMAIN);
        return new String[] {read(node.resolve("sopdesk-1/config/pid")), read(node.resolve("sopdesk-2/config/pid")),
                read(PAYARA.resolve("glassfish/domains/" + DOMAIN + "/config/pid"))};
    }

    /** CPU ticks used so far by each of {@link #PROCESSES} (/proc/{pid}/stat), -1 where unknown. */
    private static long[] cpu() {
        long[] ticks = Stream.concat(Stream.of(pids()), Stream.of("self"))
                .mapToLong(pid -> pid == null ? -1 : ticks(read(Path.of("/proc", pid, "stat")))).toArray();
        return new long[] {ticks[0], ticks[1], ticks[2], postgresTicks(), ticks[3]};
    }

    /** utime + stime of a /proc stat line (fields 14 and 15, counted past the parenthesised name); -1 without one. */
    private static long ticks(String stat) {
        if (stat == null) {
            return -1;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The postgres processes alive now: the server's and every backend's, of all the databases on this machine. */
    private static long postgresTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).map(p -> read(p.resolve("stat")))
                    .filter(s -> s != null && s.contains(" (postgres) ")).mapToLong(GroupPathBenchmark::ticks).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return file == null ? null : Files.readString(file).strip();
        } catch (IOException e) {
            return null; // not running, or ended meanwhile
        }
    }

    private static String loadAverage() {
        String load = read(Path.of("/proc/loadavg"));
        return load == null ? "?" : load.split(" ")[0];
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench-group] " + String.format(Locale.ROOT, format, args));
    }

    /** Prints a result line and keeps it for the summary. */
    private void keep(String format, Object... args) {
        say(format, args);
        summary.add("[bench-group] " + String.format(Locale.ROOT, format, args));
    }

    /** A valid CNPJ (digits only) for customer n: two check digits, weights 2..9 from the right. */
    static String cnpj(int n) {
        String digits = String.format(Locale.ROOT, "%08d0001", 10_000_000 + n);
        for (int d = 0; d < 2; d++) {
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += (digits.charAt(i) - '0') * ((digits.length() - 1 - i) % 8 + 2);
            }
            digits += sum % 11 < 2 ? 0 : 11 - sum % 11;
        }
        return digits;
    }
}
