package br.com.sopdesk.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-instance stamp cache: a stamp is read from the database at most once per recheck period,
 * again at once after a change made through this instance, and on every check when the period is 0.
 */
class SecurityStampsTest {

    /** The database as the cache sees it, counting reads. */
    static final class Accounts extends UserDirectory {
        final Map<String, String> stamps = new HashMap<>();
        int reads;

        @Override
        public Optional<String> activeStamp(String username) {
            reads++;
            return Optional.ofNullable(stamps.get(username));
        }
    }

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private static SecurityStamps cache(Accounts accounts, long recheckSeconds) {
        SecurityStamps s = new SecurityStamps();
        s.users = accounts;
        s.recheckSeconds = recheckSeconds;
        s.clock = Clock.fixed(T0, ZoneOffset.UTC);
        return s;
    }

    @Test
    void aStampIsReadOncePerPeriodSoAnotherInstancesChangeArrivesWithinIt() {
        Accounts db = new Accounts();
        db.stamps.put("maria", "a");
        SecurityStamps stamps = cache(db, 3600);
        assertEquals(Optional.of("a"), stamps.current("maria"));
        db.stamps.put("maria", "b"); // changed on another instance
        assertEquals(Optional.of("a"), stamps.current("maria"), "within the period, as read");
        assertEquals(1, db.reads, "one read for any number of requests");
        assertEquals(Optional.of("b"), stamps.fresh("maria"), "a sign-in reads it anew");
    }

    @Test
    void aChangeThroughThisInstanceIsSeenAtOnce() {
        Accounts db = new Accounts();
        db.stamps.put("maria", "a");
        SecurityStamps stamps = cache(db, 3600);
        stamps.current("maria");
        db.stamps.remove("maria"); // deactivated here
        stamps.changed(new SecurityStamps.AccountChanged("maria"));
        assertTrue(stamps.current("maria").isEmpty(), "an inactive account has no stamp");
    }

    @Test
    void withoutAPeriodEveryCheckReads() {
        Accounts db = new Accounts();
        db.stamps.put("maria", "a");
        SecurityStamps stamps = cache(db, 0);
        stamps.current("maria");
        stamps.current("maria");
        assertEquals(2, db.reads);
    }

    @Test
    void thePeriodIsProductTimeAndAStampReadInTheFutureIsReadAgain() {
        Accounts db = new Accounts();
        db.stamps.put("maria", "a");
        SecurityStamps stamps = cache(db, 5);
        stamps.current("maria");
        db.stamps.put("maria", "b");
        stamps.clock = Clock.offset(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMillis(4_999));
        assertEquals(Optional.of("a"), stamps.current("maria"), "just within the period");
        stamps.clock = Clock.offset(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(5));
        assertEquals(Optional.of("b"), stamps.current("maria"), "the period is over");
        db.stamps.put("maria", "c");
        stamps.clock = Clock.fixed(T0, ZoneOffset.UTC);
        assertEquals(Optional.of("c"), stamps.current("maria"), "product time moved back: read again, not trusted for longer");
        assertEquals(3, db.reads);
    }
}
