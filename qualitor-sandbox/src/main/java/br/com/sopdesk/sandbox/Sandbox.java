package br.com.sopdesk.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one sandbox per deployment ({@link SandboxState}), with the credentials from
 * {@code sandbox.user}, {@code sandbox.password}, {@code sandbox.company} (defaults: integracao /
 * sandbox / 1) and {@code sandbox.keptTickets} (10,000), and, when {@code sandbox.callback.url} is
 * set, Qualitor's service-flow call to SOP Desk on each demand's change ({@link DemandCallback}:
 * {@code sandbox.callback.secret}, {@code sandbox.callback.attempts} 4,
 * {@code sandbox.callback.retry-millis} 500), sent from the container's managed executor.
 */
@ApplicationScoped
public class Sandbox {

    @Resource
    ManagedScheduledExecutorService executor;

    private SandboxState state;

    @PostConstruct
    void create() {
        Config c = ConfigProvider.getConfig();
        DemandCallback.Target callback = DemandCallback.Target.of(c.getOptionalValue("sandbox.callback.url", String.class).orElse(null),
                c.getOptionalValue("sandbox.callback.secret", String.class).orElse(""),
                c.getOptionalValue("sandbox.callback.attempts", Integer.class).orElse(4),
                Duration.ofMillis(c.getOptionalValue("sandbox.callback.retry-millis", Long.class).orElse(500L)));
        state = new SandboxState(c.getOptionalValue("sandbox.user", String.class).orElse("integracao"),
                c.getOptionalValue("sandbox.password", String.class).orElse("sandbox"),
                c.getOptionalValue("sandbox.company", String.class).orElse("1"),
                c.getOptionalValue("sandbox.keptTickets", Integer.class).orElse(10_000),
                new DemandCallback(callback, executor));
    }

    @PreDestroy
    void close() {
        state.callback().close();
    }

    public SandboxState state() {
        return state;
    }

    public SandboxQualitor qualitor() {
        return state.qualitor();
    }

    public Faults faults() {
        return state.faults();
    }

    public SoapSessions sessions() {
        return state.sessions();
    }
}
