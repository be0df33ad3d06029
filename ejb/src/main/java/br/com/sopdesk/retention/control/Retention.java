package br.com.sopdesk.retention.control;

import br.com.sopdesk.platform.InstanceName;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes the customer's personal data from finished submissions older than
 * {@code sopdesk.retention.days} (365 by default; 0 keeps it forever), as the LGPD asks: in batches
 * of {@code sopdesk.retention.batch-size}, each its own transaction, by the one instance holding
 * the job's lease in the database. Records stay (SOP, path, classification, dates, Qualitor's
 * number) for statistics; what identifies the customer goes, and so do the supervisors' free-text
 * acknowledgement comments on SLA alerts. Each run that removed anything leaves
 * one audit entry with the counts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    /** Longest a run may hold the job; a run stops taking batches before it runs out. */
    static final Duration LEASE = Duration.ofMinutes(10);

    @EJB
    RetentionStore store;

    @Inject
    @ConfigProperty(name = "sopdesk.retention.days", defaultValue = "365")
    int days;

    @Inject
    @ConfigProperty(name = "sopdesk.retention.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    Clock clock;

    /** One run: nothing when data is kept forever or another instance holds the job. */
    public void run() {
        RetentionPolicy policy = new RetentionPolicy(days);
        Instant started = clock.instant();
        var cutoff = policy.cutoff(started);
        if (cutoff.isEmpty() || !store.takeLease(InstanceName.get(), started, LEASE)) {
            return;
        }
        int max = Math.max(1, batchSize);
        Instant stopBy = started.plus(LEASE.dividedBy(2));
        int tickets = 0;
        int demands = 0;
        int batch;
        do {
            batch = store.anonymizeTickets(cutoff.get(), clock.instant(), max);
            tickets += batch;
        } while (batch > 0 && clock.instant().isBefore(stopBy));
        do {
            batch = store.anonymizeDemandActions(cutoff.get(), clock.instant(), max);
            demands += batch;
        } while (batch > 0 && clock.instant().isBefore(stopBy));
        int comments = 0;
        do {
            batch = store.anonymizeSlaComments(cutoff.get(), max);
            comments += batch;
        } while (batch > 0 && clock.instant().isBefore(stopBy));
        if (tickets + demands + comments > 0) {
            store.recordRun(tickets, demands, comments, policy);
            int t = tickets;
            int d = demands;
            int c = comments;
            LOG.info(() -> "Retenção de " + policy.days() + " dias: " + t + " chamado(s), " + d + " pedido(s) e " + c
                    + " comentário(s) de SLA anonimizados.");
        }
    }
}
