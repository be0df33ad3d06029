package br.com.sopdesk.outbox.control;

import br.com.sopdesk.platform.InstanceName;
import br.com.sopdesk.platform.PersonalData;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers what the couriers hand it: claims each delivery through the database, has the courier send
 * it outside any transaction, records the answer, and reads every failure through the courier
 * ({@link Courier#read}) into one of a few outcomes. A drain fans the due deliveries out over the courier's width until none is
 * due (or its budget ends). Never inside a transaction: each database step is its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class.getName());

    @EJB
    DeliveryStore store;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Clock clock;

    /** Sends one delivery if this instance wins its claim; returns its owner afterwards, or empty when the claim was lost. */
    public <T, R> Optional<T> deliver(Courier<T, R> courier, long id) {
        return deliver(courier, id, () -> courier.send(id));
    }

    /** As {@link #deliver(Courier, long)}, sending the courier's way for this one attempt (a probe, say). */
    public <T, R> Optional<T> deliver(Courier<T, R> courier, long id, Callable<R> sending) {
        return deliver(courier, id, sending, new AtomicBoolean());
    }

    private <T, R> Optional<T> deliver(Courier<T, R> courier, long id, Callable<R> sending, AtomicBoolean unreachable) {
        if (!store.claim(courier.queue(), id, InstanceName.get(), clock.instant(), courier.pace().lease())) {
            return Optional.empty();
        }
        return Optional.of(complete(courier, id, sending, result -> courier.delivered(id, result), unreachable));
    }

    /** Sends a delivery this instance holds the claim of, and records the answer; returns its owner afterwards. */
    public <T, R> T complete(Courier<T, R> courier, long id, Callable<R> sending) {
        return complete(courier, id, sending, result -> courier.delivered(id, result));
    }

    /** As {@link #complete(Courier, long, Callable)}, recording success the caller's way. */
    public <T, R> T complete(Courier<T, R> courier, long id, Callable<R> sending, Function<R, T> recording) {
        return complete(courier, id, sending, recording, new AtomicBoolean());
    }

    private <T, R> T complete(Courier<T, R> courier, long id, Callable<R> sending, Function<R, T> recording, AtomicBoolean unreachable) {
        R result;
        try {
            result = sending.call();
        } catch (Exception e) {
            return failed(courier, id, e, unreachable);
        }
        try {
            return recording.apply(result);
        } catch (RuntimeException e) {
            return notRecorded(courier, id, e);
        }
    }

    /**
     * Sends a claimed delivery and returns the answer, leaving the caller to record it; a failure is
     * recorded here (empty).
     */
    public <T, R> Optional<R> attempt(Courier<T, R> courier, long id, Callable<R> sending) {
        try {
            return Optional.ofNullable(sending.call());
        } catch (Exception e) {
            failed(courier, id, e, new AtomicBoolean());
            return Optional.empty();
        }
    }

    /** The receiver has it but recording that failed: retried later, looking first (or held, where nobody can look). */
    public <T> T notRecorded(Courier<T, ?> courier, long id, RuntimeException e) {
        LOG.log(Level.WARNING, "Entrega " + id + " feita, mas não registrada", PersonalData.mask(e));
        return store.failed(courier, id, Undelivered.later(Undelivered.unexpected(e), true), clock.instant());
    }

    private <T> T failed(Courier<T, ?> courier, long id, Exception e, AtomicBoolean unreachable) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Undelivered why = courier.read(e);
        if (why.unexpected()) {
            LOG.log(Level.WARNING, "Falha inesperada na entrega " + id, PersonalData.mask(e));
        }
        if (why.unreachable()) {
            unreachable.set(true);
        }
        return store.failed(courier, id, why, clock.instant());
    }

    /**
     * Sends every due delivery of the courier's kind until none is due, the budget ends or the receiver
     * is known to be down; returns how many were tried. The first goes alone: while the receiver is
     * down the rest wait for the next round untouched (no attempt spent, no longer back-off), and once
     * it answers again its circuit breaker closes on that one before {@code width} go at a time.
     */
    public int drain(Courier<?, ?> courier) {
        if (!courier.beforeDrain()) {
            return 0;
        }
        // the round's budget is real time; what is due is decided by product time
        Instant started = Instant.now();
        Instant now = clock.instant();
        Pace pace = courier.pace();
        Instant until = pace.budget() == null ? null : started.plus(pace.budget());
        AtomicBoolean unreachable = new AtomicBoolean();
        BooleanSupplier stop = () -> unreachable.get() || until != null && Instant.now().isAfter(until);
        AtomicInteger tried = new AtomicInteger();
        LongConsumer one = eachCounted(courier, unreachable, tried);
        List<Long> due = store.due(courier.queue(), now, pace.batch());
        if (!due.isEmpty()) {
            one.accept(due.get(0));
            due = due.subList(1, due.size());
        }
        while (!due.isEmpty() && !stop.getAsBoolean()) {
            fanOut(due, pace.width(), stop, one);
            due = stop.getAsBoolean() ? List.of() : store.due(courier.queue(), now, pace.batch());
        }
        if (unreachable.get()) {
            LOG.fine("Entregas: destino indisponível; as restantes vão na próxima rodada");
        } else if (until != null && Instant.now().isAfter(until)) {
            LOG.fine("Entregas: tempo da rodada esgotado; as restantes vão na próxima");
        }
        return tried.get();
    }

    private <T, R> LongConsumer eachCounted(Courier<T, R> courier, AtomicBoolean unreachable, AtomicInteger tried) {
        return id -> {
            tried.incrementAndGet();
            deliver(courier, id, () -> courier.send(id), unreachable);
        };
    }

    /**
     * Runs {@code work} for every id on up to {@code width} of the server's managed threads, each
     * taking every width-th id, and waits for all; with a deadline, a thread stops taking ids after it.
     */
    public void fanOut(List<Long> ids, int width, Instant until, LongConsumer work) {
        fanOut(ids, width, () -> until != null && Instant.now().isAfter(until), work);
    }

    /** As {@link #fanOut(List, int, Instant, LongConsumer)}, each thread taking no more ids once {@code stop} says so. */
    private void fanOut(List<Long> ids, int width, BooleanSupplier stop, LongConsumer work) {
        int threads = Math.max(1, Math.min(width, ids.size()));
        if (threads == 1) {
            for (long id : ids) {
                if (stop.getAsBoolean()) {
                    return;
                }
                work.accept(id);
            }
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            List<Long> slice = new ArrayList<>();
            for (int j = i; j < ids.size(); j += threads) {
                slice.add(ids.get(j));
            }
            running.add(executor.submit(() -> {
                for (long id : slice) {
                    if (stop.getAsBoolean()) {
                        return;
                    }
                    work.accept(id);
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "Falha numa rodada de entregas", PersonalData.mask(e.getCause()));
            }
        }
    }
}
