package br.com.sopdesk.outbox.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One delivery's way to its receiver, embedded in the row that owns it (the owner maps the columns).
 * Claims happen as conditional updates ({@link br.com.sopdesk.outbox.control.DeliveryStore}); this
 * value holds what the attempts decided. {@code outcomeUnknown} marks that an attempt may have
 * delivered although no answer came: from then on every attempt looks before sending, or, where
 * nobody can look, the delivery is held instead of sent again.
 */
@Embeddable
public class Delivery {

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 12)
    private DeliveryState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;

    @Column(name = "claimed_by", length = 80)
    private String claimedBy;

    @Column(name = "claimed_until")
    private LocalDateTime claimedUntil;

    @Column(name = "outcome_unknown", nullable = false)
    private boolean outcomeUnknown;

    /** How long a last error may be; a text is kept in its stored form ({@code Text#stored}) that fits. */
    public static final int ERROR_LENGTH = 1000;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    protected Delivery() {
    }

    /** A delivery committed now, due at once (or at {@code due}). */
    public static Delivery queued(Instant due) {
        Delivery d = new Delivery();
        d.state = DeliveryState.QUEUED;
        d.nextAttemptAt = Utc.of(due);
        return d;
    }

    /**
     * Claims the first attempt of a delivery not yet stored, for the instance storing it, which sends it
     * at once; should that instance stop first, the claim lapses like any other.
     */
    public void claimFirst(String instance, Instant until) {
        if (state != DeliveryState.QUEUED || attempts != 0) {
            throw new IllegalStateException("only a new queued delivery can be claimed before it is stored");
        }
        claim(instance, until);
    }

    /** Claims the delivery in memory, in the transaction that read it (the store's update does it in bulk). */
    public void claim(String instance, Instant until) {
        state = DeliveryState.SENDING;
        claimedBy = Objects.requireNonNull(instance);
        claimedUntil = Utc.of(until);
        attempts++;
    }

    /** The receiver has it (sent now, or found there after a lost answer). */
    public void done() {
        state = DeliveryState.DONE;
        release();
        lastError = null;
    }

    /**
     * The attempt failed in a way that may pass: queued again after the back-off, or refused once the
     * back-off gives up.
     *
     * @param mayHaveArrived the receiver may hold it although no answer came
     */
    public void retryLater(String error, Instant now, Backoff backoff, boolean mayHaveArrived) {
        outcomeUnknown |= mayHaveArrived;
        lastError = cut(error);
        release();
        if (backoff.givesUpAfter(attempts)) {
            state = DeliveryState.REFUSED;
        } else {
            state = DeliveryState.QUEUED;
            nextAttemptAt = Utc.of(now.plus(backoff.after(attempts)));
        }
    }

    /** The receiver refused it: kept with the reason for a person. */
    public void refused(String error) {
        state = DeliveryState.REFUSED;
        lastError = cut(error);
        release();
    }

    /** It may have arrived and nobody can check: held for a person, never resent on its own. */
    public void held(String error) {
        state = DeliveryState.HELD;
        outcomeUnknown = true;
        lastError = cut(error);
        release();
    }

    /** Not sent: what it carried went stale ({@code reason}). */
    public void withdrawn(String reason) {
        state = DeliveryState.WITHDRAWN;
        lastError = cut(reason);
        release();
    }

    /**
     * A person sends it again: after a refusal, once its cause is fixed; after a hold, once they
     * checked the receiver does not have it ({@code checked}), so the next attempt sends without looking.
     *
     * @throws IllegalStateException when it is neither refused nor held, or a hold was not checked
     */
    public void resend(Instant now, boolean checked) {
        if (state != DeliveryState.REFUSED && state != DeliveryState.HELD) {
            throw new IllegalStateException("not refused nor held: " + state);
        }
        if (state == DeliveryState.HELD) {
            if (!checked) {
                throw new IllegalStateException("held: check the receiver first");
            }
            outcomeUnknown = false;
        }
        state = DeliveryState.QUEUED;
        lastError = null;
        nextAttemptAt = Utc.of(now);
    }

    /** Back to the queue, due now, saying why it waits (a refusal that turned out not to be its own). */
    public void requeue(String why, Instant now) {
        state = DeliveryState.QUEUED;
        lastError = cut(why);
        nextAttemptAt = Utc.of(now);
    }

    private void release() {
        claimedBy = null;
        claimedUntil = null;
    }

    private static String cut(String s) {
        return s == null || s.length() <= ERROR_LENGTH ? s : s.substring(0, ERROR_LENGTH - 3) + "...";
    }

    public DeliveryState getState() {
        return state;
    }

    public boolean is(DeliveryState s) {
        return state == s;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return Utc.instant(nextAttemptAt);
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimedUntil() {
        return Utc.instant(claimedUntil);
    }

    /** Whether an attempt may have delivered it although no answer came. */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    public String getLastError() {
        return lastError;
    }
}
