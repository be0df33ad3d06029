package br.com.sopdesk.ticket.entity;

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
    REFUSED
}
