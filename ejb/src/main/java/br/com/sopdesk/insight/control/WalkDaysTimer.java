package br.com.sopdesk.insight.control;

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
 * Starts the walk-days job ({@link WalkDays}) every {@code sopdesk.insights.interval-minutes} (15
 * by default) on every instance, the first time a minute after start; the job's lease lets one
 * instance at a time do the work. Non-persistent: a missed tick is simply the next one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WalkDaysTimer {

    @EJB
    WalkDays days;

    @Inject
    @ConfigProperty(name = "sopdesk.insights.interval-minutes", defaultValue = "15")
    long intervalMinutes;

    @Resource
    TimerService timers;

    private final OneAtATime runs = new OneAtATime("walk-days");

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalMinutes) * 60_000;
        timers.createIntervalTimer(Math.min(interval, 60_000), interval, new TimerConfig("walk-days", false));
    }

    @Timeout
    void run() {
        runs.run(days::run);
    }
}
