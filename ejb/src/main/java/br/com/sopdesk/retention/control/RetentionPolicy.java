package br.com.sopdesk.retention.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long the customer's personal data of a finished submission is kept (LGPD): the rule
 * {@link #expired} says which records the retention job may anonymize, and {@link #cutoff} is the
 * same rule as the date the database queries compare with. {@code days <= 0} keeps data forever.
 *
 * <p>The age counts from the submission's creation; only records whose work is over qualify (a
 * ticket sent to or refused by Qualitor, a demand request done or failed), and each only once.
 */
public record RetentionPolicy(int days) {

    public boolean keepsForever() {
        return days <= 0;
    }

    /** Records created before this instant are past the period; empty when data is kept forever. */
    public Optional<Instant> cutoff(Instant now) {
        return keepsForever() ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(days)));
    }

    /** Whether a record's personal data is due for removal now. */
    public boolean expired(boolean finished, Instant createdAt, boolean alreadyAnonymized, Instant now) {
        return finished && !alreadyAnonymized && cutoff(now).map(createdAt::isBefore).orElse(false);
    }
}
