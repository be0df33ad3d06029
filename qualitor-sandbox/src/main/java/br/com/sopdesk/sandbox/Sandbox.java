package br.com.sopdesk.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one sandbox per deployment ({@link SandboxState}), with the credentials from
 * {@code sandbox.user}, {@code sandbox.password}, {@code sandbox.company} (defaults: integracao /
 * sandbox / 1) and {@code sandbox.keptTickets} (10,000).
 */
@ApplicationScoped
public class Sandbox {

    private final SandboxState state = create();

    private static SandboxState create() {
        Config c = ConfigProvider.getConfig();
        return new SandboxState(c.getOptionalValue("sandbox.user", String.class).orElse("integracao"),
                c.getOptionalValue("sandbox.password", String.class).orElse("sandbox"),
                c.getOptionalValue("sandbox.company", String.class).orElse("1"),
                c.getOptionalValue("sandbox.keptTickets", Integer.class).orElse(10_000));
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
