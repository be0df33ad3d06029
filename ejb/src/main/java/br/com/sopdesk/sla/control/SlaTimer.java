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
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the SLA scan every {@code sopdesk.sla.scan-interval-seconds} (20 by default) from a
 * non-persistent EJB timer, recreated at each start on every instance of a group: the schedule
 * holds nothing to keep (what is due lives in the database), and each instance scanning shares a
 * burst of deadlines between them while the claims keep them apart. A second timer (every
 * {@code sopdesk.sla.delivery-interval-seconds}) sends the due alert deliveries on its own, so they
 * never wait behind a long scan. Alerts do not wait for the period:
 * after each scan the monitor looks up the next alert due (one row of an index) and wakes for it
 * with a single-action, non-persistent timer, as it does for a clock made due on this instance
 * outside a scan ({@link ClockDue}: a clock started, a change Qualitor announced); wakes are at
 * least {@code sopdesk.sla.wake-gap-millis} apart, and the cadence's Qualitor reads keep the period. The bean only delegates, outside
 * any transaction (each step of the work has its own). What must never be lost or doubled lives in
 * the database (clocks' due times, the alert ledger, the deliveries' claims), so a missed or
 * repeated tick does no harm.
 */
@Singleton
@Startup
// a CDI scope of its own, so its ClockDue observer is called on one receiver: as a dependent bean, CDI
// built a new proxy of the EJB (its business interfaces looked up) for every clock a submission started
@ApplicationScoped
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SlaTimer {

    private static final Logger LOG = Logger.getLogger(SlaTimer.class.getName());
    private static final String NAME = "sla-scan";
    private static final String DELIVER = "sla-deliver";
    private static final String WAKE = "sla-wake:";
    /** After a start, the first look at what is due comes this soon, not a whole period later. */
    private static final long FIRST_LOOK_MILLIS = 2000;

    @EJB
    SlaScan scan;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.scan-interval-seconds", defaultValue = "20")
    long intervalSeconds;

    @EJB
    SlaWork work;

    @Inject
    SlaSettings settings;

    @Inject
    Clock time;

    @Resource
    TimerService timers;

    private final OneAtATime scans = new OneAtATime(NAME);
    private final OneAtATime deliveries = new OneAtATime(DELIVER);
    private NextWake next;
    /** The single-action timer of the next wake, if any (guarded by this bean's lock). */
    private Timer wake;

    @PostConstruct
    void schedule() {
        for (Timer t : timers.getTimers()) {
            if (String.valueOf(t.getInfo()).startsWith(NAME)) {
                t.cancel();  // the persistent scan timer of an earlier version (a data grid moved it between instances)
            }
        }
        long interval = Math.max(1, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig(NAME, false));
        LOG.info(() -> "Monitor de SLA: varredura a cada " + interval / 1000 + " s nesta instância (" + InstanceName.get() + ").");
        long every = settings.deliveryInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(DELIVER, false));
        next = new NextWake(settings.wakeGap().toMillis());
        long now = System.currentTimeMillis();
        next.earlier(now + FIRST_LOOK_MILLIS, now).ifPresent(when -> setWake(when, now));
    }

    /** A clock made due on this instance outside a scan: wake for it if it comes before the wake awaited. */
    public void clockDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClockDue due) {
        wakeFor(due.at());
    }

    private synchronized void wakeFor(Instant at) {
        long now = System.currentTimeMillis();
        long wanted = now + Duration.between(time.instant(), at).toMillis();
        next.earlier(wanted, now).ifPresent(when -> setWake(when, now));
    }

    private synchronized void setWake(long when, long now) {
        dropWake();
        wake = timers.createSingleActionTimer(Math.max(0, when - now), new TimerConfig(WAKE + when, false));
    }

    private synchronized void dropWake() {
        if (wake != null) {
            try {
                wake.cancel();
            } catch (NoSuchObjectLocalException | IllegalStateException gone) {
                // it fired meanwhile: nothing to drop
            }
            wake = null;
        }
    }

    @EJB
    SlaTallies tallies;

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        if (DELIVER.equals(timer.getInfo())) {
            deliveries.run(scan::deliver);
            return;
        }
        String info = String.valueOf(timer.getInfo());
        boolean woken = info.startsWith(WAKE);
        if (woken) {
            next.gone(Long.parseLong(info.substring(WAKE.length())));
        }
        scans.run(() -> {
            Instant before = time.instant();
            synchronized (this) {
                next.scanning(System.currentTimeMillis());
                dropWake();
            }
            SlaScan.Report r = scan.scan();
            if (r.clocks() > 0 || r.delivered() > 0) {
                LOG.fine(() -> "SLA: " + r);
            }
            if (!woken) {
                tallies.fold(time.instant());
            }
            // an alert that fell due during the scan is found too (after the scan's start), and woken for at once
            work.nextAlert(before).ifPresent(this::wakeFor);
        });
    }
}
