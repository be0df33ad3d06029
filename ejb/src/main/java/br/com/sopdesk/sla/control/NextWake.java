package br.com.sopdesk.sla.control;

import java.util.OptionalLong;

/**
 * When this instance's SLA monitor wakes next for an alert, in real time (epoch milliseconds): only
 * an earlier moment replaces the one set, and no wake comes sooner than the gap after the last
 * woken scan began, so a dense stream of deadlines is taken a gap at a time. Held in memory only:
 * it decides when to look, never what is due (the database's claims and ledger do).
 */
final class NextWake {

    private final long gap;
    private long at = Long.MAX_VALUE;
    private long lastScan = Long.MIN_VALUE / 2;

    NextWake(long gapMillis) {
        this.gap = gapMillis;
    }

    /**
     * A wake is wanted at {@code wantedAt} (now is {@code nowMillis}): the moment to set, if it is
     * earlier than the one set; empty when the one set comes first anyway.
     */
    synchronized OptionalLong earlier(long wantedAt, long nowMillis) {
        long when = Math.max(Math.max(wantedAt, nowMillis), lastScan + gap);
        if (when >= at) {
            return OptionalLong.empty();
        }
        at = when;
        return OptionalLong.of(when);
    }

    /** A woken scan begins at {@code nowMillis}: nothing is set until it says what comes next. */
    synchronized void scanning(long nowMillis) {
        lastScan = nowMillis;
        at = Long.MAX_VALUE;
    }

    /** The wake set for {@code when} fired or was dropped: a later wish may set another. */
    synchronized void gone(long when) {
        if (at == when) {
            at = Long.MAX_VALUE;
        }
    }
}
