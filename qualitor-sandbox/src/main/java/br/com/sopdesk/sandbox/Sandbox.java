package br.com.sopdesk.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

/** The one sandbox per deployment: its data and its configured faults. */
@ApplicationScoped
public class Sandbox {

    private final SandboxQualitor qualitor = new SandboxQualitor();
    private final Faults faults = new Faults();

    public SandboxQualitor qualitor() {
        return qualitor;
    }

    public Faults faults() {
        return faults;
    }
}
