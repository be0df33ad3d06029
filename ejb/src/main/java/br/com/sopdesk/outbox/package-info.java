/**
 * The one place that keeps SOP Desk's promise for everything it must hand to someone else: never
 * lose a delivery, never make it twice. A delivery (a ticket to Qualitor, its walk summary, a demand's
 * reiteration or team move, an SLA alert to a supervisor) is committed with its owner first, then
 * claimed through the database by one instance, sent outside any transaction, and recorded. The
 * features supply only "send this one" ({@link br.com.sopdesk.outbox.control.Courier}); the claims,
 * the fan-out, the back-off and the one reading of failures live here.
 */
package br.com.sopdesk.outbox;
