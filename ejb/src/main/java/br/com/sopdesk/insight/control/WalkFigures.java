package br.com.sopdesk.insight.control;

import br.com.sopdesk.sla.control.SlaBoard;

/**
 * One SOP's walks in a period, counted by how they ended, with the SLA attainment of its tickets.
 * Every walk started is in exactly one count: solved, escalated, reiterated, restarted, followed
 * (handed to another SOP), abandoned, or still in progress (open for less than two hours).
 */
public record WalkFigures(String sopId, long started, long solved, long escalated, long reiterated, long restarted, long followed,
                          long abandoned, long inProgress, SlaBoard.Share sla) {

    /** Reiterated or restarted: an existing demand acted on. */
    public long demandActions() {
        return reiterated + restarted;
    }

    /** Deflection: the share of walks started that were solved without a ticket, or null without walks. */
    public Integer deflectionPercent() {
        return percent(solved);
    }

    public Integer escalationPercent() {
        return percent(escalated);
    }

    public Integer abandonedPercent() {
        return percent(abandoned);
    }

    private Integer percent(long part) {
        return started == 0 ? null : (int) Math.round(100.0 * part / started);
    }
}
