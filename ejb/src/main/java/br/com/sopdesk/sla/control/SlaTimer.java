package br.com.sopdesk.sla.control;

import br.com.sopdesk.platform.InstanceName;
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
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the SLA scan every {@code sopdesk.sla.scan-interval-seconds} (20 by default) from a
 * persistent EJB timer, so the schedule survives restarts; a changed interval replaces the timer
 * on the next start. A second, non-persistent timer (every
 * {@code sopdesk.sla.delivery-interval-seconds}, recreated at each start) sends the due alert
 * deliveries on its own, so they never wait behind a long scan. The bean only delegates, outside
 * any transaction (each step of the work has its own). What must never be lost or doubled lives in
 * the database (clocks' due times, the alert ledger, the deliveries' claims), so a missed or
 * repeated tick does no harm.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SlaTimer {

    private static final Logger LOG = Logger.getLogger(SlaTimer.class.getName());
    private static final String NAME = "sla-scan";
    private static final String DELIVER = "sla-deliver";

    @EJB
    SlaScan scan;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.scan-interval-seconds", defaultValue = "20")
    long intervalSeconds;

    @Inject
    SlaSettings settings;

    @Resource
    TimerService timers;

    private final OneAtATime scans = new OneAtATime(NAME);
    private final AtomicBoolean announced = new AtomicBoolean();
    private final OneAtATime deliveries = new OneAtATime(DELIVER);

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalSeconds) * 1000;
        String info = NAME + ":" + interval;
        boolean present = false;
        for (Timer t : timers.getTimers()) {
            if (info.equals(t.getInfo()) && !present) {
                present = true;
            } else if (String.valueOf(t.getInfo()).startsWith(NAME)) {
                t.cancel();
            }
        }
        if (!present) {
            timers.createIntervalTimer(interval, interval, new TimerConfig(info, true));
            LOG.info(() -> "Monitor de SLA: varredura a cada " + interval / 1000 + " s (timer persistente).");
        }
        long every = settings.deliveryInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(DELIVER, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        if (DELIVER.equals(timer.getInfo())) {
            deliveries.run(scan::deliver);
            return;
        }
        scans.run(() -> {
            if (announced.compareAndSet(false, true)) {
                // the group's one SLA timer fires here now (first start, or taken over from an instance gone)
                LOG.info(() -> "Monitor de SLA: as varreduras do grupo rodam nesta instância (" + InstanceName.get() + ").");
            }
            SlaScan.Report r = scan.scan();
            if (r.clocks() > 0 || r.delivered() > 0) {
                LOG.fine(() -> "SLA: " + r);
            }
        });
    }
}
