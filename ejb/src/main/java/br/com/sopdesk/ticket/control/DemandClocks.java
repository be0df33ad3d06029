package br.com.sopdesk.ticket.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SOP Desk's own return clocks of demands, as the customer's related demands show them. The sla
 * feature keeps the clocks and implements this: sla depends on ticket (a clock starts when a ticket
 * is sent), so the ticket feature asks through this interface rather than reading sla's entities.
 */
public interface DemandClocks {

    /** The newest clock of each listed demand that has one, as it stands at {@code now} (by demand number). */
    Map<String, Reading> of(List<String> numbers, Instant now);

    /**
     * One clock as it stands.
     *
     * @param remaining the time left (negative once overdue)
     * @param paused    the clock is paused (Qualitor waits for the customer): the time left is frozen
     * @param met       the promise was met: a return came
     */
    record Reading(Duration remaining, boolean paused, boolean met) {
    }
}
