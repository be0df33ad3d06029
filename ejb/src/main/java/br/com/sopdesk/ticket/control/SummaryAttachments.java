package br.com.sopdesk.ticket.control;

import br.com.sopdesk.platform.PersonalData;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.QualitorGateway;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Attaches the plain-text summary of the SOP walk ({@link WalkSummary}) to each ticket Qualitor has
 * numbered, from the outbox timer, apart from the submission so the agent never waits for it. A
 * failure never re-creates the ticket: only the attachment is retried, with back-off; after an
 * attempt whose answer was lost, the retry asks Qualitor whether the file is there before sending
 * it again, so it arrives once. Switched off with {@code sopdesk.summary.enabled=false} (for an
 * installation whose {@code addAttachment} differs from our assumed shape).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SummaryAttachments {

    private static final Logger LOG = Logger.getLogger(SummaryAttachments.class.getName());

    @EJB
    SummaryStore store;

    @Inject
    QualitorGateway qualitor;

    @Resource
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "sopdesk.summary.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    OutboxSettings settings;

    /** Attaches every due summary, several at a time; returns how many were tried. */
    public int drain() {
        if (!enabled) {
            return 0;
        }
        List<Long> due = store.due(Instant.now(), 500);
        SummaryAttachments self = context.getBusinessObject(SummaryAttachments.class);
        int width = Math.max(1, Math.min(settings.parallelism(), due.size()));
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            List<Long> slice = new ArrayList<>();
            for (int j = i; j < due.size(); j += width) {
                slice.add(due.get(j));
            }
            running.add(executor.submit(() -> slice.forEach(self::attach)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "Falha ao anexar resumos no Qualitor", PersonalData.mask(e.getCause()));
            }
        }
        return due.size();
    }

    /** Whether summaries are attached at all ({@code sopdesk.summary.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /** Attaches one ticket's summary if this instance wins its claim. */
    public void attach(long id) {
        store.claim(id, Instant.now(), settings.lease()).ifPresent(summary -> attachClaimed(id, summary));
    }

    /**
     * Attaches a summary this instance has claimed ({@link OutboxStore#sent}, or {@link #attach});
     * any failure leaves it to the outbox timer, with back-off.
     */
    public void attachClaimed(long id, SummaryStore.Summary summary) {
        deliver(id, summary).ifPresent(sentNow -> {
            try {
                store.attached(id, sentNow);
            } catch (RuntimeException e) {
                notRecorded(id, e);
            }
        });
    }

    /** Qualitor has the summary but recording it failed: retried later, asking Qualitor first. */
    public void notRecorded(long id, RuntimeException e) {
        LOG.log(Level.WARNING, "Resumo do chamado " + id + " anexado, mas não registrado", PersonalData.mask(e));
        store.retryLater(id, "Falha inesperada: " + e, Instant.now(), settings.maxBackoff(), true);
    }

    /**
     * Sends a claimed summary to Qualitor and returns whether this attempt sent it (false: it was
     * there already), leaving the caller to record it ({@link SummaryStore#attached}); empty after a
     * failure, which is recorded here for the outbox timer to retry.
     */
    public Optional<Boolean> deliver(long id, SummaryStore.Summary summary) {
        Duration maxBackoff = settings.maxBackoff();
        try {
            return Optional.of(qualitor.attach(summary.number(), summary.fileName(), summary.content(), summary.mayAlreadyExist()));
        } catch (QualitorException e) {
            if (e.retryable()) {
                store.retryLater(id, e.getMessage(), Instant.now(), maxBackoff, e.writeMayHaveApplied());
            } else {
                store.refused(id, e.getMessage());
            }
        } catch (CircuitBreakerOpenException e) {
            store.retryLater(id, "Qualitor indisponível: envios suspensos por alguns segundos após falhas seguidas",
                    Instant.now(), maxBackoff, false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Falha inesperada ao anexar o resumo do chamado " + id, PersonalData.mask(e));
            store.retryLater(id, "Falha inesperada: " + e, Instant.now(), maxBackoff, true);
        }
        return Optional.empty();
    }
}
