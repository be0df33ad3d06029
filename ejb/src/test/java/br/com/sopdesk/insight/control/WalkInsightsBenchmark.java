package br.com.sopdesk.insight.control;

import br.com.sopdesk.platform.TestUnit;
import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.control.SlaBoards;
import br.com.sopdesk.sop.control.SopBundleJson;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Times the insights page's views over a year of walk records (BENCHMARKS.md): seeds
 * {@code bench.walks} walks (a million by default) over the 365 days before now across the seed
 * SOPs, with a ticket and a SLA clock for each escalation, straight into a database migrated by
 * Flyway ({@code INSERT ... SELECT} from the database's own row generator), runs the walk-days job
 * ({@link WalkDays}, unless {@code -Dbench.rollup=false}), then calls {@link WalkInsights} itself,
 * through EclipseLink, as the page does. Not a test: run by the
 * {@code bench-insights} profile of the ejb module, on H2 (a file database, as the demo) and, when
 * {@code bench.pg.url} is given, on PostgreSQL.
 */
public final class WalkInsightsBenchmark {

    static final int WALKS = Integer.getInteger("bench.walks", 1_000_000);
    static final int REPEATS = Integer.getInteger("bench.repeats", 5);
    static final int CHUNK = 50_000;
    /** Whether the walk-days job counts the closed days first (as it does every 15 minutes on a server). */
    static final boolean ROLLUP = Boolean.parseBoolean(System.getProperty("bench.rollup", "true"));
    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** Seconds between two walks' starts, so the walks fill the year before now. */
    static final double SPACING = 365.0 * 86_400 / WALKS;

    private WalkInsightsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<SopBundle> sops = seedSops();
        System.out.printf(Locale.ROOT, "%s; %d cores; %s; /proc/loadavg %s%n", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), sops.size() + " SOPs", loadavg());
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-insights"));
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        run("H2 " + org.h2.engine.Constants.VERSION + " (file database)", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("sopdesk")
                + ";AUTO_COMPACT_FILL_RATE=50", "sa", "", "SYSTEM_RANGE", null, sops);
        String pg = System.getProperty("bench.pg.url", "");
        if (pg.startsWith("jdbc:postgresql:")) {
            String user = System.getProperty("bench.pg.user");
            String password = System.getProperty("bench.pg.password");
            try (Connection c = DriverManager.getConnection(pg, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS bench_insights CASCADE");
                s.execute("CREATE SCHEMA bench_insights");
            }
            String url = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=bench_insights";
            run("PostgreSQL", url, user, password, "GENERATE_SERIES", "bench_insights", sops);
        }
    }

    static void run(String name, String url, String user, String password, String generator, String schema, List<SopBundle> sops)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s, %,d walks ==%n", name, WALKS);
        var flyway = Flyway.configure().dataSource(url, user, password)
                .locations(SchemaMigration.locations(name.startsWith("PostgreSQL") ? "PostgreSQL" : "H2"));
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            long t0 = System.nanoTime();
            long escalations = seed(db, generator, sops);
            if (schema != null) {
                try (Statement s = db.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
            System.out.printf(Locale.ROOT, "seeded %,d walks, %,d tickets and SLA clocks in %.1f s%n", WALKS, escalations,
                    (System.nanoTime() - t0) / 1e9);
        }
        EntityManagerFactory emf = TestUnit.open(url, user, password, "WARNING");
        try {
            if (ROLLUP) {
                long t0 = System.nanoTime();
                int first = rollDays(emf);
                long t1 = System.nanoTime();
                int again = rollDays(emf);
                System.out.printf(Locale.ROOT, "walk-days job: first run counted %d days in %.1f s; the next run %d days in %d ms%n", first,
                        (t1 - t0) / 1e9, again, (System.nanoTime() - t1) / 1_000_000);
            }
            time(emf, sops.get(0));
        } finally {
            emf.close();
        }
    }

    /** The walk-days job, a day per transaction as on the server; returns the days it counted. */
    static int rollDays(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            WalkDayStore store = new WalkDayStore() {
                @Override
                public void roll(java.time.LocalDate day, Instant from, Instant to) {
                    em.getTransaction().begin();
                    super.roll(day, from, to);
                    em.getTransaction().commit();
                }
            };
            store.em = em;
            WalkDays days = new WalkDays();
            days.store = store;
            days.clock = java.time.Clock.fixed(NOW, ZoneOffset.UTC);
            return days.roll(NOW, ZONE, NOW.plusSeconds(3600));
        } finally {
            em.close();
        }
    }

    /** Seeds the walks, and a ticket and clock for each escalation; returns how many escalations. */
    static long seed(Connection db, String generator, List<SopBundle> sops) throws SQLException {
        db.setAutoCommit(false);
        StringBuilder sop = new StringBuilder("CASE MOD(X, ").append(sops.size()).append(')');
        for (int i = 0; i < sops.size(); i++) {
            sop.append(" WHEN ").append(i).append(" THEN '").append(sops.get(i).id()).append('\'');
        }
        sop.append(" END");
        List<String> nodes = WalkInsights.pathOrder(sops.get(0));
        StringBuilder node = new StringBuilder("CASE MOD(X / 7, ").append(nodes.size()).append(')');
        for (int i = 0; i < nodes.size(); i++) {
            node.append(" WHEN ").append(i).append(" THEN '").append(nodes.get(i)).append('\'');
        }
        node.append(" END");
        // the state by X * 37 mod 100: 45 % solved, 30 % escalated, 5 % reiterated, 3 % restarted, 3 % followed, 13 % abandoned, 1 % open
        String state = "CASE WHEN P < 45 THEN 'SOLVED' WHEN P < 75 THEN 'ESCALATED' WHEN P < 80 THEN 'REITERATED' WHEN P < 83 THEN 'RESTARTED'"
                + " WHEN P < 86 THEN 'FOLLOWED' WHEN P < 99 THEN 'ABANDONED' ELSE 'OPEN' END";
        String from = " FROM (SELECT X, MOD(X * 37, 100) AS P, CAST(? AS TIMESTAMP) + CAST(X * " + SPACING + " AS BIGINT) * INTERVAL '1' SECOND AS S"
                + " FROM " + generator + "(?, ?) G(X)) R";
        String walks = "INSERT INTO sop_walk_record (id, sop_id, sop_version, agent, started_at, last_at, last_node, path, state, ended_at,"
                + " ticket_id, demand_action_id, category)"
                + " SELECT X, " + sop + ", 1, 'agente' || MOD(X, 40), S, S + 90 * INTERVAL '1' SECOND, " + node + ", 'tipo,' || " + node + ", " + state + ","
                + " CASE WHEN P < 99 THEN S + 90 * INTERVAL '1' SECOND END, CASE WHEN P >= 45 AND P < 75 THEN X END,"
                + " CASE WHEN P >= 75 AND P < 83 THEN X END, CASE WHEN P >= 45 AND P < 75 THEN CASE MOD(X, 4) WHEN 0 THEN '32' WHEN 1 THEN '35'"
                + " WHEN 2 THEN '40' ELSE '41' END END" + from;
        String tickets = "INSERT INTO ticket (id, version, submission_key, sop_id, sop_version, title, customer_document, customer_name,"
                + " description, phone1, phone2, email, return_hours, state, attempts, next_attempt_at, qualitor_number, created_at, created_by,"
                + " sent_at, outcome_unknown)"
                + " SELECT X, 0, 'walk-bench-' || X, " + sop + ", 1, 'Chamado do benchmark', '11222333000181', 'Cliente de carga',"
                + " 'Carga do benchmark de percursos', '(51) 99999-0000', '(51) 3333-0000', 'carga@cliente.com.br', 24, 'SENT', 1, S,"
                + " 'W' || X, S, 'agent', S, FALSE" + from + " WHERE P >= 45 AND P < 75";
        // met on time four times in five; deadlines a day after the walk
        String clocks = "INSERT INTO sla_clock (id, version, ticket_id, demand_number, sop_id, title, customer_name, agent, team, policy_code,"
                + " duration_minutes, business_hours, work_start, work_end, at_risk_percent, reminder_minutes, state, started_at, deadline_at,"
                + " deadline_version, met_at, reminders_sent)"
                + " SELECT X, 0, X, 'W' || X, " + sop + ", 'Chamado do benchmark', 'Cliente de carga', 'agent', 'Suporte N1', 'RETORNO-24H',"
                + " 1440, FALSE, '08:00', '18:00', 75, 240, 'MET', S, S + 86400 * INTERVAL '1' SECOND, 1,"
                + " S + (CASE WHEN MOD(X, 5) = 0 THEN 90000 ELSE 43200 END) * INTERVAL '1' SECOND, 0" + from + " WHERE P >= 45 AND P < 75";
        Instant start = NOW.minus(Duration.ofDays(365));
        long escalations = 0;
        for (String sql : List.of(walks, tickets, clocks)) {
            try (PreparedStatement p = db.prepareStatement(sql)) {
                for (long lo = 1; lo <= WALKS; lo += CHUNK) {
                    p.setObject(1, Utc.of(start));
                    p.setLong(2, lo);
                    p.setLong(3, Math.min(WALKS, lo + CHUNK - 1));
                    int n = p.executeUpdate();
                    if (sql == clocks) {
                        escalations += n;
                    }
                    db.commit();
                }
            }
        }
        db.setAutoCommit(true);
        return escalations;
    }

    /**
     * Each view of the page for the last 7, 30, 90 and 365 days, and each of its queries alone: the
     * first call, then the fastest of the repeats. Every call ends its period a second later than the
     * one before, so no database answers from a result it kept.
     */
    static void time(EntityManagerFactory emf, SopBundle one) {
        int[] shift = {0};
        System.out.println("| period | view or query | first | fastest of " + REPEATS + " | all |");
        System.out.println("|---|---|---:|---:|---|");
        for (int days : List.of(7, 30, 90, 365)) {
            Duration length = Duration.ofDays(days);
            view(emf, days, "**view: every SOP** (figures, SLA per SOP, escalations per category)", shift, (insights, now) -> {
                var period = new WalkInsights.Period(now.minus(length), now.plusSeconds(1));
                var o = insights.overview(period, null, now);
                var f = o.figures();
                var c = o.categories();
                return f.stream().mapToLong(WalkFigures::started).sum() + " walks, " + f.size() + " SOPs, " + c.size() + " categories";
            });
            view(emf, days, "**view: one SOP** (its figures and SLA, funnel, categories)", shift, (insights, now) -> {
                var period = new WalkInsights.Period(now.minus(length), now.plusSeconds(1));
                var o = insights.overview(period, one.id(), now);
                var f = o.figures();
                var n = insights.abandonedAt(period, one, now);
                var c = o.categories();
                return f.get(0).started() + " walks, " + n.stream().mapToLong(WalkInsights.NodeCount::walks).sum() + " abandoned at "
                        + n.size() + " nodes, " + c.size() + " categories";
            });
            view(emf, days, "query: SLA attainment per SOP (SlaBoard)", shift, (insights, now) ->
                    insights.board.attainmentBySop(now.minus(length), now.plusSeconds(1), null, now).size() + " SOPs");
            view(emf, days, "query: funnel of one SOP", shift, (insights, now) ->
                    insights.abandonedAt(new WalkInsights.Period(now.minus(length), now.plusSeconds(1)), one, now).size() + " nodes");
        }
    }

    interface View {
        String read(WalkInsights insights, Instant now);
    }

    static void view(EntityManagerFactory emf, int days, String name, int[] shift, View view) {
        List<Long> samples = new ArrayList<>();
        String answer = null;
        for (int i = 0; i <= REPEATS; i++) {
            EntityManager em = emf.createEntityManager();
            try {
                WalkInsights insights = new WalkInsights() {
                    @Override
                    ZoneId zone() {
                        return ZONE;
                    }
                };
                insights.em = em;
                insights.board = SlaBoards.over(em);
                WalkDayStore store = new WalkDayStore();
                store.em = em;
                insights.days = store;
                Instant now = NOW.plusSeconds(++shift[0]);
                long t0 = System.nanoTime();
                answer = view.read(insights, now);
                samples.add((System.nanoTime() - t0) / 1_000_000);
            } finally {
                em.close();
            }
        }
        long fastest = samples.subList(1, samples.size()).stream().mapToLong(Long::longValue).min().orElse(samples.get(0));
        System.out.printf(Locale.ROOT, "| %d days | %s: %s | %,d ms | %,d ms | %s |%n", days, name, answer, samples.get(0), fastest,
                samples.subList(1, samples.size()));
    }

    static List<SopBundle> seedSops() throws IOException {
        List<SopBundle> out = new ArrayList<>();
        for (String line : text("sops/index.txt").lines().toList()) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                out.add(SopBundleJson.read(text("sops/" + file)));
            }
        }
        out.sort(Comparator.comparing(b -> "perda-de-senha".equals(b.id()) ? "" : b.id()));
        return out;
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = WalkInsightsBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

}
