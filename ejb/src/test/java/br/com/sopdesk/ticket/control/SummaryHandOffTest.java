package br.com.sopdesk.ticket.control;

import br.com.sopdesk.outbox.control.OutboxSettings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-off's group commit: every summary Qualitor took is recorded exactly once, several share
 * a transaction when they finish while another is being recorded, and a failed recording puts back
 * every summary of its batch (none is left claimed and forgotten).
 */
class SummaryHandOffTest {

    static final byte[] TEXT = "resumo".getBytes();

    /** Records the batches instead of writing them; can be told to wait, or to fail once. */
    static class FakeStore extends SummaryStore {
        final List<List<Attached>> batches = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch hold = new CountDownLatch(0);
        final AtomicBoolean failNext = new AtomicBoolean();

        @Override
        public void attachedAll(List<Attached> done) {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("banco fora do ar");
            }
            batches.add(List.copyOf(done));
        }
    }

    /** Qualitor takes every summary (sent now unless it may be there already); failures put back are counted. */
    static class FakeAttachments extends SummaryAttachments {
        final Map<Long, Integer> putBack = new ConcurrentHashMap<>();
        final AtomicInteger delivered = new AtomicInteger();
        volatile CountDownLatch qualitorSlow = new CountDownLatch(0);

        @Override
        public Optional<Boolean> attempt(long id, SummaryStore.Summary summary) {
            delivered.incrementAndGet();
            try {
                qualitorSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(!summary.mayAlreadyExist());
        }

        @Override
        public void notRecorded(long id, RuntimeException e) {
            putBack.merge(id, 1, Integer::sum);
        }
    }

    final FakeStore store = new FakeStore();
    final FakeAttachments attachments = new FakeAttachments();
    final SummaryHandOff handOff = new SummaryHandOff();

    SummaryHandOffTest() {
        handOff.store = store;
        handOff.summaries = attachments;
        handOff.settings = new OutboxSettings() {
            @Override
            public int parallelism() {
                return 4;
            }
        };
        handOff.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                return new Thread(r, "resumos");
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        handOff.start();
    }

    @AfterEach
    void stop() {
        handOff.stop();
    }

    static SummaryStore.Summary summary(long id, boolean mayAlreadyExist) {
        return new SummaryStore.Summary("D" + id, "resumo-" + id + ".txt", TEXT, mayAlreadyExist);
    }

    void awaitRecorded(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> recorded().size() + attachments.putBack.size() >= count);
    }

    /** Waits until Qualitor took {@code count} summaries (all of them finish while the first recording is held). */
    void awaitDelivered(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> attachments.delivered.get() >= count);
    }

    List<SummaryStore.Attached> recorded() {
        synchronized (store.batches) {
            return store.batches.stream().flatMap(List::stream).toList();
        }
    }

    @Test
    void everySummaryIsRecordedOnceAndWhatFinishesMeanwhileSharesATransaction() throws InterruptedException {
        store.hold = new CountDownLatch(1);
        handOff.attach(1, summary(1, false));
        // the first recording is held: the next ones finish meanwhile and wait for the next transaction
        for (long id = 2; id <= 300; id++) {
            assertTrue(handOff.attach(id, summary(id, id % 7 == 0)));
        }
        awaitDelivered(300);
        store.hold.countDown();
        awaitRecorded(300);

        List<SummaryStore.Attached> all = recorded();
        assertEquals(300, all.size(), "recorded: " + all.size());
        assertEquals(300, all.stream().map(SummaryStore.Attached::id).distinct().count(), "a summary recorded twice");
        assertTrue(all.stream().allMatch(a -> a.sentNow() == (a.id() % 7 != 0)), "whether each was sent now is kept");
        assertTrue(store.batches.size() < 300, "one transaction per summary: " + store.batches.size());
        assertTrue(store.batches.stream().allMatch(b -> b.size() <= 100), "a batch over 100");
        assertTrue(attachments.putBack.isEmpty());
    }

    @Test
    void stoppingDropsTheQueuedSummariesAndLetsTheOnesBeingAttachedFinish() throws InterruptedException {
        attachments.qualitorSlow = new CountDownLatch(1);
        for (long id = 1; id <= 40; id++) {
            assertTrue(handOff.attach(id, summary(id, false)));
        }
        awaitDelivered(4);
        Thread stopping = new Thread(handOff::stop);
        stopping.start();
        // stop() has dropped the queue once it waits for the four to finish (its only timed wait)
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
        attachments.qualitorSlow.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(15));

        assertEquals(4, attachments.delivered.get(), "only the four being attached reach Qualitor");
        assertEquals(4, recorded().size(), "the four attached are recorded, not dropped halfway");
        assertTrue(attachments.putBack.isEmpty());
        assertTrue(!handOff.attach(41, summary(41, false)), "a stopped hand-off takes no more summaries");
    }

    @Test
    void aFailedRecordingPutsBackEverySummaryOfItsBatchAndTheNextOnesStillGo() throws InterruptedException {
        store.hold = new CountDownLatch(1);
        store.failNext.set(true);
        for (long id = 1; id <= 50; id++) {
            handOff.attach(id, summary(id, false));
        }
        awaitDelivered(50);
        store.hold.countDown();
        awaitRecorded(50);

        List<Long> recordedIds = recorded().stream().map(SummaryStore.Attached::id).toList();
        assertTrue(attachments.putBack.values().stream().allMatch(n -> n == 1), "put back twice: " + attachments.putBack);
        assertTrue(attachments.putBack.keySet().stream().noneMatch(recordedIds::contains), "both put back and recorded");
        assertEquals(50, attachments.putBack.size() + recordedIds.size(), "lost: put back " + attachments.putBack.keySet()
                + ", recorded " + recordedIds);
        assertTrue(!attachments.putBack.isEmpty() && !recordedIds.isEmpty(), "the failed batch, then the rest");
    }
}
