package br.com.sopdesk.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A periodic job's tick as the timer beans run it: one at a time on this instance (a tick that
 * finds the last one still running is skipped), and a failure never reaches the EJB container.
 * Payara expunges a periodic timer after two failed deliveries (EJB5119), so one database outage
 * would otherwise stop the outbox or the SLA scan until the next restart; here the next tick
 * simply tries again.
 */
public final class OneAtATime {

    private static final Logger LOG = Logger.getLogger(OneAtATime.class.getName());

    private final String job;
    private final AtomicBoolean running = new AtomicBoolean();
    /** The database did not answer the last tick: said once, not at every tick while it lasts. */
    private volatile boolean databaseAway;

    public OneAtATime(String job) {
        this.job = job;
    }

    /** Runs {@code work} unless a run is under way; its failure is logged, not thrown. */
    public void run(Runnable work) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            work.run();
            if (databaseAway) {
                databaseAway = false;
                LOG.info(() -> "Tarefa periódica " + job + ": o banco de dados voltou a responder.");
            }
        } catch (RuntimeException e) {
            if (!DatabaseAway.in(e)) {
                LOG.log(Level.WARNING, "Tarefa periódica " + job + " falhou; a próxima vez tenta de novo", PersonalData.mask(e));
            } else if (!databaseAway) {
                databaseAway = true;
                LOG.warning(() -> "Tarefa periódica " + job + ": o banco de dados não responde; tenta de novo a cada vez.");
            }
        } finally {
            running.set(false);
        }
    }
}
