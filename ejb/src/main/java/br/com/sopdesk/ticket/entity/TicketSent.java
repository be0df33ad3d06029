package br.com.sopdesk.ticket.entity;

/**
 * Fired inside the transaction that records Qualitor's demand number, so whatever starts with the
 * demand (its SLA clock, its move to the category's Qualitor team) commits together with it or not at all.
 */
public record TicketSent(Ticket ticket) {
}
