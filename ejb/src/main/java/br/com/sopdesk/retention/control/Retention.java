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
 * acknowledgement comments on SLA alerts. The records of SOP walks (which agent walked what) are
 * deleted after {@code sopdesk.retention.walk-days} (365 by default; 0 keeps them forever). Each run
 * that removed anything leaves one audit entry with the counts.
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
    @ConfigProperty(name = "sopdesk.retention.walk-days", defaultValue = "365")
    int walkDays;

    @Inject
    @ConfigProperty(name = "sopdesk.retention.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    Clock clock;

    /**
     * What a run did: whether it ran here ({@code false}: another instance holds the job, or the data
     * is kept forever) and how many records it anonymized or deleted.
     */
    public record Outcome(boolean ran, int tickets, int demands, int comments, int walks) {
        static final Outcome NOT_HERE = new Outcome(false, 0, 0, 0, 0);
    }

    /** One run: nothing when data is kept forever or another instance holds the job. */
    public Outcome run() {
        RetentionPolicy policy = new RetentionPolicy(days);
        Instant started = clock.instant();
        var cutoff = policy.cutoff(started);
        var walkCutoff = new RetentionPolicy(walkDays).cutoff(started);
        if (cutoff.isEmpty() && walkCutoff.isEmpty() || !store.takeLease(InstanceName.get(), started, LEASE)) {
            return Outcome.NOT_HERE;
        }
        int max = Math.max(1, batchSize);
        Instant stopBy = started.plus(LEASE.dividedBy(2));
        int walks = 0;
        int batch;
        if (walkCutoff.isPresent()) {
            do {
                batch = store.deleteWalks(walkCutoff.get(), max);
                walks += batch;
            } while (batch > 0 && clock.instant().isBefore(stopBy));
        }
        if (cutoff.isEmpty()) {
            return recordRun(0, 0, 0, walks, policy);
        }
        int tickets = 0;
        int demands = 0;
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
        return recordRun(tickets, demands, comments, walks, policy);
    }

    private Outcome recordRun(int tickets, int demands, int comments, int walks, RetentionPolicy policy) {
        if (tickets + demands + comments + walks > 0) {
            store.recordRun(tickets, demands, comments, walks, policy, walkDays);
            LOG.info(() -> "Retenção de " + policy.days() + " dias: " + tickets + " chamado(s), " + demands + " pedido(s) e " + comments
                    + " comentário(s) de SLA anonimizados; " + walks + " registro(s) de percurso de SOP apagados (" + walkDays + " dias).");
        }
        return new Outcome(true, tickets, demands, comments, walks);
    }
}
