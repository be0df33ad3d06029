package br.com.sopdesk.retention.control;

import br.com.sopdesk.platform.TestUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import br.com.sopdesk.platform.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention job's database steps against a real database built by the Flyway migrations,
 * through EclipseLink: finished tickets past the period lose the customer's data, nothing else
 * does, batches add up, and the lease lets one holder at a time. {@link RetentionStorePostgresTest}
 * runs the same on the PostgreSQL test database.
 */
class RetentionStoreTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final RetentionPolicy POLICY = new RetentionPolicy(365);
    static final Instant CUTOFF = POLICY.cutoff(NOW).orElseThrow();

    EntityManagerFactory emf;

    /** JDBC settings of a fresh, migrated database; H2 in memory here. */
    Map<String, String> freshDatabase() throws SQLException {
        String url = "jdbc:h2:mem:retention" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
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

    RetentionStore store(EntityManager em) {
        RetentionStore store = new RetentionStore();
        store.em = em;
        return store;
    }

    int anonymizeTickets(Instant now, int max) {
        return inTransaction(em -> store(em).anonymizeTickets(CUTOFF, now, max));
    }

    int anonymizeDemandActions(Instant now, int max) {
        return inTransaction(em -> store(em).anonymizeDemandActions(CUTOFF, now, max));
    }

    boolean takeLease(String holder, Instant now, Duration lease) {
        return inTransaction(em -> store(em).takeLease(holder, now, lease));
    }

    long ticket(TicketState state, long daysOld, String email) {
        return inTransaction(em -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("cei", "123456789012");
            Ticket t = new Ticket("perda-de-senha", 1, "Perda de senha A1", Map.of("tipo", "A1"), "tipo: A1",
                    fields, new Intake("111.444.777-35", "Maria da Silva", "Cliente perdeu a senha do certificado A1",
                    "(51) 99999-0000", "(51) 3333-0000", email),
                    new Classification("1", "32", "1", "3"), 24, "agent", NOW.minus(Duration.ofDays(daysOld)));
            em.persist(t);
            switch (state) {
                case SENT -> t.sent("1234", "Aberto", NOW.minus(Duration.ofDays(daysOld)));
                case REJECTED -> t.getDelivery().refused("Qualitor recusou: contato 111.444.777-35 sem cadastro");
                case SENDING -> em.flush();
                default -> {
                }
            }
            em.flush();
            if (state == TicketState.SENDING) {
                em.createQuery("update Ticket t set t.delivery.state = :s where t.id = :id")
                        .setParameter("s", br.com.sopdesk.outbox.entity.DeliveryState.SENDING).setParameter("id", t.getId()).executeUpdate();
            }
            return t.getId();
        });
    }

    Ticket reload(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            Ticket t = em.find(Ticket.class, id);
            t.getFields(); // lazy collections, read while open
            t.getAnswers();
            return t;
        } finally {
            em.close();
        }
    }

    @Test
    void finishedTicketsPastThePeriodLoseTheCustomersDataAndNothingElseDoes() {
        Map<Long, Boolean> expected = new LinkedHashMap<>();
        Object[][] cases = {
                {TicketState.SENT, 400L}, {TicketState.REJECTED, 400L}, {TicketState.SENT, 366L},
                {TicketState.QUEUED, 400L}, {TicketState.SENDING, 400L}, {TicketState.SENT, 10L},
                {TicketState.REJECTED, 364L}};
        int n = 0;
        for (Object[] c : cases) {
            TicketState state = (TicketState) c[0];
            long days = (Long) c[1];
            long id = ticket(state, days, "cliente" + (n++) + "@example.com.br");
            expected.put(id, POLICY.expired(state.isFinished(), NOW.minus(Duration.ofDays(days)), false, NOW));
        }
        assertEquals(3, expected.values().stream().filter(b -> b).count(), "the rule picks the three finished old ones");

        // batches of two: 2 + 1, then nothing left
        assertEquals(2, anonymizeTickets(NOW, 2));
        assertEquals(1, anonymizeTickets(NOW, 2));
        assertEquals(0, anonymizeTickets(NOW, 2));

        expected.forEach((id, anonymized) -> {
            Ticket t = reload(id);
            Intake in = t.getIntake();
            if (anonymized) {
                assertEquals(Ticket.ANONYMIZED, in.getDocument());
                assertEquals(Ticket.ANONYMIZED, in.getCustomerName());
                assertEquals(Ticket.ANONYMIZED, in.getDescription());
                assertEquals(Ticket.ANONYMIZED, in.getPhone1());
                assertEquals(Ticket.ANONYMIZED, in.getPhone2());
                assertEquals(Ticket.ANONYMIZED, in.getEmail());
                assertEquals(Ticket.ANONYMIZED, in.getTriedSolution());
                assertTrue(t.getFields().isEmpty(), "the SOP's own fields are deleted");
                assertNull(t.getLastError());
                assertEquals(Utc.instant(Utc.of(NOW)), t.getAnonymizedAt());
                assertEquals(Map.of("tipo", "A1"), t.getAnswers(), "the SOP path stays for statistics");
                assertEquals("perda-de-senha", t.getSopId());
            } else {
                assertEquals("11144477735", in.getDocument());
                assertEquals("Maria da Silva", in.getCustomerName());
                assertEquals(Map.of("cei", "123456789012"), t.getFields());
                assertNull(t.getAnonymizedAt());
            }
        });
        // nowhere in the table is the customer's data of the anonymized tickets
        long left = inTransaction(em -> (Long) em.createQuery(
                "select count(t) from Ticket t where t.intake.document = '11144477735' or t.intake.customerName = 'Maria da Silva'")
                .getSingleResult());
        assertEquals(expected.values().stream().filter(b -> !b).count(), left);
    }

    @Test
    void aBatchAlreadyDoneByAnotherInstanceIsNotCountedAgain() {
        ticket(TicketState.SENT, 500, "a@example.com");
        ticket(TicketState.SENT, 500, "b@example.com");
        assertEquals(2, anonymizeTickets(NOW, 10));
        assertEquals(0, anonymizeTickets(NOW.plusSeconds(60), 10));
    }

    @Test
    void finishedDemandRequestsPastThePeriodLoseTheReason() {
        long done = demandAction(true, 400);
        long pending = demandAction(false, 400);
        long recent = demandAction(true, 30);
        assertEquals(1, anonymizeDemandActions(NOW, 10));
        assertEquals(0, anonymizeDemandActions(NOW, 10));
        assertEquals(Ticket.ANONYMIZED, reason(done));
        assertEquals("Cliente Maria, CPF 111.444.777-35, diz que a resposta não resolveu", reason(pending));
        assertEquals("Cliente Maria, CPF 111.444.777-35, diz que a resposta não resolveu", reason(recent));
    }

    long demandAction(boolean finished, long daysOld) {
        return inTransaction(em -> {
            DemandAction a = new DemandAction(DemandAction.Kind.RESTART, "4321",
                    "Cliente Maria, CPF 111.444.777-35, diz que a resposta não resolveu", "reiniciar-demanda", 1, "agent", Instant.now());
            if (finished) {
                a.done(Instant.now());
            }
            em.persist(a);
            em.flush();
            em.createQuery("update DemandAction d set d.createdAt = :at where d.id = :id")
                    .setParameter("at", Utc.of(NOW.minus(Duration.ofDays(daysOld)))).setParameter("id", a.getId())
                    .executeUpdate();
            return a.getId();
        });
    }

    String reason(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(DemandAction.class, id).getReason();
        } finally {
            em.close();
        }
    }

    int anonymizeSlaComments(int max) {
        return inTransaction(em -> store(em).anonymizeSlaComments(CUTOFF, max));
    }

    /** A clock for a finished ticket, with an alert acknowledged {@code daysOld} ago and its timeline line. */
    long[] acknowledgedAlert(long clockId, long daysOld, String comment) {
        long ticket = ticket(TicketState.SENT, daysOld, "sla" + clockId + "@example.com.br");
        return inTransaction(em -> {
            java.time.LocalDateTime at = Utc.of(NOW.minus(Duration.ofDays(daysOld)));
            em.createNativeQuery("INSERT INTO sla_clock (id, version, ticket_id, demand_number, sop_id, title, customer_name, agent,"
                            + " policy_code, duration_minutes, business_hours, work_start, work_end, at_risk_percent, reminder_minutes,"
                            + " state, started_at, deadline_at, deadline_version, reminders_sent)"
                            + " VALUES (?1, 1, ?2, ?3, 'perda-de-senha', 'Perda de senha A1', 'Maria da Silva', 'agent', 'RETORNO-24H',"
                            + " 1440, FALSE, '08:00', '18:00', 75, 240, 'MET', ?4, ?4, 1, 0)")
                    .setParameter(1, clockId).setParameter(2, ticket).setParameter(3, "9" + clockId).setParameter(4, at).executeUpdate();
            em.createNativeQuery("INSERT INTO sla_alert (id, clock_id, demand_number, policy_code, level, deadline_version, deadline_at,"
                            + " raised_at, raised_by, explanation, acknowledged_at, acknowledged_by, ack_comment)"
                            + " VALUES (?1, ?1, ?2, 'RETORNO-24H', 'BREACH', 1, ?3, ?3, 'teste', 'vencido', ?3, 'supervisor', ?4)")
                    .setParameter(1, clockId).setParameter(2, "9" + clockId).setParameter(3, at).setParameter(4, comment).executeUpdate();
            em.createNativeQuery("INSERT INTO sla_event (id, clock_id, at, kind, detail) VALUES (?1, ?2, ?3, 'ACKNOWLEDGED', ?4), (?5, ?2, ?3, 'CREATED', ?6)")
                    .setParameter(1, clockId * 10).setParameter(2, clockId).setParameter(3, at)
                    .setParameter(4, "Alerta BREACH reconhecido por supervisor: " + comment)
                    .setParameter(5, clockId * 10 + 1).setParameter(6, "Demanda 9" + clockId + " criada").executeUpdate();
            return new long[]{clockId, clockId * 10, clockId * 10 + 1};
        });
    }

    String column(String sql, long id) {
        return inTransaction(em -> (String) em.createNativeQuery(sql).setParameter(1, id).getSingleResult());
    }

    @Test
    void acknowledgementCommentsPastThePeriodAreCleared() {
        String comment = "Falei com a Maria da Silva, CPF 111.444.777-35: retorno amanhã";
        long[] old = acknowledgedAlert(7001, 400, comment);
        long[] recent = acknowledgedAlert(7002, 30, comment);

        assertEquals(2, anonymizeSlaComments(10), "the old alert's comment and its timeline line");
        assertEquals(0, anonymizeSlaComments(10), "each only once");

        assertEquals(Ticket.ANONYMIZED, column("SELECT ack_comment FROM sla_alert WHERE id = ?1", old[0]));
        assertEquals("supervisor", column("SELECT acknowledged_by FROM sla_alert WHERE id = ?1", old[0]), "who acknowledged stays");
        assertEquals(Ticket.ANONYMIZED, column("SELECT detail FROM sla_event WHERE id = ?1", old[1]));
        assertEquals("Demanda 97001 criada", column("SELECT detail FROM sla_event WHERE id = ?1", old[2]), "other timeline lines stay");
        assertEquals(comment, column("SELECT ack_comment FROM sla_alert WHERE id = ?1", recent[0]));
        assertTrue(column("SELECT detail FROM sla_event WHERE id = ?1", recent[1]).endsWith(comment));
    }

    /** A walk record started {@code daysOld} ago. */
    void walkRecord(long id, long daysOld) {
        inTransaction(em -> em.createNativeQuery("INSERT INTO sop_walk_record (id, sop_id, sop_version, agent, started_at, last_at,"
                        + " last_node, path, state) VALUES (?1, 'perda-de-senha', 1, 'agent', ?2, ?2, 'tipo', 'tipo', 'ABANDONED')")
                .setParameter(1, id).setParameter(2, Utc.of(NOW.minus(Duration.ofDays(daysOld)))).executeUpdate());
    }

    @Test
    void walkRecordsPastTheirPeriodAreDeletedInBatches() {
        walkRecord(1, 400);
        walkRecord(2, 366);
        walkRecord(3, 500);
        walkRecord(4, 364);
        walkRecord(5, 1);
        inTransaction(em -> em.createNativeQuery("INSERT INTO sop_walk_day (walk_day, sop_id, state, category, last_node, walks)"
                + " VALUES (?1, 'perda-de-senha', 'SOLVED', '', '', 3), (?2, 'perda-de-senha', 'SOLVED', '', '', 4)")
                .setParameter(1, java.sql.Date.valueOf("2025-11-01")).setParameter(2, java.sql.Date.valueOf("2026-11-01")).executeUpdate());
        assertEquals(2, (int) inTransaction(em -> store(em).deleteWalks(CUTOFF, 2)));
        assertEquals(1, (int) inTransaction(em -> store(em).deleteWalks(CUTOFF, 2)));
        assertEquals(0, (int) inTransaction(em -> store(em).deleteWalks(CUTOFF, 2)));
        assertEquals(List.of(4L, 5L), inTransaction(em -> em.createNativeQuery("SELECT id FROM sop_walk_record ORDER BY id").getResultList())
                .stream().map(id -> ((Number) id).longValue()).toList());
        assertEquals(List.of(4L), inTransaction(em -> em.createNativeQuery("SELECT walks FROM sop_walk_day").getResultList())
                .stream().map(n -> ((Number) n).longValue()).toList(), "the daily counts of the days past the period go too");
    }

    @Test
    void oneHolderAtATimeUntilTheLeaseRunsOut() {
        Duration lease = Duration.ofMinutes(10);
        assertTrue(takeLease("instance-a", NOW, lease));
        assertFalse(takeLease("instance-b", NOW.plusSeconds(30), lease));
        assertFalse(takeLease("instance-a", NOW.plusSeconds(60), lease), "not twice either");
        assertTrue(takeLease("instance-b", NOW.plus(lease).plusSeconds(1), lease));
    }
}
