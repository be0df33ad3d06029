package br.com.sopdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The supervisor's dashboard over a million open clocks (issue 24, item 4), run against the real
 * server by {@code ./mvnw -B verify -Pbench-board -DskipTests -pl it-tests -am}. Not a test: it
 * reports figures.
 *
 * <p>The supervisor signs in through the login page like a browser, then the dashboard is opened
 * and its Ajax requests sent as PrimeFaces sends them (the 10 s poll, a standing chosen, a team, an
 * SOP and an agent chosen and cleared): first over the domain's own data (the baseline), then
 * after 1,000,000 open clocks (10,000 at risk, 5,000 breached, the rest on track) and 14 days of
 * met clocks are seeded straight into the domain's H2 database. Each request's time is the round
 * trip on the same machine, an upper bound of the server's time. A request counts as failed when
 * its answer is not the page or a partial response without error.
 */
public final class BoardBenchmark {

    private static final int HTTP_PORT = Integer.getInteger("it.portbase", 18000) + 80;
    private static final String APP = "http://localhost:" + HTTP_PORT + "/sopdesk/";
    private static final int OPEN = Integer.getInteger("bench.clocks", 1_000_000);
    private static final int AT_RISK = 10_000;
    private static final int BREACHED = 5_000;
    private static final int MET_PER_DAY = Integer.getInteger("bench.metPerDay", 50_000);
    private static final int DAYS = 14;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 20);
    /** Seeded ids sit far above the application's sequences and the SLA benchmark's. */
    private static final long BASE = 2_000_000_000L;
    private static final int CHUNK = 50_000;
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern PARTIAL_STATE = Pattern.compile("<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("id=\"count-(at-risk|breached|met|paused)\">[^<]*<strong>([^<]*)</strong>");
    private static final String RENDER_ALL = "board:clocks board:summary board:chart board:alerts board:troubles";

    private final CookieManager cookies = new CookieManager();
    private HttpClient http = client();
    private final Map<String, List<Long>> times = new LinkedHashMap<>();
    private int failures;
    private String viewState;
    /** PrimeFaces' CSP nonce of the page, which its Ajax requests carry. */
    private String nonce;

    /** A client on HTTP/1.1 with the supervisor's session cookie, as a browser tab keeps it. */
    private HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        new BoardBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s; load average at start: %s; server heap limit %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), SlaScanBenchmark.load(), System.getProperty("bench.heap", "?"));
        signIn();
        try (Connection db = SlaScanBenchmark.connect()) {
            Map<String, List<Long>> baseline = measure("baseline: the domain's own data, " + open(db) + " open clocks");
            seed(db);
            // the connections stood idle while seeding: the server may have closed them
            http = client();
            Map<String, List<Long>> loaded = measure("after seeding: " + open(db) + " open clocks");
            System.out.printf(Locale.ROOT, "%n== dashboard, %,d samples each ==%n", SAMPLES);
            System.out.println("| request | baseline p50 / p95 / max | 1,000,000 open clocks p50 / p95 / max |");
            System.out.println("|---|---:|---:|");
            loaded.forEach((name, ms) -> System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", name, spread(baseline.get(name)), spread(ms)));
        }
        System.out.println("failed requests: " + failures);
        System.out.println("load average at end: " + SlaScanBenchmark.load());
    }

    // ---------------------------------------------------------------- the requests

    private Map<String, List<Long>> measure(String title) throws Exception {
        times.clear();
        System.out.println("== " + title + " ==");
        for (int i = 0; i < 3; i++) {
            round(false);
        }
        for (int i = 0; i < SAMPLES; i++) {
            round(true);
        }
        Map<String, List<Long>> out = new LinkedHashMap<>(times);
        out.forEach((name, ms) -> System.out.printf(Locale.ROOT, "%-40s %s%n", name, spread(ms)));
        return out;
    }

    /** One supervisor's visit: the page, a poll, each filter chosen and cleared, each standing chosen. */
    private void round(boolean timed) throws Exception {
        String page = timed("page opened", timed, () -> page("supervisor/index.xhtml"));
        if (timed && times.get("page opened").size() == 1) {
            Matcher m = COUNT.matcher(page);
            List<String> counts = new ArrayList<>();
            while (m.find()) {
                counts.add(m.group(1) + " " + m.group(2));
            }
            System.out.println("counters shown: " + counts);
        }
        String team = first(page, "board:team_input");
        String sop = first(page, "board:sop_input");
        String agent = option(page, "board:agent_input", "agent");
        timed("poll (every 10 s)", timed, () -> ajax("board:poll", "board:poll", RENDER_ALL, null, Map.of("board:poll", "board:poll")));
        for (String standing : List.of("BREACHED", "MET", "ON_TRACK", "PAUSED", "", "AT_RISK")) {
            timed("standing chosen", timed, () -> ajax("board:standing", "board:standing", "board:clocks board:summary", "change",
                    Map.of("board:standing", standing)));
        }
        filter("team", team, timed);
        filter("sop", sop, timed);
        filter("agent", agent, timed);
    }

    private void filter(String name, String value, boolean timed) throws Exception {
        for (String v : new String[] {value, ""}) {
            timed(name + " chosen or cleared", timed, () -> ajax("board:" + name, "board:" + name, RENDER_ALL, "change",
                    Map.of("board:" + name + "_input", v)));
        }
    }

    private interface Request {
        String send() throws Exception;
    }

    private String timed(String name, boolean timed, Request r) throws Exception {
        long started = System.nanoTime();
        String body = r.send();
        if (timed) {
            times.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - started) / 1_000_000);
        }
        return body;
    }

    private void signIn() throws Exception {
        String login = page("login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:volta", "");
        form.put("login:username", "supervisor");
        form.put("login:password", "supervisor-demo");
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", state(login));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(APP + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "pt-BR")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.body().contains("login:password")) {
            throw new IllegalStateException("the supervisor could not sign in: " + r.statusCode());
        }
    }

    private String page(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(APP + path)).header("Accept-Language", "pt-BR").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || (!path.startsWith("login") && r.body().contains("login:password"))) {
            failures++;
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
        }
        viewState = state(r.body());
        Matcher n = NONCE.matcher(r.body());
        nonce = n.find() ? n.group(1) : null;
        return r.body();
    }

    private String ajax(String source, String execute, String render, String event, Map<String, String> values) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", source);
        form.put("jakarta.faces.partial.execute", execute);
        form.put("jakarta.faces.partial.render", render);
        if (event != null) {
            form.put("jakarta.faces.behavior.event", event);
            form.put("jakarta.faces.partial.event", event);
        }
        form.putAll(values);
        form.put("board", "board");
        form.put("jakarta.faces.ViewState", viewState);
        if (nonce != null) {
            form.put("primefaces.nonce", nonce);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(APP + "supervisor/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8").header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest").header("Accept-Language", "pt-BR")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        if (r.statusCode() != 200 || !body.contains("<partial-response") || body.contains("<error>") || body.contains("<redirect")
                || !body.contains("id=\"board:clocks\"")) {
            failures++;
            int error = Math.max(0, Math.max(body.indexOf("<error>"), body.indexOf("<redirect")));
            throw new IllegalStateException("Ajax " + source + " failed (" + r.statusCode() + "): " + body.substring(error, Math.min(error + 1500, body.length())));
        }
        Matcher m = PARTIAL_STATE.matcher(body);
        if (m.find()) {
            viewState = m.group(1);
        }
        return body;
    }

    private static String state(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no view state in the page");
        }
        return m.group(1).replace("&#58;", ":");
    }

    /** The first non-blank option of a select menu. */
    private static String first(String html, String name) {
        return options(html, name).stream().filter(v -> !v.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no option in " + name));
    }

    private static String option(String html, String name, String wanted) {
        return options(html, name).stream().filter(wanted::equals).findFirst().orElseGet(() -> first(html, name));
    }

    private static List<String> options(String html, String name) {
        int at = html.indexOf("name=\"" + name + "\"");
        if (at < 0) {
            throw new IllegalStateException("no select " + name);
        }
        String select = html.substring(at, html.indexOf("</select>", at));
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\"").matcher(select);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String spread(List<Long> ms) {
        if (ms == null || ms.isEmpty()) {
            return "—";
        }
        List<Long> s = ms.stream().sorted().toList();
        return String.format(Locale.ROOT, "%d / %d / %d ms", s.get((s.size() - 1) / 2), s.get((int) Math.ceil(s.size() * 0.95) - 1),
                s.get(s.size() - 1));
    }

    // ---------------------------------------------------------------- the data

    /**
     * The statement with which migration V26 counts the clocks kept before it into the dashboard's
     * tallies: the seeded clocks bypass the application, so they are counted the same way.
     */
    private static String backfill() {
        try (var files = Files.list(Path.of("..", "ejb", "src", "main", "resources", "db", "migration"))) {
            Path v26 = files.filter(f -> f.getFileName().toString().startsWith("V26__")).findFirst().orElseThrow();
            String sql = Files.readString(v26);
            return sql.substring(sql.indexOf("INSERT INTO sla_tally ")).strip().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the tickets and clocks with ids from {@code first} up to {@code end} (excluded), in chunks. */
    private static void insert(PreparedStatement tickets, PreparedStatement clocks, int stamps, LocalDateTime now, long first, long end)
            throws SQLException {
        for (long from = first; from < end; from += CHUNK) {
            long to = Math.min(end, from + CHUNK) - 1;
            for (int i = 1; i <= 3; i++) {
                tickets.setObject(i, now);
            }
            tickets.setLong(4, from);
            tickets.setLong(5, to);
            tickets.executeUpdate();
            for (int i = 1; i <= stamps; i++) {
                clocks.setObject(i, now);
            }
            clocks.setLong(stamps + 1, from);
            clocks.setLong(stamps + 2, to);
            clocks.executeUpdate();
        }
    }

    private static long open(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM sla_clock WHERE state <> 'MET'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Seeds sent tickets with their clocks: {@code OPEN} open ones (5,000 breached up to two days
     * ago with their at-risk and breach alerts, 10,000 at risk due within 1–6 h with their at-risk
     * alert, the rest due 8.5–24 h ahead, so none turns at risk within 2 h) and {@code MET_PER_DAY} met clocks due each of the last 14
     * days (8 % met late), over four teams, every SOP of the domain and 50 agents (two of them the
     * demo's agent and supervisor). No clock is due for a scan or a Qualitor read during the run.
     */
    private static void seed(Connection db) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM sla_clock WHERE id = " + BASE)) {
            r.next();
            if (r.getLong(1) > 0) {
                System.out.println("seeded before: the clocks are in the database already");
                return;
            }
        }
        List<String> sops = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT sop_id FROM sop_bundle ORDER BY sop_id")) {
            while (r.next()) {
                sops.add(r.getString(1));
            }
        }
        StringBuilder sop = new StringBuilder("CASE MOD(X, " + sops.size() + ")");
        for (int i = 0; i < sops.size(); i++) {
            sop.append(" WHEN ").append(i).append(" THEN '").append(sops.get(i)).append('\'');
        }
        sop.append(" END");
        try (Statement s = db.createStatement()) {
            s.executeUpdate("MERGE INTO agent_team (username, team) KEY (username) SELECT 'bench-' || X, 'Bancada ' || MOD(X, 4) FROM SYSTEM_RANGE(2, 49)");
        }
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String tickets = """
                INSERT INTO ticket (id, version, submission_key, sop_id, sop_version, title, customer_document, customer_name,
                  description, phone1, phone2, email, return_hours, state, attempts, next_attempt_at, qualitor_number,
                  created_at, created_by, sent_at, outcome_unknown)
                SELECT X, 0, 'board-bench-' || X, 'perda-de-senha', 1, 'Perda de senha - certificado A1', '11222333000181',
                  'Cliente de carga', 'Carga do benchmark do painel', '(51) 99999-0000', '(51) 3333-0000', 'carga@cliente.com.br',
                  24, 'SENT', 1, CAST(? AS TIMESTAMP), 'P' || X, CAST(? AS TIMESTAMP), 'agent', CAST(? AS TIMESTAMP), FALSE
                FROM SYSTEM_RANGE(?, ?)""";
        // DL: seconds from now to the deadline; K: the clock's place among the open ones
        String open = """
                INSERT INTO sla_clock (id, version, ticket_id, demand_number, sop_id, title, customer_name, agent, team,
                  policy_code, duration_minutes, business_hours, work_start, work_end, at_risk_percent, reminder_minutes, state,
                  started_at, deadline_at, deadline_version, breached_at, next_level, next_alert_at, reminders_sent, next_sync_at, due_at)
                SELECT X, 0, X, 'P' || X, %s, 'Perda de senha - certificado A1', 'Cliente de carga',
                  CASE MOD(X, 50) WHEN 0 THEN 'agent' WHEN 1 THEN 'supervisor' ELSE 'bench-' || MOD(X, 50) END,
                  'Bancada ' || MOD(MOD(X, 50), 4), 'RETORNO-24H', 1440, FALSE, '08:00', '18:00', 75, 240, 'RUNNING',
                  DATEADD(SECOND, DL - 86400, CAST(? AS TIMESTAMP)), DATEADD(SECOND, DL, CAST(? AS TIMESTAMP)), 1,
                  CASE WHEN K < %d THEN DATEADD(SECOND, DL, CAST(? AS TIMESTAMP)) END,
                  CASE WHEN K < %d THEN 'REMINDER' WHEN K < %d THEN 'BREACH' ELSE 'AT_RISK' END,
                  CASE WHEN K < %d THEN DATEADD(SECOND, 7200 + MOD(K, 7200), CAST(? AS TIMESTAMP))
                       WHEN K < %d THEN DATEADD(SECOND, DL, CAST(? AS TIMESTAMP)) ELSE DATEADD(SECOND, DL - 21600, CAST(? AS TIMESTAMP)) END,
                  0, DATEADD(SECOND, 21600 + MOD(X, 3600), CAST(? AS TIMESTAMP)),
                  DATEADD(SECOND, 3600 + MOD(X, 3600), CAST(? AS TIMESTAMP))
                FROM (SELECT X, X - %d AS K,
                        CASE WHEN X - %d < %d THEN -3600 - MOD(X * 7919, 169200)
                             WHEN X - %d < %d THEN 3600 + MOD(X * 7919, 18000)
                             ELSE 30600 + MOD(X * 7919, 55800) END AS DL FROM SYSTEM_RANGE(?, ?)) R"""
                .formatted(sop, BREACHED, BREACHED, BREACHED + AT_RISK, BREACHED, BREACHED + AT_RISK,
                        BASE, BASE, BREACHED, BASE, BREACHED + AT_RISK);
        String met = """
                INSERT INTO sla_clock (id, version, ticket_id, demand_number, sop_id, title, customer_name, agent, team,
                  policy_code, duration_minutes, business_hours, work_start, work_end, at_risk_percent, reminder_minutes, state,
                  started_at, deadline_at, deadline_version, met_at, breached_at, reminders_sent)
                SELECT X, 0, X, 'P' || X, %s, 'Perda de senha - certificado A1', 'Cliente de carga',
                  CASE MOD(X, 50) WHEN 0 THEN 'agent' WHEN 1 THEN 'supervisor' ELSE 'bench-' || MOD(X, 50) END,
                  'Bancada ' || MOD(MOD(X, 50), 4), 'RETORNO-24H', 1440, FALSE, '08:00', '18:00', 75, 240, 'MET',
                  DATEADD(SECOND, -DL - 86400, CAST(? AS TIMESTAMP)), DATEADD(SECOND, -DL, CAST(? AS TIMESTAMP)), 1,
                  DATEADD(SECOND, LEAST(-1, -DL + CASE WHEN MOD(X, 25) < 2 THEN 60 + MOD(X, 7200) ELSE -60 - MOD(X * 31, 20000) END), CAST(? AS TIMESTAMP)),
                  CASE WHEN MOD(X, 25) < 2 THEN DATEADD(SECOND, -DL, CAST(? AS TIMESTAMP)) END, 0
                FROM (SELECT X, 60 + MOD((X - %d) * 7919, %d) AS DL FROM SYSTEM_RANGE(?, ?)) R"""
                .formatted(sop, BASE + OPEN, DAYS * 86400 - 120);
        long metTotal = (long) MET_PER_DAY * DAYS;
        try (PreparedStatement t = db.prepareStatement(tickets); PreparedStatement o = db.prepareStatement(open);
             PreparedStatement m = db.prepareStatement(met)) {
            insert(t, o, 8, now, BASE, BASE + OPEN);
            insert(t, m, 4, now, BASE + OPEN, BASE + OPEN + metTotal);
        }
        try (PreparedStatement a = db.prepareStatement("""
                INSERT INTO sla_alert (id, clock_id, demand_number, policy_code, level, deadline_version, deadline_at, raised_at,
                  raised_by, explanation)
                SELECT C.id * 2 + S.X, C.id, C.demand_number, 'RETORNO-24H', CASE S.X WHEN 0 THEN 'AT_RISK' ELSE 'BREACH' END, 1,
                  C.deadline_at, CASE S.X WHEN 0 THEN DATEADD(HOUR, -6, C.deadline_at) ELSE C.deadline_at END, 'benchmark',
                  'Alerta semeado pelo benchmark do painel.'
                FROM sla_clock C, SYSTEM_RANGE(0, 1) S WHERE C.id BETWEEN ? AND ? AND (S.X = 0 OR C.id < ?)""")) {
            a.setLong(1, BASE);
            a.setLong(2, BASE + BREACHED + AT_RISK - 1);
            a.setLong(3, BASE + BREACHED);
            a.executeUpdate();
        }
        long tallied = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM sla_tally");
            s.executeUpdate(backfill());
        }
        System.out.printf(Locale.ROOT, "seeded %,d open and %,d met clocks with their tickets, and the alerts of the at-risk and breached ones"
                + " (%.1f s), then counted them into the dashboard's tallies with the migration's own statement (%.1f s)%n",
                OPEN, metTotal, (tallied - started) / 1e9, (System.nanoTime() - tallied) / 1e9);
    }
}
