package br.com.sopdesk.it.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.demand.control.DemandOutbox;
import br.com.sopdesk.it.InsideServer;
import br.com.sopdesk.it.probe.Probe;
import br.com.sopdesk.outbox.control.DeliveryStore;
import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.outbox.entity.DeliveryState;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's claims under concurrent transactions, on the server's database: several claimers
 * (each claim its own transaction, as several instances would) race for the same due deliveries and
 * each delivery goes to exactly one; while the lease runs nobody takes it; once it ran out, it is
 * taken over exactly once, with its outcome marked unknown. The deliveries are due a month ahead, on
 * the claimers' clock only, so the application's own drain (on the real clock) never touches them.
 */
@InsideServer
class OutboxClaimsInsideServerIT {

    private static final int DELIVERIES = 20;
    private static final int CLAIMERS = 4;
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Inject
    DeliveryStore store;

    @Inject
    Probe probe;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void removeWhatThisTestStored() {
        probe.deleteDemandActions(created);
    }

    @Test
    void eachDueDeliveryIsClaimedByExactlyOneTransactionAndALapsedLeaseIsTakenOverOnce() throws Exception {
        Instant due = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        created.addAll(probe.demandActions(DELIVERIES, "1000", due));

        Instant now = due.plusSeconds(1);
        Map<Long, List<String>> first = race("claimer", now);
        for (long id : created) {
            assertEquals(1, first.getOrDefault(id, List.of()).size(), "delivery " + id + " claimed by " + first.get(id));
            Delivery d = probe.delivery(id);
            assertEquals(DeliveryState.SENDING, d.getState());
            assertEquals(first.get(id).get(0), d.getClaimedBy());
            assertEquals(1, d.getAttempts());
            assertFalse(d.isOutcomeUnknown());
        }

        Map<Long, List<String>> whileLeased = race("early", now.plus(LEASE).minusSeconds(1));
        assertTrue(whileLeased.isEmpty(), "a running lease is not taken: " + whileLeased);

        Map<Long, List<String>> afterLease = race("late", now.plus(LEASE).plusSeconds(1));
        for (long id : created) {
            assertEquals(1, afterLease.getOrDefault(id, List.of()).size(), "lapsed delivery " + id + " taken over by " + afterLease.get(id));
            Delivery d = probe.delivery(id);
            assertEquals(DeliveryState.SENDING, d.getState());
            assertEquals(afterLease.get(id).get(0), d.getClaimedBy());
            assertEquals(2, d.getAttempts());
            assertTrue(d.isOutcomeUnknown(), "the first claimer may have sent it: the next attempt looks first");
        }
    }

    /** Every claimer tries every delivery at {@code now}, in its own order, all at once; who won which. */
    private Map<Long, List<String>> race(String name, Instant now) throws Exception {
        ManagedExecutorService threads = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        Map<Long, List<String>> winners = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> claimers = new ArrayList<>();
        for (int c = 0; c < CLAIMERS; c++) {
            String claimer = name + "-" + c;
            List<Long> order = new ArrayList<>(created);
            Collections.shuffle(order);
            claimers.add(threads.submit(() -> {
                start.await();
                for (long id : order) {
                    if (store.claim(DemandOutbox.QUEUE, id, claimer, now, LEASE)) {
                        winners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(claimer);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : claimers) {
            f.get(60, TimeUnit.SECONDS);
        }
        return winners;
    }
}
