package br.com.sopdesk.sla.control;

import java.time.Instant;

/**
 * A clock's next alert was set outside a scan (a clock started): fired in its transaction and
 * observed after the commit, so the monitor on this instance wakes for it even when it comes
 * before the next periodic scan.
 */
public record AlertAhead(Instant at) {
}
