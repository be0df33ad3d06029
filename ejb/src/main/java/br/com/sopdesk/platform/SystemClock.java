package br.com.sopdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Product time, injectable: beans that decide by the time ({@code @Inject Clock clock}) read it here,
 * so their unit tests hand them a clock they move instead of sleeping.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
