package br.com.sopdesk.health;

import br.com.sopdesk.platform.DatabaseAway;
import br.com.sopdesk.health.control.DatabaseProbe;
import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import br.com.sopdesk.qualitor.control.SendingPauses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness at {@code /health/ready}: the database must answer; Qualitor's reachability is reported
 * too, and whether Qualitor refused SOP Desk's integration login on the latest authenticated call
 * ({@code credentials}: {@code ok} or {@code refused}). An unreachable Qualitor does not make the
 * instance unready by default
 * ({@code sopdesk.health.qualitor-required=false}): tickets are kept in the outbox meanwhile, and
 * taking every instance out of the load balancer would stop the agents for nothing.
 * <p>
 * The endpoint is anonymous (load balancers call it), so it says only up or down with a short
 * reason: no addresses, versions or error messages (those go to the server log), except Qualitor's
 * own code and words when sending is paused ({@code sending: paused}), which is what an operator
 * needs to see there. The reasons are
 * plain ASCII: Payara writes the health answer without declaring a charset. Qualitor is asked
 * at most once per {@code sopdesk.health.qualitor-cache-seconds} (5 by default) per instance; calls
 * in between answer what the last probe found.
 */
@ApplicationScoped
public class ReadinessChecks {

    private static final Logger LOG = Logger.getLogger(ReadinessChecks.class.getName());

    @Inject
    DatabaseProbe database;

    @Inject
    QualitorGateway qualitor;

    @Inject
    SendingPauses pauses;

    @Inject
    @ConfigProperty(name = "sopdesk.health.qualitor-required", defaultValue = "false")
    boolean qualitorRequired;

    @Inject
    @ConfigProperty(name = "sopdesk.health.qualitor-cache-seconds", defaultValue = "5")
    long qualitorCacheSeconds;

    @Inject
    Clock clock;

    /** The last Qualitor probe: whether it answered, how fast, and when (product time, epoch milliseconds). */
    private record Probe(boolean reachable, long millis, long at) {
    }

    private volatile Probe last;
    private final AtomicBoolean probing = new AtomicBoolean();

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try {
                return HealthCheckResponse.named("database").up().withData("sopBundles", database.sopBundles()).build();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Verificação de prontidão: o banco de dados não respondeu", e);
                return HealthCheckResponse.named("database").down().withData("motivo", said("health.database.silent")).build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck qualitor() {
        return () -> {
            Probe p = probe();
            if (!p.reachable()) {
                return HealthCheckResponse.named("qualitor").status(!qualitorRequired).withData("reachable", false)
                        .withData("motivo", said("health.qualitor.silent")).build();
            }
            SendingPauses.State pause = pause();
            if (pause != null && pause.paused()) {
                // the same refusal for several tickets in a row: Qualitor's own words say why (the tickets wait)
                return HealthCheckResponse.named("qualitor").status(!qualitorRequired).withData("reachable", true)
                        .withData("sending", "paused").withData("qualitorCode", ascii(pause.code()))
                        .withData("qualitorSays", ascii(pause.message()))
                        .withData("motivo", said("health.qualitor.paused")).build();
            }
            if (qualitor.credentialsRefused()) {
                // Qualitor answers, but not to SOP Desk's login: tickets wait in the outbox (the words go to the log)
                return HealthCheckResponse.named("qualitor").status(!qualitorRequired).withData("reachable", true)
                        .withData("credentials", "refused").withData("motivo", said("health.qualitor.credentials")).build();
            }
            return HealthCheckResponse.named("qualitor").up().withData("reachable", true).withData("credentials", "ok")
                    .withData("millis", p.millis()).build();
        };
    }

    /** Whether sending is paused, read from the database; null while it does not answer (the database check says so). */
    private SendingPauses.State pause() {
        try {
            return pauses.state();
        } catch (RuntimeException e) {
            if (!DatabaseAway.in(e)) {
                throw e;
            }
            return null;
        }
    }

    /** The last probe while it is fresh; otherwise one caller asks Qualitor again while the others use the last answer. */
    private Probe probe() {
        Probe p = last;
        if (p != null && clock.millis() - p.at() >= 0 && clock.millis() - p.at() < qualitorCacheSeconds * 1000) {
            return p;
        }
        boolean claimed = probing.compareAndSet(false, true);
        if (!claimed && p != null) {
            return p;
        }
        try {
            long start = System.nanoTime();
            Optional<Exception> failure = qualitor.unreachable();
            boolean reachable = failure.isEmpty();
            if (!reachable && (p == null || p.reachable())) {
                // once per outage, not on every probe
                LOG.log(Level.WARNING, "Verificação de prontidão: o Qualitor não respondeu", failure.get());
            }
            Probe now = new Probe(reachable, (System.nanoTime() - start) / 1_000_000, clock.millis());
            last = now;
            return now;
        } finally {
            if (claimed) {
                probing.set(false);
            }
        }
    }

    /**
     * Why it is not ready, for the operator reading the probe: in pt-BR (a probe has no reader's
     * language), in plain ASCII like the rest of the answer.
     */
    static String said(String key) {
        return ascii(ApiMessages.text(Locale.forLanguageTag("pt-BR"), key));
    }

    /** Qualitor's words in plain ASCII (accents dropped), at most 200 characters: Payara writes this answer without a charset. */
    static String ascii(String text) {
        if (text == null) {
            return "";
        }
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "?");
        return plain.length() <= 200 ? plain : plain.substring(0, 200);
    }
}
