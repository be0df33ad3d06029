package br.com.sopdesk.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import br.com.sopdesk.platform.InstanceName;
import br.com.sopdesk.outbox.entity.Backoff;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the outbox sends to Qualitor (documented in the README's configuration table): how long an
 * instance holds what it claimed, the longest pause between attempts, how many go at once; and
 * the name this instance claims under. Shared by every delivery to Qualitor.
 */
@ApplicationScoped
public class OutboxSettings {

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.lease-seconds", defaultValue = "60")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.max-backoff-seconds", defaultValue = "300")
    long maxBackoffSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.parallelism", defaultValue = "8")
    int parallelism;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.drain-interval-seconds", defaultValue = "15")
    long drainIntervalSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.pause-after-refusals", defaultValue = "3")
    int pauseAfterRefusals;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.pause-probe-seconds", defaultValue = "60")
    long pauseProbeSeconds;

    /** How many different tickets in a row refused the same unexplained way pause sending. */
    public int pauseAfterRefusals() {
        return Math.max(2, pauseAfterRefusals);
    }

    /** While paused, how often one ticket goes to see whether Qualitor accepts again. */
    public Duration pauseProbe() {
        return Duration.ofSeconds(Math.max(1, pauseProbeSeconds));
    }

    /** This instance, as claims name it (unique among the instances sharing the database). */
    public String instance() {
        return InstanceName.get();
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(1, leaseSeconds));
    }

    public Duration maxBackoff() {
        return Duration.ofSeconds(Math.max(1, maxBackoffSeconds));
    }

    public int parallelism() {
        return Math.max(1, parallelism);
    }

    /** How often the outbox timer tells the couriers to drain ({@link OutboxTimer}). */
    public Duration drainInterval() {
        return Duration.ofSeconds(Math.max(1, drainIntervalSeconds));
    }

    /** The pace of a delivery to Qualitor: this lease, {@code width} at a time, 5 s doubled up to the longest pause. */
    public Pace qualitor(int width, int batch) {
        return new Pace(lease(), width, batch, null, new Backoff(Duration.ofSeconds(5), maxBackoff(), 0));
    }

    /**
     * As {@link #qualitor}, for what follows a ticket (its summary, requests on its demand): drained for
     * at most a third of the timer's interval a tick, so a long backlog of them never holds back the
     * next tick's tickets (those tried again after Qualitor came back, say).
     */
    public Pace follower(int width, int batch) {
        return new Pace(lease(), width, batch, drainInterval().dividedBy(3), new Backoff(Duration.ofSeconds(5), maxBackoff(), 0));
    }
}
