package br.com.sopdesk.outbox.entity;

import java.util.EnumSet;
import java.util.Set;

/** Where one delivery stands; the same words in every table that holds a delivery. */
public enum DeliveryState {
    /** Committed; waiting for its (next) attempt. */
    QUEUED,
    /** Claimed by one application instance, which is sending it now. */
    SENDING,
    /** The receiver has it. */
    DONE,
    /** The receiver refused it, or it gave up after its attempts: a person acts, then sends it again. */
    REFUSED,
    /** An earlier attempt may have delivered it and nobody can check: never resent on its own. */
    HELD,
    /** Not sent: what it was about went stale before its turn came. */
    WITHDRAWN;

    /** States in which the delivery's work is over. */
    public static final Set<DeliveryState> FINISHED = EnumSet.of(DONE, REFUSED, WITHDRAWN);

    /** Whether it is still on its way (queued or being sent). */
    public boolean isOnItsWay() {
        return this == QUEUED || this == SENDING;
    }
}
