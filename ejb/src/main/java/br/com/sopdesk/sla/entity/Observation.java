package br.com.sopdesk.sla.entity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What a sync read from Qualitor about a demand, already in our terms.
 *
 * @param situationCode  Qualitor's situation code
 * @param situationName  Qualitor's situation name
 * @param expectedAnswer Qualitor's own expected-answer time (shown beside ours), if it gives one we can read
 * @param returnedAt     when someone other than SOP Desk first wrote to the demand since the clock started, if ever
 * @param closed         whether the situation is one that ends the demand
 */
public record Observation(String situationCode, String situationName, Instant expectedAnswer,
                          Instant returnedAt, boolean closed) {

    /** The situation as people read it: its name, or its code when Qualitor gives no name. */
    public String situation() {
        return situationName == null ? situationCode : situationName;
    }

    /**
     * The return that counts for a clock started at {@code startedAt}, read at {@code now}. Qualitor
     * writes history times to the minute, so a return in the clock's first minute counts; a bare date
     * reads as the end of its day, so a return "later" than now was written by now at the latest.
     */
    public Optional<Instant> returnSince(Instant startedAt, Instant now) {
        if (returnedAt == null || returnedAt.isBefore(startedAt.truncatedTo(ChronoUnit.MINUTES))) {
            return Optional.empty();
        }
        return Optional.of(returnedAt.isAfter(now) ? now : returnedAt);
    }
}
