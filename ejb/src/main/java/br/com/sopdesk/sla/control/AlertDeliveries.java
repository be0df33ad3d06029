package br.com.sopdesk.sla.control;

import br.com.sopdesk.outbox.control.Courier;
import br.com.sopdesk.outbox.control.Deliverer;
import br.com.sopdesk.outbox.control.Pace;
import br.com.sopdesk.outbox.control.Queue;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.outbox.entity.Backoff;
import br.com.sopdesk.platform.PersonalData;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sla.entity.SlaDelivery;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The SLA alerts' courier: sends each due delivery to its supervisor's mailbox or the webhook, one
 * after another, for at most {@code sopdesk.sla.delivery-budget-seconds} a round. Nobody can ask a
 * mailbox whether an alert arrived, so this queue cannot look: a send whose outcome is unknown is
 * held, never sent twice. A channel's refusal is retried after 30 s, doubling to an hour, eight times.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertDeliveries implements Courier<SlaDelivery, Instant> {

    static final Queue<SlaDelivery> QUEUE = new Queue<>(SlaDelivery.class, "delivery", "", Map.of(), false, false,
            SlaDelivery::getDelivery);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(15), Duration.ofHours(1), 8);

    @EJB
    SlaAlerts alerts;

    @EJB
    AlertChannels channels;

    @EJB
    Deliverer deliverer;

    @Inject
    SlaSettings settings;

    @Inject
    Clock time;

    @Override
    public Queue<SlaDelivery> queue() {
        return QUEUE;
    }

    @Override
    public Pace pace() {
        return new Pace(settings.lease(), 1, 200, settings.deliveryBudget(), BACKOFF);
    }

    /** Sends the deliveries that are due, for at most the round's budget; returns how many were tried. */
    public int drain() {
        return deliverer.drain(this);
    }

    @Override
    public Instant send(long id) {
        SlaAlerts.Outgoing out = alerts.outgoing(id)
                .orElseThrow(() -> Undelivered.withdrawn(Text.of("sla.delivery.stale")));
        try {
            channels.send(out);
        } catch (IOException | MessagingException e) {
            throw Undelivered.later(Text.verbatim(PersonalData.mask(e.getClass().getSimpleName() + ": " + e.getMessage())), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Undelivered.later(Text.of("sla.delivery.interrupted"), false);
        }
        return time.instant();
    }

    @Override
    public SlaDelivery delivered(long id, Instant at) {
        return alerts.delivered(id, at);
    }
}
