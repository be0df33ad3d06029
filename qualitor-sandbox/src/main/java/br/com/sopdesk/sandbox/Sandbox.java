package br.com.sopdesk.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one sandbox per deployment: its data, its configured faults, its SOAP login tokens, and the
 * integration password it expects when the controls changed it (to play an installation whose
 * password was changed under SOP Desk).
 */
@ApplicationScoped
public class Sandbox {

    private volatile String expectedPassword;

    /** The password calls must carry: the one set through the controls, else {@code configured}. */
    public String password(String configured) {
        String p = expectedPassword;
        return p == null ? configured : p;
    }

    /** Expects another password from now on (null: back to {@code sandbox.password}). */
    public void expectPassword(String password) {
        this.expectedPassword = password == null || password.isEmpty() ? null : password;
    }

    private final SandboxQualitor qualitor = new SandboxQualitor(
            ConfigProvider.getConfig().getOptionalValue("sandbox.keptTickets", Integer.class).orElse(10_000));
    private final Faults faults = new Faults();
    private final SoapSessions sessions = new SoapSessions();

    public SandboxQualitor qualitor() {
        return qualitor;
    }

    public Faults faults() {
        return faults;
    }

    public SoapSessions sessions() {
        return sessions;
    }
}
