package br.com.sopdesk.ticket.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attaches the walk summaries this instance claimed when Qualitor numbered their tickets, on a few
 * threads of its own, so the agent's request does not wait for a second Qualitor call. The threads
 * come from the server's managed thread factory (they run with the application's context), and a
 * summary costs only a queue slot here instead of a context capture per task. Nothing is lost when
 * the queue is full or the instance stops: the summary's claim lapses and the outbox timer attaches
 * it, looking in Qualitor first.
 */
@ApplicationScoped
public class SummaryHandOff {

    private static final Logger LOG = Logger.getLogger(SummaryHandOff.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    OutboxSettings settings;

    @EJB
    SummaryAttachments summaries;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        int width = settings.parallelism();
        pool = new ThreadPoolExecutor(width, width, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), threads);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues the claimed summary for attachment; returns whether it was taken. */
    public boolean attach(long ticketId, SummaryStore.Summary summary) {
        try {
            pool.execute(() -> summaries.attachClaimed(ticketId, summary));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Resumo do chamado " + ticketId + " fica para o próximo ciclo da fila", e);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
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
