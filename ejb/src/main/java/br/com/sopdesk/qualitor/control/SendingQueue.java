package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.platform.Text;
import java.time.Instant;
import java.util.Collection;

/**
 * What a pause of sending ({@link SendingPauses}) acts on: the tickets waiting to go to Qualitor.
 * The ticket feature implements it, so the Qualitor gateway does not depend on the tickets it
 * carries. Both calls run in the caller's transaction.
 */
public interface SendingQueue {

    /** Puts back in the queue those of {@code tickets} that Qualitor refused, saying {@code why}; returns how many. */
    int requeueRefused(Collection<Long> tickets, Text why, Instant now);

    /** Makes every ticket waiting for its next attempt due now; returns how many. */
    int retryNow(Instant now);
}
