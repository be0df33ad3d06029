package br.com.sopdesk.security.control;

import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.security.entity.GrowingDelay;
import br.com.sopdesk.security.entity.LoginFailure;
import br.com.sopdesk.security.entity.ThrottleRule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing without letting anyone lock another person out: failed sign-ins are
 * stored in the database (so instances count together) per user name <em>and</em> client address,
 * and per address; {@link LoginPolicy} decides the wait. A success clears the failures of that
 * name from that address (not the address's: one good account must not reset the count for
 * guessing others).
 */
@Stateless
public class LoginThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sopdesk.login.free-failures", defaultValue = "3")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "sopdesk.login.first-delay-seconds", defaultValue = "5")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.login.max-delay-seconds", defaultValue = "900")
    long maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.login.max-failures-per-address", defaultValue = "30")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "sopdesk.login.window-seconds", defaultValue = "900")
    long windowSeconds;

    /** How long this name must wait before trying again from this address; empty when it may try now. */
    public Optional<Duration> lockedFor(String username, String address) {
        LoginPolicy policy = policy();
        Instant now = policy.now();
        return policy.wait(recent(LoginFailure.pairKey(normalize(username), String.valueOf(address)), policy.pairWindow(), policy.pairFailuresNeeded(), now),
                recent(LoginFailure.addressKey(String.valueOf(address)), policy.addressWindow(), policy.addressFailuresNeeded(), now));
    }

    public void failed(String username, String address) {
        LoginPolicy policy = policy();
        Instant now = policy.now();
        em.persist(new LoginFailure(LoginFailure.pairKey(normalize(username), String.valueOf(address)), now));
        em.persist(new LoginFailure(LoginFailure.addressKey(String.valueOf(address)), now));
        // failures older than the window no longer count for anyone
        em.createNamedQuery(LoginFailure.PURGE).setParameter("before", Utc.of(now.minus(policy.window()))).executeUpdate();
    }

    public void succeeded(String username, String address) {
        em.createNamedQuery(LoginFailure.FORGET).setParameter("key", LoginFailure.pairKey(normalize(username), String.valueOf(address))).executeUpdate();
    }

    /** The name as accounts store it (trimmed, lower case), so "Agent " and "agent" count together. */
    public static String normalize(String username) {
        String n = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return n.length() <= 80 ? n : n.substring(0, 80);
    }

    LoginPolicy policy() {
        Duration window = Duration.ofSeconds(Math.max(1, windowSeconds));
        Duration first = Duration.ofSeconds(Math.max(1, firstDelaySeconds));
        Duration max = Duration.ofSeconds(Math.max(first.toSeconds(), maxDelaySeconds));
        return new LoginPolicy(new GrowingDelay(Math.max(0, freeFailures), first, max, window),
                new ThrottleRule(Math.max(1, maxPerAddress), window), clock);
    }

    private List<Instant> recent(String key, Duration window, int needed, Instant now) {
        return em.createNamedQuery(LoginFailure.RECENT, LocalDateTime.class)
                .setParameter("key", key).setParameter("since", Utc.of(now.minus(window)))
                .setMaxResults(needed).getResultList().stream().map(Utc::instant).toList();
    }
}
