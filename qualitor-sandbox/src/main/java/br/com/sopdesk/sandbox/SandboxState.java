package br.com.sopdesk.sandbox;

/**
 * Everything one sandbox holds, without a container: its data ({@link SandboxQualitor}), its
 * faults, its SOAP sessions, the credentials it expects and the protocol switches. The WAR keeps
 * one in the CDI bean {@link Sandbox}; {@link StandaloneSandbox} keeps its own.
 */
public final class SandboxState {

    /**
     * Which {@code wsdl_file} spellings the stateless endpoint accepts, case-insensitive: {@code ANY}
     * (default: {@code WSTicket}, {@code WSTicket.wsdl}); {@code SUFFIXED_ONLY} ({@code WSTicket.wsdl}
     * only, what public clients send); {@code BARE_ONLY} ({@code WSTicket} only). Real servers accept
     * the suffixed form; whether they accept the bare one is unknown.
     */
    public enum WsdlFileSpelling { ANY, SUFFIXED_ONLY, BARE_ONLY }

    private final String user;
    private final String configuredPassword;
    private final String company;
    private volatile String expectedPassword;
    private final SandboxQualitor qualitor;
    private final Faults faults = new Faults();
    private final SoapSessions sessions = new SoapSessions();
    private volatile WsdlFileSpelling wsdlFileSpelling = WsdlFileSpelling.ANY;
    private volatile SoapLayout soapLayout = SoapLayout.ADVERTISED;

    public SandboxState(String user, String password, String company, int keptTickets) {
        this.user = user;
        this.configuredPassword = password;
        this.company = company;
        this.qualitor = new SandboxQualitor(keptTickets);
    }

    public String user() {
        return user;
    }

    public String company() {
        return company;
    }

    /** The password calls must carry: the one set through {@link #expectPassword}, else the configured one. */
    public String password() {
        String p = expectedPassword;
        return p == null ? configuredPassword : p;
    }

    /** Expects another password from now on (null or empty: back to the configured one). */
    public void expectPassword(String password) {
        this.expectedPassword = password == null || password.isEmpty() ? null : password;
    }

    boolean credentials(String user, String password, String company) {
        return this.user.equals(user) && password().equals(password) && this.company.equals(company);
    }

    public SandboxQualitor qualitor() {
        return qualitor;
    }

    public Faults faults() {
        return faults;
    }

    public SoapSessions sessions() {
        return sessions;
    }

    public WsdlFileSpelling wsdlFileSpelling() {
        return wsdlFileSpelling;
    }

    public void wsdlFileSpelling(WsdlFileSpelling spelling) {
        this.wsdlFileSpelling = spelling;
    }

    public SoapLayout soapLayout() {
        return soapLayout;
    }

    public void soapLayout(SoapLayout layout) {
        this.soapLayout = layout;
    }

    /** Back to the start: initial data, no faults, no sessions, the configured password, every switch at its default. */
    public void reset() {
        qualitor.reset();
        faults.clear();
        sessions.reset();
        expectPassword(null);
        wsdlFileSpelling = WsdlFileSpelling.ANY;
        soapLayout = SoapLayout.ADVERTISED;
    }
}
