package br.com.sopdesk.retention.control;

import br.com.sopdesk.platform.OneAtATime;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the retention job ({@link Retention}) every {@code sopdesk.retention.interval-minutes}
 * (60 by default) on every instance, the first time a few minutes after start; the job's lease in
 * the database lets one instance at a time do the work. Non-persistent, like the outbox's timer: a
 * missed tick is simply the next one. The timer bean only delegates.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionTimer {

    @EJB
    Retention retention;

    @Inject
    @ConfigProperty(name = "sopdesk.retention.interval-minutes", defaultValue = "60")
    long intervalMinutes;

    @Resource
    TimerService timers;

    private final OneAtATime runs = new OneAtATime("retention");

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalMinutes) * 60_000;
        timers.createIntervalTimer(Math.min(interval, 5 * 60_000), interval, new TimerConfig("retention", false));
    }

    @Timeout
    void run() {
        runs.run(retention::run);
    }
}
