package br.com.sopdesk.outbox.control;

import br.com.sopdesk.platform.TestUnit;
import br.com.sopdesk.platform.Text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.demand.control.DemandOutbox;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.outbox.entity.Backoff;
import br.com.sopdesk.outbox.entity.DeliveryState;
import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.ticket.control.QualitorOutbox;
import br.com.sopdesk.ticket.control.SummaryAttachments;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's claims and records on the real schema (migrated H2, EclipseLink): what is due, who
 * wins a claim, what a lapsed claim becomes, and how a failure is recorded, for the real queues.
 */
class DeliveryStoreTest {

    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(300), 0);
    /** The tickets' own rows, as a queue where nobody can look (as the SLA alerts' is). */
    static final Queue<Ticket> BLIND = new Queue<>(Ticket.class, "delivery", "", Map.of(), true, false, Ticket::getDelivery);

    static EntityManagerFactory emf;

    @BeforeAll
    static void open() {
        String url = "jdbc:h2:mem:outbox" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(SchemaMigration.locations("H2")).load().migrate();
        emf = TestUnit.open(url, "sa", "", "WARNING");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    /** Each test starts from no deliveries at all (one migrated database for the class: migrating is slow). */
    @BeforeEach
    void empty() {
        tx(s -> {
            for (String table : List.of("ticket_answer", "ticket_field", "ticket", "demand_action")) {
                s.em.createNativeQuery("delete from " + table).executeUpdate();
            }
            return null;
        });
        emf.getCache().evictAll();
    }

    <T> T tx(Function<DeliveryStore, T> work) {
        return TestUnit.inTransaction(emf, em -> {
            DeliveryStore store = new DeliveryStore();
            store.em = em;
            return work.apply(store);
        });
    }

    long ticket() {
        return tx(s -> {
            Ticket t = new Ticket("perda-de-senha", 1, "Perda de senha A1", Map.of(), "", Map.of(),
                    new Intake("111.444.777-35", "Maria da Silva", "Cliente perdeu a senha do certificado A1", "(51) 99999-0000",
                            "(51) 3333-0000", "maria@example.com"), new Classification("1", "32", "1", "3"), 24, "agent", NOW);
            s.em.persist(t);
            s.em.flush();
            return t.getId();
        });
    }

    boolean claim(Queue<?> q, long id, String instance, Instant at) {
        return tx(s -> s.claim(q, id, instance, at, LEASE));
    }

    List<Long> due(Queue<?> q, Instant at) {
        return tx(s -> s.due(q, at, 10));
    }

    Ticket reload(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(Ticket.class, id);
        } finally {
            em.close();
        }
    }

    /** A courier that only says where its deliveries live and records what ended them. */
    static class Recorder<T> implements Courier<T, Object> {
        final Queue<T> queue;
        final List<Undelivered> ended = new ArrayList<>();

        Recorder(Queue<T> queue) {
            this.queue = queue;
        }

        @Override
        public Queue<T> queue() {
            return queue;
        }

        @Override
        public Pace pace() {
            return new Pace(LEASE, 1, 10, null, BACKOFF);
        }

        @Override
        public Object send(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public T delivered(long id, Object result) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ended(T entity, Undelivered why) {
            ended.add(why);
        }
    }

    @Test
    void ofTwoInstancesClaimingTheSameDueTicketExactlyOneWins() {
        long id = ticket();
        assertEquals(List.of(id), due(QualitorOutbox.QUEUE, NOW));
        assertTrue(claim(QualitorOutbox.QUEUE, id, "a", NOW));
        assertFalse(claim(QualitorOutbox.QUEUE, id, "b", NOW.plusSeconds(1)));
        Ticket t = reload(id);
        assertEquals(DeliveryState.SENDING, t.getDelivery().getState());
        assertEquals("a", t.getDelivery().getClaimedBy());
        assertEquals(1, t.getAttempts());
        assertEquals(List.of(), due(QualitorOutbox.QUEUE, NOW.plusSeconds(30)), "held by a live claim");
    }

    @Test
    void aLapsedClaimIsTakenOverLookingFirstWhereQualitorCanBeAsked() {
        long id = ticket();
        claim(QualitorOutbox.QUEUE, id, "a", NOW);
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        assertEquals(List.of(id), due(QualitorOutbox.QUEUE, later));
        assertTrue(claim(QualitorOutbox.QUEUE, id, "b", later));
        Ticket t = reload(id);
        assertEquals("b", t.getDelivery().getClaimedBy());
        assertEquals(2, t.getAttempts());
        assertTrue(t.isOutcomeUnknown(), "the first instance may have died after Qualitor created it");
    }

    @Test
    void aLapsedClaimWhereNobodyCanLookIsHeldNotSentAgain() {
        long id = ticket();
        claim(BLIND, id, "a", NOW);
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        assertEquals(List.of(), due(BLIND, later));
        assertFalse(claim(BLIND, id, "b", later));
        Ticket t = reload(id);
        assertEquals(DeliveryState.HELD, t.getDelivery().getState());
        assertEquals(DeliveryStore.LAPSED_UNCHECKABLE, t.getLastError());
        assertEquals("sending interrupted: it may not have arrived; not sent again, so as not to duplicate it",
                Text.read(t.getLastError()).in(Locale.ENGLISH), "kept as a code, shown in the reader's language");
        assertEquals("envio interrompido: pode não ter chegado; não reenviado para não duplicar", Text.read(t.getLastError()).in(Text.PT_BR));
    }

    @Test
    void aFailureThatMayPassQueuesItAgainAfterTheBackoffRememberingALostAnswer() {
        long id = ticket();
        Recorder<Ticket> courier = new Recorder<>(QualitorOutbox.QUEUE);
        claim(QualitorOutbox.QUEUE, id, "a", NOW);
        tx(s -> s.failed(courier, id, Undelivered.later(Text.verbatim("timeout"), true), NOW));
        Ticket t = reload(id);
        assertEquals(DeliveryState.QUEUED, t.getDelivery().getState());
        assertEquals(NOW.plusSeconds(10), t.getNextAttemptAt(), "5 s doubled after the first attempt");
        assertTrue(t.isOutcomeUnknown());
        assertEquals(1L, (long) tx(s -> s.waiting(QualitorOutbox.QUEUE, NOW)));
        assertEquals(1, (int) tx(s -> s.retryAllNow(QualitorOutbox.QUEUE, NOW)));
        assertEquals(List.of(id), due(QualitorOutbox.QUEUE, NOW), "Qualitor is back: due at once");
        assertTrue(courier.ended.isEmpty(), "still on its way");
    }

    @Test
    void aFailureThatMayHaveDeliveredWhereNobodyCanLookIsHeld() {
        long id = ticket();
        Recorder<Ticket> courier = new Recorder<>(BLIND);
        claim(BLIND, id, "a", NOW);
        tx(s -> s.failed(courier, id, Undelivered.later(Text.verbatim("Falha inesperada"), true), NOW));
        assertEquals(DeliveryState.HELD, reload(id).getDelivery().getState());
        assertEquals(1, courier.ended.size());
    }

    @Test
    void aRefusalEndsTheDeliveryAndOnlyADeliveryBeingSentIsRecorded() {
        long id = ticket();
        Recorder<Ticket> courier = new Recorder<>(QualitorOutbox.QUEUE);
        tx(s -> s.failed(courier, id, Undelivered.later(Text.verbatim("late record of another attempt"), false), NOW));
        assertEquals(DeliveryState.QUEUED, reload(id).getDelivery().getState());
        assertEquals(null, reload(id).getLastError(), "a queued delivery is not touched");
        claim(QualitorOutbox.QUEUE, id, "a", NOW);
        tx(s -> s.failed(courier, id, Undelivered.withdrawn(Text.verbatim("stale")), NOW));
        assertEquals(DeliveryState.WITHDRAWN, reload(id).getDelivery().getState());
        assertEquals(1, courier.ended.size());
    }

    @Test
    void aSummaryIsDueOnlyOnceItsTicketHasItsQualitorNumber() {
        long id = ticket();
        assertEquals(List.of(), due(SummaryAttachments.QUEUE, NOW));
        assertFalse(claim(SummaryAttachments.QUEUE, id, "a", NOW));
        tx(s -> {
            s.em.find(Ticket.class, id).sent("48213", "Aberto", NOW);
            return null;
        });
        assertEquals(List.of(id), due(SummaryAttachments.QUEUE, NOW));
        assertTrue(claim(SummaryAttachments.QUEUE, id, "a", NOW));
        assertEquals(DeliveryState.SENDING, reload(id).getSummaryDelivery().getState());
        assertEquals(DeliveryState.DONE, reload(id).getDelivery().getState(), "the ticket's own delivery is untouched");
    }

    @Test
    void closingADemandNeverGoesThroughTheQueue() {
        long close = tx(s -> {
            DemandAction a = new DemandAction(DemandAction.Kind.CLOSE, "48213", "Cliente pediu o encerramento.", "encerrar", 1, "agent", Instant.now());
            s.em.persist(a);
            s.em.flush();
            return a.getId();
        });
        long reiterate = tx(s -> {
            DemandAction a = new DemandAction(DemandAction.Kind.REITERATE, "48213", "Cliente sem retorno.", "reiterar", 1, "agent", Instant.now());
            s.em.persist(a);
            s.em.flush();
            return a.getId();
        });
        Instant later = Instant.now().plusSeconds(5);
        assertEquals(List.of(reiterate), due(DemandOutbox.QUEUE, later));
        assertFalse(claim(DemandOutbox.QUEUE, close, "a", later));
        assertTrue(claim(DemandOutbox.QUEUE, reiterate, "a", later));
    }

    /** A store whose every step is its own transaction, as the container runs the real one. */
    final class OwnTransactions extends DeliveryStore {
        @Override
        public List<Long> due(Queue<?> q, Instant now, int max) {
            return tx(s -> s.due(q, now, max));
        }

        @Override
        public boolean claim(Queue<?> q, long id, String instance, Instant now, Duration lease) {
            return tx(s -> s.claim(q, id, instance, now, lease));
        }

        @Override
        public <T> T failed(Courier<T, ?> courier, long id, Undelivered why, Instant now) {
            return tx(s -> s.failed(courier, id, why, now));
        }
    }

    /** A courier to a receiver answering each send as told, in order. */
    final class Scripted extends Recorder<Ticket> {
        final List<Undelivered> answers;
        final List<Long> sent = new ArrayList<>();

        Scripted(List<Undelivered> answers) {
            super(QualitorOutbox.QUEUE);
            this.answers = new ArrayList<>(answers);
        }

        @Override
        public Object send(long id) {
            sent.add(id);
            Undelivered next = answers.isEmpty() ? null : answers.remove(0);
            if (next != null) {
                throw next;
            }
            return "ok";
        }

        @Override
        public Ticket delivered(long id, Object result) {
            return tx(s -> {
                Ticket t = s.em.find(Ticket.class, id);
                t.getDelivery().done();
                return t;
            });
        }
    }

    Deliverer deliverer() {
        Deliverer d = new Deliverer();
        d.store = new OwnTransactions();
        d.clock = java.time.Clock.systemUTC();
        return d;
    }

    @Test
    void aDrainStopsAtAReceiverKnownToBeDownLeavingTheRestUntouched() {
        List<Long> ids = List.of(ticket(), ticket(), ticket(), ticket());
        Scripted courier = new Scripted(List.of(Undelivered.unreachable(Text.verbatim("circuit open"))));
        assertEquals(1, deliverer().drain(courier));
        assertEquals(1, courier.sent.size(), "only the first went, alone");
        long first = courier.sent.get(0);
        assertEquals(1, reload(first).getAttempts());
        Set<Long> rest = new HashSet<>(ids);
        rest.remove(first);
        for (long id : rest) {
            assertEquals(0, reload(id).getAttempts(), "no attempt spent on the rest");
            assertEquals(DeliveryState.QUEUED, reload(id).getDelivery().getState());
        }
        assertEquals(rest, new HashSet<>(due(QualitorOutbox.QUEUE, Instant.now())), "the rest are due for the next round");
    }

    @Test
    void aDrainGoesOnPastFailuresThatAreNotTheReceiverBeingDown() {
        List<Long> ids = List.of(ticket(), ticket(), ticket());
        Scripted courier = new Scripted(List.of(Undelivered.later(Text.verbatim("HTTP 503"), false)));
        assertEquals(3, deliverer().drain(courier));
        assertEquals(new HashSet<>(ids), new HashSet<>(courier.sent));
        assertEquals(DeliveryState.QUEUED, reload(courier.sent.get(0)).getDelivery().getState(), "retried after its back-off");
        assertEquals(DeliveryState.DONE, reload(courier.sent.get(1)).getDelivery().getState());
        assertEquals(DeliveryState.DONE, reload(courier.sent.get(2)).getDelivery().getState());
    }
}
