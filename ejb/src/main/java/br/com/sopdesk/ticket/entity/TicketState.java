package br.com.sopdesk.ticket.entity;

import br.com.sopdesk.outbox.entity.DeliveryState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is on its way to Qualitor. {@code QUEUED} and {@code SENDING} are the outbox:
 * committed here, not yet confirmed by Qualitor.
 */
public enum TicketState {
    /** Saved; waiting for its (next) attempt. */
    QUEUED,
    /** Claimed by one application instance, which is talking to Qualitor now. */
    SENDING,
    /** Qualitor answered with a demand number. */
    SENT,
    /**
     * Qualitor refused it (status 0): a person acts (registers the customer or the contact in
     * Qualitor, fixes the SOP's mapping) and then sends it again ({@code Reenviar}).
     */
    REJECTED,
    /**
     * An earlier attempt may have created it in Qualitor, and Qualitor's answers do not let SOP Desk
     * check: held until a person looks in Qualitor, then sends it again (not there) or records the
     * demand number found (there). Never sent again on its own.
     */
    HELD;

    /** States in which SOP Desk's work on the ticket is over (its data may go after the retention period). */
    public static final Set<TicketState> FINISHED = EnumSet.of(SENT, REJECTED);

    public boolean isFinished() {
        return FINISHED.contains(this);
    }

    /** The ticket's state for its delivery's. */
    public static TicketState of(DeliveryState d) {
        return switch (d) {
            case QUEUED -> QUEUED;
            case SENDING -> SENDING;
            case DONE -> SENT;
            case REFUSED, WITHDRAWN -> REJECTED;
            case HELD -> HELD;
        };
    }

    /** The deliveries of finished tickets (see {@link #FINISHED}), for queries. */
    public static final Set<DeliveryState> FINISHED_DELIVERIES = EnumSet.of(DeliveryState.DONE, DeliveryState.REFUSED);
}
