package br.com.sopdesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tokens the SOAP {@code login} hands out, each valid for a while (30 minutes, or until the
 * controls expire them all), each with the PHP session cookie its login set. Public evidence does
 * not say whether a real token works on another service than the one that issued it, nor whether
 * the session cookie must come back with it, so both are switches with the lenient answer as
 * default ({@link TokenScope#SHARED}, {@link SessionCookie#IGNORED}). A call with a bad token is
 * refused with a SOAP Fault (the default) or {@code status 0}, as different Qualitor versions do.
 * Counts the logins, per service, so tests can see a client reuse its token.
 */
public final class SoapSessions {

    /** How a call carrying an invalid or expired token is answered. */
    public enum TokenError { FAULT, STATUS_0 }

    /** Where a token works: on any service ({@code SHARED}, default) or only on the service that issued it. */
    public enum TokenScope { SHARED, PER_SERVICE }

    /** Whether a token needs the {@code PHPSESSID} cookie its login set ({@code REQUIRED}) or not ({@code IGNORED}, default). */
    public enum SessionCookie { IGNORED, REQUIRED }

    static final String COOKIE = "PHPSESSID";
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    /** One login: the service it was made on, the session id its cookie carries, and until when it holds. */
    record Session(String token, String service, String sessionId, Instant until) {
    }

    private final Map<String, Session> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final Map<String, AtomicInteger> loginsByService = new ConcurrentHashMap<>();
    private volatile TokenError tokenError = TokenError.FAULT;
    private volatile TokenScope tokenScope = TokenScope.SHARED;
    private volatile SessionCookie sessionCookie = SessionCookie.IGNORED;

    Session login(String service) {
        logins.incrementAndGet();
        loginsByService.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        Session s = new Session(random(), service, random(), Instant.now().plus(LIFETIME));
        tokens.put(s.token(), s);
        return s;
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether {@code token} may be used on {@code service} by a request that carries session {@code sessionId} (may be null). */
    boolean valid(String token, String service, String sessionId) {
        Session s = token == null ? null : tokens.get(token.strip());
        if (s == null || !Instant.now().isBefore(s.until())) {
            return false;
        }
        if (tokenScope == TokenScope.PER_SERVICE && !s.service().equals(service)) {
            return false;
        }
        return sessionCookie == SessionCookie.IGNORED || s.sessionId().equals(sessionId);
    }

    public TokenError tokenError() {
        return tokenError;
    }

    public void tokenError(TokenError how) {
        this.tokenError = how;
    }

    public TokenScope tokenScope() {
        return tokenScope;
    }

    public void tokenScope(TokenScope scope) {
        this.tokenScope = scope;
    }

    public SessionCookie sessionCookie() {
        return sessionCookie;
    }

    public void sessionCookie(SessionCookie mode) {
        this.sessionCookie = mode;
    }

    /** Every token handed out so far stops working (the next call must log in again). */
    public int expireAll() {
        int n = tokens.size();
        tokens.clear();
        return n;
    }

    /** Logins on every service since the last reset. */
    public int logins() {
        return logins.get();
    }

    /** Logins on one service ({@code WSTicket}, {@code WSGeneral}) since the last reset. */
    public int logins(String service) {
        AtomicInteger n = loginsByService.get(service);
        return n == null ? 0 : n.get();
    }

    /** Logins per service since the last reset. */
    public Map<String, Integer> loginsByService() {
        Map<String, Integer> out = new TreeMap<>();
        loginsByService.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int active() {
        return (int) tokens.values().stream().filter(s -> Instant.now().isBefore(s.until())).count();
    }

    /** No tokens, no logins counted, every switch back to its default. */
    public void reset() {
        tokens.clear();
        logins.set(0);
        loginsByService.clear();
        tokenError = TokenError.FAULT;
        tokenScope = TokenScope.SHARED;
        sessionCookie = SessionCookie.IGNORED;
    }
}
