package br.com.sopdesk.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

/** The one sandbox per deployment: its data, its configured faults and its SOAP login tokens. */
@ApplicationScoped
public class Sandbox {

    private final SandboxQualitor qualitor = new SandboxQualitor();
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
