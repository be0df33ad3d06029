package br.com.sopdesk.security.control;

import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.security.entity.LoginFailure;
import br.com.sopdesk.security.entity.ThrottleRule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: failed sign-ins are stored per user name and per client address
 * in the database (so two instances count together), and a name or address that reached its limit
 * within the window is refused until the window slides past. A success clears the name's failures
 * (not the address's: one good account must not reset the count for guessing others).
 */
@Stateless
public class LoginThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "sopdesk.login.max-failures-per-user", defaultValue = "5")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "sopdesk.login.max-failures-per-address", defaultValue = "30")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "sopdesk.login.window-seconds", defaultValue = "900")
    long windowSeconds;

    /** How long this name or address must wait before trying again; empty when it may try now. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = Instant.now();
        Optional<Duration> user = check(LoginFailure.userKey(normalize(username)), new ThrottleRule(maxPerUser, window()), now);
        Optional<Duration> addr = check(LoginFailure.addressKey(String.valueOf(address)), new ThrottleRule(maxPerAddress, window()), now);
        if (user.isPresent() && addr.isPresent()) {
            return Optional.of(user.get().compareTo(addr.get()) >= 0 ? user.get() : addr.get());
        }
        return user.isPresent() ? user : addr;
    }

    public void failed(String username, String address) {
        Instant now = Instant.now();
        em.persist(new LoginFailure(LoginFailure.userKey(normalize(username)), now));
        em.persist(new LoginFailure(LoginFailure.addressKey(String.valueOf(address)), now));
        // failures older than the window no longer count for anyone
        em.createNamedQuery(LoginFailure.PURGE).setParameter("before", Utc.of(now.minus(window()))).executeUpdate();
    }

    public void succeeded(String username) {
        em.createNamedQuery(LoginFailure.FORGET).setParameter("key", LoginFailure.userKey(normalize(username))).executeUpdate();
    }

    /** The name as accounts store it (trimmed, lower case), so "Agent " and "agent" count together. */
    public static String normalize(String username) {
        String n = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return n.length() <= 80 ? n : n.substring(0, 80);
    }

    private Duration window() {
        return Duration.ofSeconds(Math.max(1, windowSeconds));
    }

    private Optional<Duration> check(String key, ThrottleRule rule, Instant now) {
        List<LocalDateTime> recent = em.createNamedQuery(LoginFailure.RECENT, LocalDateTime.class)
                .setParameter("key", key).setParameter("since", Utc.of(now.minus(rule.window())))
                .setMaxResults(rule.limit()).getResultList();
        if (recent.size() < rule.limit()) {
            return Optional.empty();
        }
        return rule.retryAfter(recent.stream().map(Utc::instant).toList(), now);
    }
}
