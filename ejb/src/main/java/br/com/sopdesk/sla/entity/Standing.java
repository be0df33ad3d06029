package br.com.sopdesk.sla.entity;

import java.time.Instant;

/** How a clock stands at a moment, as the board reads it. */
public enum Standing {
    ON_TRACK, AT_RISK, BREACHED, PAUSED, MET, MET_LATE;

    static Standing of(SlaClock c, Instant now) {
        if (c.getState() == ClockState.MET) {
            return c.getCountdown().metLate() ? MET_LATE : MET;
        }
        if (c.getState() == ClockState.PAUSED) {
            return PAUSED;
        }
        if (!c.getDeadlineAt().isAfter(now)) {
            return BREACHED;
        }
        return c.getAlerts().warningAhead(now) ? ON_TRACK : AT_RISK;
    }
}
