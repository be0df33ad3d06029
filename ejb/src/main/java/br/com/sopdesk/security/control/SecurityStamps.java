package br.com.sopdesk.security.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The accounts' current security stamps, as this instance last read them from the database, so a
 * session can be checked on every request for almost nothing: a stamp is read again once it is
 * older than {@code sopdesk.session.recheck-seconds} (5 by default), which bounds how long another
 * instance's change (roles, deactivation, password reset) takes to reach this one. A change made
 * through this instance is seen at once. An inactive or unknown account has no stamp.
 */
@ApplicationScoped
public class SecurityStamps {

    /** What was read, and when (product time, epoch milliseconds). */
    private record Known(Optional<String> stamp, long readAt) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @EJB
    UserDirectory users;

    @Inject
    @ConfigProperty(name = "sopdesk.session.recheck-seconds", defaultValue = "5")
    long recheckSeconds;

    @Inject
    Clock clock;

    /** The stamp of an active account, read at most {@code sopdesk.session.recheck-seconds} ago; empty otherwise. */
    public Optional<String> current(String username) {
        Known k = known.get(username);
        if (k != null && fresh(k.readAt())) {
            return k.stamp();
        }
        return fresh(username);
    }

    /** The stamp as the database has it now (at sign-in), remembered for {@link #current}. */
    public Optional<String> fresh(String username) {
        Optional<String> stamp = users.activeStamp(username);
        known.put(username, new Known(stamp, clock.millis()));
        return stamp;
    }

    /** Read less than the recheck period ago (and not after now: product time moved back means read again). */
    private boolean fresh(long readAt) {
        long age = clock.millis() - readAt;
        return age >= 0 && age < recheckSeconds * 1000;
    }

    /** An account changed through this instance: the next check reads its stamp again. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged change) {
        known.remove(change.username());
    }

    /** Fired by {@link UserDirectory} when an account's roles, active flag or password changed. */
    public record AccountChanged(String username) {
    }
}
