package br.com.sopdesk.ticket.control;

import br.com.sopdesk.outbox.control.Courier;
import br.com.sopdesk.outbox.control.Deliverer;
import br.com.sopdesk.outbox.control.OutboxSettings;
import br.com.sopdesk.outbox.control.OutboxTimer;
import br.com.sopdesk.outbox.control.Pace;
import br.com.sopdesk.outbox.control.Queue;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.outbox.entity.DeliveryState;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import br.com.sopdesk.qualitor.control.QualitorFailures;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The walk summary's courier ({@link WalkSummary}, attached to each ticket Qualitor has numbered),
 * apart from the submission so the agent never waits for it. A failure never re-creates the ticket:
 * only the attachment is retried; after a lost answer the retry tells Qualitor the file may be there
 * already, so it arrives once. Switched off with {@code sopdesk.summary.enabled=false} (for an
 * installation whose {@code addAttachment} differs from our assumed shape).
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SummaryAttachments implements Courier<Ticket, Boolean> {

    /** Summaries: the ticket row's second delivery, due only once the ticket has its Qualitor number. */
    public static final Queue<Ticket> QUEUE = new Queue<>(Ticket.class, "summary", " and e.delivery.state = :ticketSent",
            Map.of("ticketSent", DeliveryState.DONE), true, true, Ticket::getSummaryDelivery);

    @EJB
    SummaryStore store;

    @EJB
    Deliverer deliverer;

    @Inject
    QualitorGateway qualitor;

    @Inject
    @ConfigProperty(name = "sopdesk.summary.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    OutboxSettings settings;

    @Override
    public Queue<Ticket> queue() {
        return QUEUE;
    }

    @Override
    public Pace pace() {
        return settings.follower(settings.parallelism(), 500);
    }

    /** Attaches every due summary, several at a time; returns how many were tried. */
    public int drain() {
        return enabled ? deliverer.drain(this) : 0;
    }

    /** Whether summaries are attached at all ({@code sopdesk.summary.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Boolean send(long id) {
        return send(store.summary(id));
    }

    /** Whether this attempt sent it (false: it was there already). */
    private boolean send(SummaryStore.Summary summary) {
        return qualitor.attach(summary.number(), summary.fileName(), summary.content(), summary.mayAlreadyExist());
    }

    @Override
    public Ticket delivered(long id, Boolean sentNow) {
        return store.attached(id, sentNow);
    }

    @Override
    public Undelivered read(Throwable failure) {
        return QualitorFailures.read(failure);
    }

    @Override
    public void ended(Ticket ticket, Undelivered why) {
        store.ended(ticket, why);
    }

    /**
     * Sends a summary this instance claimed when Qualitor numbered its ticket ({@link SummaryHandOff})
     * and returns whether this attempt sent it, leaving the caller to record it; empty after a failure,
     * which is recorded here for the outbox timer to retry.
     */
    public Optional<Boolean> attempt(long id, SummaryStore.Summary summary) {
        return deliverer.attempt(this, id, () -> send(summary));
    }

    /** Qualitor has the summary but recording it failed: retried later, telling Qualitor it may be there. */
    public void notRecorded(long id, RuntimeException e) {
        deliverer.notRecorded(this, id, e);
    }

    /** The outbox timer's turn ({@link OutboxTimer}): after the earlier couriers, before the later. */
    public void tick(@Observes @Priority(200) OutboxTimer.Tick tick) {
        drain();
    }
}
