package br.com.sopdesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tokens the SOAP {@code login} hands out, each valid for a while (30 minutes, or until the
 * controls expire them all), and how a call with a bad token is refused: a SOAP Fault (the default)
 * or a {@code status 0} answer, as different Qualitor versions do. Counts the logins so tests can
 * see a client reuse its token.
 */
public final class SoapSessions {

    /** How a call carrying an invalid or expired token is answered. */
    public enum TokenError { FAULT, STATUS_0 }

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile TokenError tokenError = TokenError.FAULT;

    String login() {
        logins.incrementAndGet();
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, Instant.now().plus(LIFETIME));
        return token;
    }

    boolean valid(String token) {
        Instant until = token == null ? null : tokens.get(token.strip());
        return until != null && Instant.now().isBefore(until);
    }

    TokenError tokenError() {
        return tokenError;
    }

    public void tokenError(TokenError how) {
        this.tokenError = how;
    }

    /** Every token handed out so far stops working (the next call must log in again). */
    public int expireAll() {
        int n = tokens.size();
        tokens.clear();
        return n;
    }

    public int logins() {
        return logins.get();
    }

    public int active() {
        return (int) tokens.values().stream().filter(Instant.now()::isBefore).count();
    }

    public void reset() {
        tokens.clear();
        logins.set(0);
        tokenError = TokenError.FAULT;
    }
}
