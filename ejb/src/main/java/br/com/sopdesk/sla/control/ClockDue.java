package br.com.sopdesk.sla.control;

import java.time.Instant;

/**
 * A clock falls due at {@code at} by a change made outside a scan (a clock started, a change
 * Qualitor announced): fired in that transaction and observed after its commit, so the monitor on
 * this instance wakes for it rather than at its next periodic scan.
 */
public record ClockDue(Instant at) {
}
