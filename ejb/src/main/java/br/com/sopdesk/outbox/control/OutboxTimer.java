package br.com.sopdesk.outbox.control;

import br.com.sopdesk.platform.OneAtATime;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Every {@code sopdesk.outbox.drain-interval-seconds} (15 by default), on every instance, tells the
 * couriers to Qualitor to drain what could not go at once ({@link Tick}: tickets first, then their
 * summaries, then requests on demands); the database claims keep instances from sending the same
 * delivery. Non-persistent on purpose: each instance runs its own, and a missed tick is simply the
 * next one. The timer bean only delegates.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxTimer {

    /** Time to drain; observers run in their {@code @Priority} order, one after another. */
    public record Tick() {
    }

    @Inject
    Event<Tick> ticks;

    @Inject
    OutboxSettings settings;

    @Resource
    TimerService timers;

    /** A drain longer than the interval is not joined by a second one on this instance. */
    private final OneAtATime drains = new OneAtATime("qualitor-outbox");

    @PostConstruct
    void schedule() {
        long interval = settings.drainInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("qualitor-outbox", false));
    }

    @Timeout
    void drain() {
        drains.run(() -> ticks.fire(new Tick()));
    }
}
