package br.com.sopdesk.ticket.entity;

import br.com.sopdesk.outbox.entity.DeliveryState;

/**
 * Where the plain-text summary of the SOP walk stands on its way to the ticket in Qualitor
 * ({@code addAttachment}, after the ticket is there). Claimed through the database like the ticket.
 */
public enum SummaryState {
    /** To be attached once the ticket has its Qualitor number (or again after a failure). */
    PENDING,
    /** Claimed by one application instance, which is attaching it now. */
    SENDING,
    /** Qualitor has the file. */
    ATTACHED,
    /** Qualitor refused the file (status 0); kept with its message, not resent. */
    REFUSED;

    /** The summary's state for its delivery's: held after a lost answer reads as refused ("confira"). */
    public static SummaryState of(DeliveryState d) {
        return d == null ? null : switch (d) {
            case QUEUED -> PENDING;
            case SENDING -> SENDING;
            case DONE -> ATTACHED;
            case REFUSED, HELD, WITHDRAWN -> REFUSED;
        };
    }
}
