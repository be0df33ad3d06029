package br.com.sopdesk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Product time, injectable: beans that decide by the time ({@code @Inject Clock clock}) read it here,
 * so their unit tests hand them a clock they move instead of sleeping. In the test profile
 * ({@code mp.config.profile=test}, set only for the integration tests' domain) it is a
 * {@link MovableClock} the integration tests move through {@code api/admin/test/clock}; in any
 * other profile it is the system clock, and there is no movable one to ask for.
 */
@ApplicationScoped
public class SystemClock {

    private static final Logger LOG = Logger.getLogger(SystemClock.class.getName());

    /** Optional: an empty default is no value to MicroProfile Config, and no profile is the production case. */
    @Inject
    @ConfigProperty(name = "mp.config.profile")
    Optional<String> profile;

    private MovableClock movable;

    @PostConstruct
    void choose() {
        if (profile.filter(MovableClock.TEST_PROFILE::equals).isPresent()) {
            movable = MovableClock.inProfile(profile.get());
            LOG.warning("Perfil de teste: o tempo do produto pode ser movido (api/admin/test/clock).");
        }
    }

    @Produces
    Clock clock() {
        return movable == null ? Clock.systemUTC() : movable;
    }

    /** The clock a test moves: present only in the test profile. */
    public Optional<MovableClock> movable() {
        return Optional.ofNullable(movable);
    }
}
