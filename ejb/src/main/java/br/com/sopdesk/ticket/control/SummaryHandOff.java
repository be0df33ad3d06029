package br.com.sopdesk.ticket.control;

import br.com.sopdesk.outbox.control.OutboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attaches the walk summaries this instance claimed when Qualitor numbered their tickets, on a few
 * threads of its own, so the agent's request does not wait for a second Qualitor call. The threads
 * come from the server's managed thread factory (they run with the application's context), and a
 * summary costs only a queue slot here instead of a context capture per task. The attached ones are
 * recorded together: while one thread records, the others' finished summaries wait, and the next
 * transaction takes them all (a group commit; under load one transaction per summary was a tenth of
 * the submission's cost). Nothing is lost when the queue is full, the instance stops, or recording
 * fails: the summary's claim lapses (or is put back, unsure whether it arrived) and the outbox timer
 * attaches it, looking in Qualitor first.
 */
@ApplicationScoped
public class SummaryHandOff {

    private static final Logger LOG = Logger.getLogger(SummaryHandOff.class.getName());
    /** At most this many summaries recorded in one transaction. */
    private static final int BATCH = 100;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    OutboxSettings settings;

    @EJB
    SummaryAttachments summaries;

    @EJB
    SummaryStore store;

    private ThreadPoolExecutor pool;

    /** Summaries Qualitor has, waiting to be recorded. */
    private final Queue<SummaryStore.Attached> attached = new ConcurrentLinkedQueue<>();
    private final ReentrantLock recording = new ReentrantLock();

    @PostConstruct
    void start() {
        int width = settings.parallelism();
        pool = new ThreadPoolExecutor(width, width, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), threads);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues the claimed summary for attachment; returns whether it was taken. */
    public boolean attach(long ticketId, SummaryStore.Summary summary) {
        try {
            pool.execute(() -> summaries.attempt(ticketId, summary).ifPresent(sentNow -> {
                attached.add(new SummaryStore.Attached(ticketId, sentNow));
                record();
            }));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Resumo do chamado " + ticketId + " fica para o próximo ciclo da fila", e);
            return false;
        }
    }

    /**
     * Records what has been attached, unless another thread is doing it; that one looks at the
     * queue again once it is done, so nothing added meanwhile is left behind.
     */
    private void record() {
        while (!attached.isEmpty() && recording.tryLock()) {
            List<SummaryStore.Attached> batch = new ArrayList<>();
            try {
                for (SummaryStore.Attached a; batch.size() < BATCH && (a = attached.poll()) != null; ) {
                    batch.add(a);
                }
                if (!batch.isEmpty()) {
                    store.attachedAll(batch);
                }
            } catch (RuntimeException e) {
                batch.forEach(a -> notRecorded(a, e));
            } finally {
                recording.unlock();
            }
        }
    }

    private void notRecorded(SummaryStore.Attached a, RuntimeException e) {
        try {
            summaries.notRecorded(a.id(), e);
        } catch (RuntimeException alsoFailed) {
            LOG.log(Level.FINE, "Resumo do chamado " + a.id() + " fica para o próximo ciclo da fila", alsoFailed);
        }
    }

    /**
     * Stops taking summaries and drops the queued ones at once: run now, they would call into an
     * application the server is already undeploying (each one an error in the log), and their
     * claims lapse to the outbox timer anyway. The ones being attached are let finish. Called when
     * the web module stops, before the EJB module does, and again here, which does nothing more.
     */
    @PreDestroy
    public void stop() {
        pool.shutdown();
        List<Runnable> left = new ArrayList<>();
        pool.getQueue().drainTo(left);
        if (!left.isEmpty()) {
            LOG.info(() -> left.size() + " resumo(s) na fila ficam para a fila do Qualitor: a aplicação está parando");
        }
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
