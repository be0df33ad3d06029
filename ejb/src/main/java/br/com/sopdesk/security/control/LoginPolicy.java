package br.com.sopdesk.security.control;

import br.com.sopdesk.security.entity.GrowingDelay;
import br.com.sopdesk.security.entity.ThrottleRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a sign-in may be tried, by the product clock: a user name guessed from one client address
 * waits longer after each failure past the free ones ({@link GrowingDelay}, per name <em>and</em>
 * address together, so guessing someone's password never locks them out elsewhere), and an address
 * that failed too often within the window waits for every name ({@link ThrottleRule}), so one
 * address cannot guess many names quickly either.
 */
public final class LoginPolicy {

    private final GrowingDelay perNameAndAddress;
    private final ThrottleRule perAddress;
    private final Clock clock;

    public LoginPolicy(GrowingDelay perNameAndAddress, ThrottleRule perAddress, Clock clock) {
        this.perNameAndAddress = perNameAndAddress;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The window within which failures count, for both rules (the longer of the two). */
    public Duration window() {
        return perNameAndAddress.window().compareTo(perAddress.window()) >= 0 ? perNameAndAddress.window() : perAddress.window();
    }

    /** How many of the newest failures of a name and address, and of an address, {@link #wait} needs to see. */
    public int pairFailuresNeeded() {
        return perNameAndAddress.failuresNeeded();
    }

    public int addressFailuresNeeded() {
        return perAddress.limit();
    }

    public Duration pairWindow() {
        return perNameAndAddress.window();
    }

    public Duration addressWindow() {
        return perAddress.window();
    }

    /**
     * How long this name must wait from this address, given the recent failures (newest first) of
     * the two together and of the address; empty when it may try now.
     */
    public Optional<Duration> wait(List<Instant> pairFailures, List<Instant> addressFailures) {
        Instant now = now();
        Optional<Duration> pair = perNameAndAddress.retryAfter(pairFailures, now);
        Optional<Duration> address = perAddress.retryAfter(addressFailures, now);
        if (pair.isPresent() && address.isPresent()) {
            return Optional.of(pair.get().compareTo(address.get()) >= 0 ? pair.get() : address.get());
        }
        return pair.isPresent() ? pair : address;
    }
}
