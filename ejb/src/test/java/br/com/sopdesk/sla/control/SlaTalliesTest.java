package br.com.sopdesk.sla.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.platform.TestUnit;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sla.entity.ClockSubject;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.Observation;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SyncCadence;
import br.com.sopdesk.sla.entity.TallyKey;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's daily tallies on a database the migrations built: where a clock counts as it is
 * met or breached, the changes recorded and folded without counting twice, the filters, the
 * migration's count of the clocks kept before it, and the standings' counts through their indexes.
 */
class SlaTalliesTest {

    static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    /** Monday 23 Nov 2026, 10:00 in São Paulo. */
    static final Instant T0 = Instant.parse("2026-11-23T13:00:00Z");

    String url;
    EntityManagerFactory emf;

    @BeforeEach
    void open() {
        url = "jdbc:h2:mem:slatally" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    void migrate(String target) {
        Flyway.configure().dataSource(url, "sa", "").locations(SchemaMigration.locations("H2")).target(target).load().migrate();
        if (emf == null) {
            emf = TestUnit.open(url, "sa", "", "WARNING");
        }
    }

    @AfterEach
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        return TestUnit.inTransaction(emf, work);
    }

    SlaSettings settings() {
        SlaSettings s = new SlaSettings();
        s.zone = SP.getId();
        return s;
    }

    SlaTallies tallies(EntityManager em) {
        SlaTallies t = new SlaTallies();
        t.em = em;
        t.settings = settings();
        return t;
    }

    SlaBoard board(EntityManager em) {
        SlaBoard b = new SlaBoard();
        b.em = em;
        b.settings = settings();
        b.tallies = tallies(em);
        return b;
    }

    /** A clock of 24 running hours started at {@code started} for {@code agent}; returns its id. */
    long clock(String demand, String agent, Instant started) {
        return inTransaction(em -> {
            Ticket t = new Ticket("perda-de-senha", 1, "Perda de senha A1", Map.of("tipo", "A1"), "tipo: A1", Map.of(),
                    new Intake("111.444.777-35", "Maria da Silva", "Cliente perdeu a senha do certificado A1",
                            "(51) 99999-0000", "(51) 3333-0000", "maria@example.com.br"),
                    new Classification("1", "32", "1", "3"), 24, agent, started);
            em.persist(t);
            t.sent(demand, "Aberto", started);
            em.flush();
            ClockPolicy policy = new ClockPolicy("RET-24H");
            policy.define("Retorno em 24 horas", 1440, false, "08:00", "18:00", "Aguardando cliente", 75, 240, "teste", started);
            SlaClock clock = SlaClock.start(new ClockSubject(t.getId(), demand, "perda-de-senha", "Perda de senha A1", "Maria da Silva",
                    agent, "Suporte N1"), policy, started, d -> false, SP, started, SyncCadence.DEFAULT, new ArrayList<>());
            em.persist(clock);
            em.flush();
            return clock.getId();
        });
    }

    /** Changes a clock as a scan would: records how it moved between tallies in the same transaction. */
    void change(long id, java.util.function.Consumer<SlaClock> what) {
        inTransaction(em -> {
            SlaClock c = em.find(SlaClock.class, id);
            List<TallyKey> before = c.tallies(SP);
            what.accept(c);
            tallies(em).moved(before, c.tallies(SP));
            return null;
        });
    }

    static void meet(SlaClock c, Instant at) {
        c.observe(new Observation("3", "Retornado", null, at, false), at, at, c.getPolicy().getRules().calendar(SP, d -> false),
                SyncCadence.DEFAULT);
    }

    static void breach(SlaClock c) {
        Instant now = c.getDeadlineAt().plusSeconds(1);
        for (var level = c.dueLevel(now); level.isPresent(); level = c.dueLevel(now)) {
            c.levelRaised(level.get(), now, new ArrayList<Happening>(), null);
        }
    }

    List<SlaBoard.Day> attainment(SlaBoard.Filter f, Instant now) {
        return inTransaction(em -> board(em).attainment(3, f, now));
    }

    @Test
    void clocksCountOnTheirDeadlinesDayOnceMetOrBreachedAndFoldingNeverCountsTwice() {
        migrate("26");
        long early = clock("1001", "agent", T0);
        long late = clock("1002", "agent", T0);
        long other = clock("1003", "maria", T0);
        long running = clock("1004", "agent", T0);
        Instant deadline = T0.plus(Duration.ofHours(24));
        change(early, c -> meet(c, T0.plus(Duration.ofHours(2))));
        change(late, c -> breach(c));
        change(late, c -> meet(c, deadline.plus(Duration.ofHours(3))));
        change(other, c -> breach(c));
        Instant now = deadline.plus(Duration.ofHours(4));
        LocalDate due = LocalDate.of(2026, 11, 24);

        List<SlaBoard.Day> days = attainment(SlaBoard.Filter.ALL, now);
        assertEquals(List.of(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 23), due), days.stream().map(SlaBoard.Day::day).toList());
        assertEquals(new SlaBoard.Day(due, 1, 2), days.get(2), "met on time; met late after its breach (counted once); breached");
        assertEquals(new SlaBoard.Day(due, 1, 1), attainment(new SlaBoard.Filter(null, null, null, "agent"), now).get(2));
        assertEquals(new SlaBoard.Day(due, 0, 1), attainment(new SlaBoard.Filter(null, "Suporte N1", null, "maria"), now).get(2));
        assertEquals(new SlaBoard.Day(due, 0, 0), attainment(new SlaBoard.Filter(null, "Outra equipe", null, null), now).get(2));
        assertEquals(2L, (long) inTransaction(em -> board(em).count(new SlaBoard.Filter("MET", null, null, null), now)), "met on the 23rd and the 24th");

        assertEquals(5, (int) inTransaction(em -> tallies(em).fold(now)), "agent's ON_TIME, BREACHED and MET of the 24th and MET of the 23rd;"
                + " maria's BREACHED of the 24th");
        assertEquals(new SlaBoard.Day(due, 1, 2), attainment(SlaBoard.Filter.ALL, now).get(2), "the same after the fold");
        assertEquals(0L, (long) inTransaction(em -> em.createQuery("select count(c) from SlaTallyChange c", Long.class).getSingleResult()));
        assertEquals(0, (int) inTransaction(em -> tallies(em).fold(now)), "nothing left to fold");
        assertEquals(new SlaBoard.Day(due, 1, 2), attainment(SlaBoard.Filter.ALL, now).get(2), "and the same after a second fold");

        change(running, c -> breach(c));
        assertEquals(new SlaBoard.Day(due, 1, 3), attainment(SlaBoard.Filter.ALL, now).get(2), "a change not folded yet counts at once");
    }

    @Test
    void theMigrationTalliesTheClocksKeptBeforeIt() {
        migrate("25");
        long met = clock("2001", "agent", T0);
        long breached = clock("2002", "agent", T0);
        clock("2003", "agent", T0);
        inTransaction(em -> {
            meet(em.find(SlaClock.class, met), T0.plus(Duration.ofHours(1)));
            breach(em.find(SlaClock.class, breached));
            return null;
        });
        migrate("26");
        Instant now = T0.plus(Duration.ofHours(30));
        assertEquals(new SlaBoard.Day(LocalDate.of(2026, 11, 24), 1, 1), attainment(SlaBoard.Filter.ALL, now).get(2));
        assertEquals(1L, (long) inTransaction(em -> board(em).count(new SlaBoard.Filter("MET", null, null, null), now)));
    }

    @Test
    void theStandingsAreCountedPartByPartThroughTheirIndexes() {
        migrate("26");
        long onTrack = clock("3001", "agent", T0);
        long atRisk = clock("3002", "agent", T0.minus(Duration.ofHours(19)));
        long raised = clock("3003", "agent", T0.minus(Duration.ofHours(20)));
        long breached = clock("3004", "agent", T0.minus(Duration.ofHours(25)));
        change(raised, c -> c.levelRaised(c.dueLevel(T0).orElseThrow(), T0, new ArrayList<>(), null));
        Map<String, Long> counts = inTransaction(em -> {
            SlaBoard b = board(em);
            return Map.of("AT_RISK", b.count(new SlaBoard.Filter("AT_RISK", null, null, null), T0),
                    "ON_TRACK", b.count(new SlaBoard.Filter("ON_TRACK", null, null, null), T0),
                    "BREACHED", b.count(new SlaBoard.Filter("BREACHED", null, null, null), T0));
        });
        assertEquals(Map.of("AT_RISK", 2L, "ON_TRACK", 1L, "BREACHED", 1L), counts, "at risk: due and raised");
        List<Long> listed = inTransaction(em -> board(em).clocks(new SlaBoard.Filter("AT_RISK", null, null, null), T0)
                .stream().map(SlaClock::getId).toList());
        assertEquals(List.of(raised, atRisk), listed, "both parts, merged by deadline (the raised one due an hour sooner)");
        assertEquals(List.of(onTrack, atRisk, raised, breached).size(),
                inTransaction(em -> board(em).clocks(SlaBoard.Filter.ALL, T0)).size());
        String plan = inTransaction(em -> String.valueOf(em.createNativeQuery("EXPLAIN SELECT COUNT(*) FROM sla_clock WHERE state = 'RUNNING'"
                + " AND next_level = 'BREACH' AND deadline_at > TIMESTAMP '2026-11-23 13:00:00'").getSingleResult()));
        assertTrue(plan.contains("IX_SLA_CLOCK_STANDING"), plan);
        String list = inTransaction(em -> String.valueOf(em.createNativeQuery("EXPLAIN SELECT id FROM sla_clock WHERE state = 'RUNNING'"
                + " AND next_level = 'BREACH' AND deadline_at > TIMESTAMP '2026-11-23 13:00:00'"
                + " ORDER BY state, next_level, deadline_at FETCH FIRST 500 ROWS ONLY").getSingleResult()));
        assertTrue(list.contains("IX_SLA_CLOCK_STANDING") && list.contains("index sorted"), "read in order, stopping at the rows shown: " + list);
    }
}
