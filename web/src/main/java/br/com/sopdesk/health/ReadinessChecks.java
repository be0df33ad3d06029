package br.com.sopdesk.health;

import br.com.sopdesk.qualitor.QualitorClient;
import br.com.sopdesk.qualitor.QualitorException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness at {@code /health/ready}: the database must answer; Qualitor's reachability is reported
 * too, and whether Qualitor refused SOP Desk's integration login on the latest authenticated call
 * ({@code credentials}: {@code ok} or {@code refused}, with Qualitor's words). An unreachable Qualitor does not make the instance unready by default
 * ({@code sopdesk.health.qualitor-required=false}): tickets are kept in the outbox meanwhile, and
 * taking every instance out of the load balancer would stop the agents for nothing.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    DatabaseProbe database;

    @Inject
    QualitorClient qualitor;

    @Inject
    @ConfigProperty(name = "sopdesk.health.qualitor-required", defaultValue = "false")
    boolean qualitorRequired;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try {
                return HealthCheckResponse.named("database").up().withData("sopBundles", database.sopBundles()).build();
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck qualitor() {
        return () -> {
            long start = System.nanoTime();
            try {
                String version = qualitor.version();
                var refused = qualitor.credentialsRefusal();
                if (refused.isPresent()) {
                    // Qualitor answers, but not to SOP Desk's login: tickets wait in the outbox
                    return HealthCheckResponse.named("qualitor").status(!qualitorRequired)
                            .withData("reachable", true)
                            .withData("credentials", "refused")
                            .withData("version", version)
                            .withData("url", qualitor.settings().baseUri().toString())
                            .withData("error", refused.get())
                            .build();
                }
                return HealthCheckResponse.named("qualitor").up()
                        .withData("reachable", true)
                        .withData("credentials", "ok")
                        .withData("version", version)
                        .withData("url", qualitor.settings().baseUri().toString())
                        .withData("millis", (System.nanoTime() - start) / 1_000_000)
                        .build();
            } catch (QualitorException e) {
                return HealthCheckResponse.named("qualitor").status(!qualitorRequired)
                        .withData("reachable", false)
                        .withData("url", qualitor.settings().baseUri().toString())
                        .withData("error", e.getMessage())
                        .build();
            }
        };
    }
}
