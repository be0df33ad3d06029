package br.com.sopdesk.sla.entity;

import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.outbox.entity.DeliveryState;
import br.com.sopdesk.platform.Utc;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One alert on its way to one recipient by e-mail or webhook. Unique per (alert, channel,
 * recipient); held until a supervisor's quiet hours end (the delivery's first due time) for
 * non-breach alerts.
 *
 * <p>Sent at most once, through the outbox ({@link Delivery}): nobody can ask a mailbox whether an
 * alert arrived, so a send whose outcome is unknown (the instance died, the record failed) is held
 * as {@code UNCERTAIN}, never sent again; a channel's refusal is retried with back-off, given up as
 * {@code FAILED} after eight attempts. An alert that went stale while its delivery waited is not
 * sent: {@code WITHDRAWN}, with the reason.
 */
@Entity
@Table(name = "sla_delivery")
@NamedQuery(name = SlaDelivery.OF_ALERT, query = "select d from SlaDelivery d where d.alertId = :alert order by d.id")
public class SlaDelivery {

    public static final String OF_ALERT = "SlaDelivery.ofAlert";
    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String UNCERTAIN = "UNCERTAIN";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String EMAIL = "EMAIL";
    public static final String WEBHOOK = "WEBHOOK";

    @Id
    @SequenceGenerator(name = "sla_delivery_seq", sequenceName = "sla_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_delivery_seq")
    private Long id;

    @Column(name = "alert_id", nullable = false)
    private long alertId;

    @Column(nullable = false)
    private String channel;

    @Column(nullable = false)
    private String recipient;

    @Embedded
    @AttributeOverride(name = "nextAttemptAt", column = @Column(name = "not_before", nullable = false))
    private Delivery delivery;

    @Column(name = "sent_at")
    private LocalDateTime sentAt;

    protected SlaDelivery() {
    }

    public SlaDelivery(long alertId, String channel, String recipient, Instant notBefore) {
        this.alertId = alertId;
        this.channel = channel;
        this.recipient = recipient;
        this.delivery = Delivery.queued(notBefore);
    }

    /**
     * The channel took it. Recorded while still being sent, or once its claim lapsed to uncertain
     * (the send is then known to have gone out after all).
     */
    public void sent(Instant at) {
        if (delivery.is(DeliveryState.SENDING) || delivery.is(DeliveryState.HELD)) {
            delivery.done();
            sentAt = Utc.of(at);
        }
    }

    /** Not sent: the alert went stale before its turn came ({@code reason} says how). */
    public void withdraw(String reason) {
        if (delivery.getState().isOnItsWay()) {
            delivery.withdrawn(reason);
        }
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public Long getId() {
        return id;
    }

    public long getAlertId() {
        return alertId;
    }

    public String getChannel() {
        return channel;
    }

    public String getRecipient() {
        return recipient;
    }

    /** Where it stands, in the words supervisors and the API know. */
    public String getState() {
        return switch (delivery.getState()) {
            case QUEUED -> PENDING;
            case SENDING -> SENDING;
            case DONE -> SENT;
            case REFUSED -> FAILED;
            case HELD -> UNCERTAIN;
            case WITHDRAWN -> WITHDRAWN;
        };
    }

    public Instant getNotBefore() {
        return delivery.getNextAttemptAt();
    }

    public int getAttempts() {
        return delivery.getAttempts();
    }

    public String getLastError() {
        return delivery.getLastError();
    }

    public Instant getSentAt() {
        return Utc.instant(sentAt);
    }
}
