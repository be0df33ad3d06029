package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One alert on its way to one recipient by e-mail or webhook. Unique per (alert, channel,
 * recipient); held until a supervisor's quiet hours end ({@code notBefore}) for non-breach alerts.
 *
 * <p>Sending is at most once: the claim moves it to {@code SENDING} in the database before the
 * channel is called, a refusal puts it back to {@code PENDING} with back-off (given up as
 * {@code FAILED} after eight attempts), success makes it {@code SENT}. If the sending instance
 * dies, the application is redeployed or the database fails between the channel's answer and that
 * record, the lease runs out and the delivery becomes {@code UNCERTAIN} instead of being sent
 * again: a supervisor never gets the same alert twice, and the ledger and the dashboard still hold
 * it. An alert that went stale while its delivery waited (quiet hours, back-off) — the clock met,
 * the alert acknowledged, the deadline moved — is not sent: the delivery becomes {@code WITHDRAWN}
 * with the reason.
 */
@Entity
@Table(name = "sla_delivery")
@NamedQuery(name = SlaDelivery.DUE, query = """
        select d.id from SlaDelivery d where d.state = 'PENDING' and d.notBefore <= :now order by d.notBefore""")
@NamedQuery(name = SlaDelivery.CLAIM, query = """
        update SlaDelivery d set d.state = 'SENDING', d.claimedUntil = :lease, d.attempts = d.attempts + 1
        where d.id = :id and d.state = 'PENDING' and d.notBefore <= :now""")
@NamedQuery(name = SlaDelivery.LAPSED, query = """
        update SlaDelivery d set d.state = 'UNCERTAIN', d.claimedUntil = null,
          d.lastError = 'envio interrompido: pode não ter chegado; não reenviado para não duplicar'
        where d.state = 'SENDING' and d.claimedUntil < :now""")
@NamedQuery(name = SlaDelivery.OF_ALERT, query = "select d from SlaDelivery d where d.alertId = :alert order by d.id")
public class SlaDelivery {

    public static final String DUE = "SlaDelivery.due";
    public static final String CLAIM = "SlaDelivery.claim";
    public static final String OF_ALERT = "SlaDelivery.ofAlert";
    /** Deliveries whose sender vanished mid-send become UNCERTAIN, never sent twice. */
    public static final String LAPSED = "SlaDelivery.lapsed";
    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String UNCERTAIN = "UNCERTAIN";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String EMAIL = "EMAIL";
    public static final String WEBHOOK = "WEBHOOK";
    static final int MAX_ATTEMPTS = 8;

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

    @Column(nullable = false)
    private String state;

    @Column(name = "not_before", nullable = false)
    private LocalDateTime notBefore;

    private int attempts;

    @Column(name = "claimed_until")
    private LocalDateTime claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private LocalDateTime sentAt;

    protected SlaDelivery() {
    }

    public SlaDelivery(long alertId, String channel, String recipient, Instant notBefore) {
        this.alertId = alertId;
        this.channel = channel;
        this.recipient = recipient;
        this.state = PENDING;
        this.notBefore = Utc.of(notBefore);
    }

    /**
     * The channel took it. Recorded while still {@code SENDING}, or once its claim lapsed to
     * {@code UNCERTAIN} (the send is then known to have gone out after all).
     */
    public void sent(Instant at) {
        if (!SENDING.equals(state) && !UNCERTAIN.equals(state)) {
            return;
        }
        state = SENT;
        sentAt = Utc.of(at);
        claimedUntil = null;
        lastError = null;
    }

    /**
     * The channel refused it: tries again later (waits doubling from 30 s to about half an hour),
     * giving up after eight attempts. Only a delivery being sent can fail; any other state (sent,
     * lapsed to uncertain, withdrawn) is left as it is.
     */
    public void failed(String error, Instant now) {
        if (!SENDING.equals(state)) {
            return;
        }
        lastError = error == null ? "falha" : error.length() <= 1000 ? error : error.substring(0, 1000);
        claimedUntil = null;
        if (attempts >= MAX_ATTEMPTS) {
            state = FAILED;
        } else {
            state = PENDING;
            long wait = Math.min(3600, 15L << Math.min(attempts, 10));
            notBefore = Utc.of(now.plus(Duration.ofSeconds(wait)));
        }
    }

    /** Not sent: the alert went stale before its turn came ({@code reason} says how). */
    public void withdraw(String reason) {
        if (!PENDING.equals(state) && !SENDING.equals(state)) {
            return;
        }
        state = WITHDRAWN;
        claimedUntil = null;
        lastError = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
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

    public String getState() {
        return state;
    }

    public Instant getNotBefore() {
        return Utc.instant(notBefore);
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return Utc.instant(sentAt);
    }
}
