package br.com.sopdesk.ticket.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the Qualitor outbox every {@code sopdesk.outbox.drain-interval-seconds} (15 by default) on
 * every instance; the database claim in {@link OutboxStore} keeps instances from sending the same
 * ticket. Non-persistent on purpose: each instance runs its own, and a missed tick is simply the
 * next one. After the tickets, the walk summaries of sent tickets are attached, then the queued
 * reiterations and restarts are written. The timer bean only delegates.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxTimer {

    @EJB
    QualitorOutbox outbox;

    @EJB
    SummaryAttachments summaries;

    @Inject
    br.com.sopdesk.demand.control.DemandOutbox demands;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.drain-interval-seconds", defaultValue = "15")
    long intervalSeconds;

    @Resource
    TimerService timers;

    /** A drain longer than the interval is not joined by a second one on this instance. */
    private final AtomicBoolean draining = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig("qualitor-outbox", false));
    }

    @Timeout
    void drain() {
        if (draining.compareAndSet(false, true)) {
            try {
                outbox.drain();
                summaries.drain();
                demands.drain();
            } finally {
                draining.set(false);
            }
        }
    }
}
