package br.com.sopdesk.insight.control;

import br.com.sopdesk.platform.TestUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.insight.entity.WalkRecord;
import br.com.sopdesk.insight.entity.WalkState;
import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.control.SlaBoards;
import br.com.sopdesk.sop.control.SopBundleJson;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walk records and the figures counted over them, on a real database built by the Flyway
 * migrations, through EclipseLink: a small hand-made set of walks (recorded by {@link WalkLog} as
 * the page records them) gives exactly the counts, funnel, categories and SLA attainment expected.
 * {@link WalkInsightsPostgresTest} runs the same on the PostgreSQL test database.
 */
class WalkInsightsTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final WalkInsights.Period LAST_30_DAYS = new WalkInsights.Period(NOW.minus(Duration.ofDays(30)), NOW.plusSeconds(1));

    /** Which certificate type (A: a step, then did it work; B: reiterate a demand; C: another SOP owns the case). */
    static final SopBundle SOP = SopBundleJson.read("""
            {"id": "insights-a", "version": 2, "seed": "990", "title": "Insights A", "keywords": ["insights"], "start": "tipo",
             "nodes": [
               {"id": "tipo", "kind": "QUESTION", "title": "Tipo do certificado",
                "options": [{"value": "A", "label": "A1", "next": "passo"}, {"value": "B", "label": "Demanda aberta", "next": "reit"},
                            {"value": "C", "label": "Outro caso", "next": "seguir"}]},
               {"id": "passo", "kind": "STEP", "title": "Reinstale o certificado", "next": "ok"},
               {"id": "ok", "kind": "QUESTION", "title": "Resolveu?",
                "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "sobe"}]},
               {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Resolvido"},
               {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
               {"id": "reit", "kind": "OUTCOME", "outcome": "REITERATE", "title": "Reiterar"},
               {"id": "seguir", "kind": "OUTCOME", "outcome": "FOLLOW", "sop": "insights-b", "title": "Siga o outro SOP"}],
             "qualitor": {"ticketType": "5", "category": "35", "location": "4", "severity": "2"}}
            """);

    static final SopBundle OTHER = SopBundleJson.read("""
            {"id": "insights-b", "version": 1, "seed": "991", "title": "Insights B", "keywords": ["insights"], "start": "sobe",
             "nodes": [{"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"}],
             "qualitor": {"ticketType": "5", "category": "40", "location": "4", "severity": "2"}}
            """);

    EntityManagerFactory emf;

    /** JDBC settings of a fresh, migrated database; H2 in memory here. */
    Map<String, String> freshDatabase() throws SQLException {
        String url = "jdbc:h2:mem:insights" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(SchemaMigration.locations("H2")).load().migrate();
        return Map.of("url", url, "user", "sa", "password", "");
    }

    @BeforeEach
    void open() throws SQLException {
        Map<String, String> db = freshDatabase();
        emf = TestUnit.open(db.get("url"), db.get("user"), db.get("password"), "WARNING");
    }

    @AfterEach
    void close() {
        emf.close();
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        return TestUnit.inTransaction(emf, work);
    }

    static WalkLog log(EntityManager em, Instant at) {
        WalkLog log = new WalkLog();
        log.em = em;
        log.clock = Clock.fixed(at, ZoneOffset.UTC);
        return log;
    }

    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    static WalkInsights insights(EntityManager em) {
        WalkInsights insights = new WalkInsights() {
            @Override
            ZoneId zone() {
                return ZONE;
            }
        };
        insights.em = em;
        insights.board = SlaBoards.over(em);
        insights.days = dayStore(em);
        return insights;
    }

    static WalkDayStore dayStore(EntityManager em) {
        WalkDayStore store = new WalkDayStore();
        store.em = em;
        return store;
    }

    /** The walk-days job at {@code now}: returns the days it counted. */
    int rollDays(Instant now) {
        return inTransaction(em -> {
            WalkDays days = new WalkDays();
            days.store = dayStore(em);
            days.clock = Clock.fixed(now, ZoneOffset.UTC);
            return days.roll(now, ZONE, now.plusSeconds(60));
        });
    }

    /** An agent opens the SOP {@code ago} before now and gives {@code answers} at once: the walk's id. */
    long walk(SopBundle sop, String agent, Duration ago, Map<String, String> answers) {
        Instant at = NOW.minus(ago);
        long id = inTransaction(em -> log(em, at).start(sop, SopWalk.of(sop, Map.of()), agent));
        if (!answers.isEmpty()) {
            inTransaction(em -> {
                log(em, at.plusSeconds(30)).walked(id, SopWalk.of(sop, answers));
                return null;
            });
        }
        return id;
    }

    long ticket(SopBundle sop, String category, Duration ago) {
        return inTransaction(em -> {
            Ticket t = new Ticket(sop.id(), sop.version(), "Escalar", Map.of(), "", Map.of(),
                    new Intake("111.444.777-35", "Maria da Silva", "Cliente perdeu a senha do certificado A1", "(51) 99999-0000",
                            "(51) 3333-0000", "maria@example.com.br"),
                    new Classification("5", category, "4", "2"), 24, "agent", NOW.minus(ago));
            em.persist(t);
            em.flush();
            return t.getId();
        });
    }

    void ticketed(long walk, long ticketId, Duration ago) {
        inTransaction(em -> {
            log(em, NOW.minus(ago)).ticketed(walk, em.find(Ticket.class, ticketId));
            return null;
        });
    }

    /** The ticket's SLA clock, due {@code dueAgo} before now, met on time or an hour late. */
    void clock(long ticketId, String sopId, Duration dueAgo, boolean metOnTime) {
        inTransaction(em -> {
            var due = Utc.of(NOW.minus(dueAgo));
            em.createNativeQuery("INSERT INTO sla_clock (id, version, ticket_id, demand_number, sop_id, title, customer_name, agent,"
                            + " policy_code, duration_minutes, business_hours, work_start, work_end, at_risk_percent, reminder_minutes,"
                            + " state, started_at, deadline_at, deadline_version, reminders_sent, met_at)"
                            + " VALUES (?1, 1, ?1, ?2, ?3, 'Escalar', 'Maria da Silva', 'agent', 'RETORNO-24H',"
                            + " 1440, FALSE, '08:00', '18:00', 75, 240, ?4, ?5, ?5, 1, 0, ?6)")
                    .setParameter(1, ticketId).setParameter(2, "9" + ticketId).setParameter(3, sopId)
                    .setParameter(4, "MET").setParameter(5, due)
                    .setParameter(6, Utc.of(NOW.minus(dueAgo).plusSeconds(metOnTime ? -600 : 3600))).executeUpdate();
            return null;
        });
    }

    WalkRecord record(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(WalkRecord.class, id);
        } finally {
            em.close();
        }
    }

    @Test
    void everyWalkCountsOnceByHowItEnded() {
        // agent-1, one after the other: solved, escalated, left at "ok" (the next walk starts first), reiterated
        long solved = walk(SOP, "agent-1", Duration.ofDays(5), Map.of("tipo", "A", "ok", "sim"));
        long escalated = walk(SOP, "agent-1", Duration.ofDays(4), Map.of("tipo", "A", "ok", "nao"));
        long ticket = ticket(SOP, "35", Duration.ofDays(4));
        ticketed(escalated, ticket, Duration.ofDays(4).minusMinutes(5));
        clock(ticket, SOP.id(), Duration.ofDays(3), true);
        long left = walk(SOP, "agent-1", Duration.ofDays(3), Map.of("tipo", "A"));
        long reiterated = walk(SOP, "agent-1", Duration.ofDays(2), Map.of("tipo", "B"));
        inTransaction(em -> {
            DemandAction a = new DemandAction(DemandAction.Kind.REITERATE, "4321", "O cliente não teve retorno", SOP.id(), 2, "agent-1",
                    NOW.minus(Duration.ofDays(2)));
            em.persist(a);
            em.flush();
            log(em, NOW.minus(Duration.ofDays(2))).demanded(reiterated, a);
            return null;
        });
        // agent-2: one left unanswered three hours ago, one opened ten minutes ago, one followed to the other SOP
        walk(SOP, "agent-2", Duration.ofDays(1), Map.of("tipo", "C"));
        long stale = walk(SOP, "agent-2", Duration.ofHours(3), Map.of());
        walk(SOP, "agent-3", Duration.ofMinutes(10), Map.of("tipo", "A"));
        // another SOP's escalation, whose ticket breached its SLA; and a walk of SOP A before the period
        long other = walk(OTHER, "agent-4", Duration.ofDays(6), Map.of());
        long otherTicket = ticket(OTHER, "40", Duration.ofDays(6));
        ticketed(other, otherTicket, Duration.ofDays(6));
        clock(otherTicket, OTHER.id(), Duration.ofDays(5), false);
        walk(SOP, "agent-5", Duration.ofDays(40), Map.of("tipo", "A", "ok", "sim"));

        assertEquals(WalkState.SOLVED, record(solved).getState());
        assertEquals(WalkState.ABANDONED, record(left).getState(), "agent-1 started another walk first");
        assertEquals("ok", record(left).getLastNode());
        assertEquals("tipo,passo,ok", record(left).getPath());
        assertEquals(ticket, record(escalated).getTicketId());
        assertEquals("35", record(escalated).getCategory());
        assertEquals(WalkState.OPEN, record(stale).getState(), "open in the table; abandoned when counted, two hours on");

        assertFigures("read from the walks");
        assertEquals(40, rollDays(NOW), "every day from the first walk's to yesterday");
        assertEquals(java.util.Optional.of(java.time.LocalDate.of(2026, 11, 22)), inTransaction(em -> dayStore(em).rolledThrough()));
        assertFigures("the closed days read from sop_walk_day");
        assertEquals(2, rollDays(NOW.plusSeconds(900)), "the last two closed days again");
        assertFigures("after counting the last two days again");
    }

    void assertFigures(String how) {
        WalkInsights.Overview all = inTransaction(em -> insights(em).overview(LAST_30_DAYS, null, NOW));
        List<WalkFigures> figures = all.figures();
        assertEquals(List.of("insights-a", "insights-b"), figures.stream().map(WalkFigures::sopId).toList());
        WalkFigures a = figures.get(0);
        assertEquals(7, a.started(), how);
        assertEquals(1, a.solved());
        assertEquals(1, a.escalated());
        assertEquals(1, a.reiterated());
        assertEquals(0, a.restarted());
        assertEquals(1, a.followed());
        assertEquals(2, a.abandoned(), "left at 'ok' when the agent started another; unanswered for three hours");
        assertEquals(1, a.inProgress());
        assertEquals(14, a.deflectionPercent());
        assertEquals(new SlaBoard.Share(1, 0), a.sla());
        WalkFigures b = figures.get(1);
        assertEquals(1, b.started());
        assertEquals(1, b.escalated());
        assertEquals(new SlaBoard.Share(0, 1), b.sla());

        WalkInsights.Overview onlyA = inTransaction(em -> insights(em).overview(LAST_30_DAYS, "insights-a", NOW));
        assertEquals(List.of(a), onlyA.figures(), "one SOP alone, the same");

        List<WalkInsights.NodeCount> funnel = inTransaction(em -> insights(em).abandonedAt(LAST_30_DAYS, SOP, NOW));
        assertEquals(List.of(new WalkInsights.NodeCount("tipo", "Tipo do certificado", 1), new WalkInsights.NodeCount("ok", "Resolveu?", 1)),
                funnel, "in path order: the first question, then the second");

        assertEquals(List.of(new WalkInsights.CategoryShare("35", 1, 50), new WalkInsights.CategoryShare("40", 1, 50)), all.categories());
        assertEquals(List.of(new WalkInsights.CategoryShare("35", 1, 100)), onlyA.categories());
    }

    @Test
    void aWalkThatEndsAfterItsDayWasCountedCountsByItsOutcomeOnceItsDayIsCountedAgain() {
        long id = walk(SOP, "agent-1", Duration.ofHours(13), Map.of("tipo", "A"));
        rollDays(NOW);
        WalkInsights.Period week = new WalkInsights.Period(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1));
        assertEquals(1, inTransaction(em -> insights(em).overview(week, null, NOW)).figures().get(0).abandoned(), "open on a closed day");
        inTransaction(em -> {
            log(em, NOW).walked(id, SopWalk.of(SOP, Map.of("tipo", "A", "ok", "sim")));
            return null;
        });
        rollDays(NOW.plusSeconds(900));
        WalkFigures later = inTransaction(em -> insights(em).overview(week, null, NOW)).figures().get(0);
        assertEquals(0, later.abandoned());
        assertEquals(1, later.solved());
    }

    @Test
    void anOpenWalkIsInProgressForTwoHoursThenAbandoned() {
        walk(SOP, "agent-1", Duration.ofMinutes(119), Map.of("tipo", "A"));
        WalkInsights.Period today = new WalkInsights.Period(NOW.minus(Duration.ofDays(1)), NOW.plusSeconds(1));
        WalkFigures now = inTransaction(em -> insights(em).overview(today, null, NOW)).figures().get(0);
        assertEquals(1, now.inProgress());
        assertEquals(0, now.abandoned());
        WalkFigures later = inTransaction(em -> insights(em).overview(today, null, NOW.plus(Duration.ofMinutes(2)))).figures().get(0);
        assertEquals(0, later.inProgress());
        assertEquals(1, later.abandoned());
        assertEquals(List.of(new WalkInsights.NodeCount("ok", "Resolveu?", 1)),
                inTransaction(em -> insights(em).abandonedAt(today, SOP, NOW.plus(Duration.ofMinutes(2)))));
    }

    @Test
    void aSolvedWalkReopensWhenAnEarlierAnswerChangesAndASavedOneNeverChanges() {
        long id = walk(SOP, "agent-1", Duration.ofMinutes(30), Map.of("tipo", "A", "ok", "sim"));
        assertEquals(WalkState.SOLVED, record(id).getState());
        inTransaction(em -> {
            log(em, NOW.minus(Duration.ofMinutes(20))).walked(id, SopWalk.of(SOP, Map.of("tipo", "A")));
            return null;
        });
        assertEquals(WalkState.OPEN, record(id).getState());
        assertNull(record(id).getEndedAt());
        inTransaction(em -> {
            log(em, NOW.minus(Duration.ofMinutes(19))).walked(id, SopWalk.of(SOP, Map.of("tipo", "A", "ok", "nao")));
            return null;
        });
        long ticket = ticket(SOP, "35", Duration.ofMinutes(18));
        ticketed(id, ticket, Duration.ofMinutes(18));
        inTransaction(em -> {
            log(em, NOW.minus(Duration.ofMinutes(17))).walked(id, SopWalk.of(SOP, Map.of("tipo", "A", "ok", "sim")));
            return null;
        });
        WalkRecord saved = record(id);
        assertEquals(WalkState.ESCALATED, saved.getState());
        assertEquals("sobe", saved.getLastNode());
        assertEquals(NOW.minus(Duration.ofMinutes(18)), saved.getEndedAt());
    }

    @Test
    void anAbandonedWalkTheAgentComesBackToCountsByItsOutcome() {
        long first = walk(SOP, "agent-1", Duration.ofMinutes(30), Map.of("tipo", "A"));
        walk(SOP, "agent-1", Duration.ofMinutes(20), Map.of());
        assertEquals(WalkState.ABANDONED, record(first).getState());
        inTransaction(em -> {
            log(em, NOW.minus(Duration.ofMinutes(10))).walked(first, SopWalk.of(SOP, Map.of("tipo", "A", "ok", "sim")));
            return null;
        });
        assertEquals(WalkState.SOLVED, record(first).getState());
    }

    @Test
    void theFunnelFollowsThePathOrderOfTheSop() {
        assertEquals(List.of("tipo", "passo", "reit", "seguir", "ok", "fim", "sobe"), WalkInsights.pathOrder(SOP));
    }
}
