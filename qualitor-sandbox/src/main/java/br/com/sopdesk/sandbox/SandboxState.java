package br.com.sopdesk.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final DemandCallback callback;
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    /** A sandbox that tells no one of its demands' changes. */
    public SandboxState(String user, String password, String company, int keptTickets) {
        this(user, password, company, keptTickets, DemandCallback.standalone(null));
    }

    /** A sandbox whose demands' changes go to {@code callback} (its target null: off). */
    public SandboxState(String user, String password, String company, int keptTickets, DemandCallback callback) {
        this.user = user;
        this.configuredPassword = password;
        this.company = company;
        this.qualitor = new SandboxQualitor(keptTickets);
        this.callback = callback;
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

    /** Who is told when a demand changes (Qualitor's service flow calling SOP Desk). */
    public DemandCallback callback() {
        return callback;
    }

    /** Counts a read of demand {@code number} by {@code operation} (getTicketData, getTicketHistoryData). */
    void read(String number, String operation) {
        reads.computeIfAbsent(number.strip() + "/" + operation, k -> new AtomicInteger()).incrementAndGet();
    }

    /** How often each read operation read demand {@code number} since the last reset. */
    public Map<String, Integer> readsOf(String number) {
        Map<String, Integer> out = new TreeMap<>();
        String prefix = number.strip() + "/";
        reads.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v.get());
            }
        });
        return out;
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

    /** Back to the start: initial data, no faults, no sessions, the configured password and callback, every switch at its default, no reads counted. */
    public void reset() {
        qualitor.reset();
        faults.clear();
        sessions.reset();
        expectPassword(null);
        wsdlFileSpelling = WsdlFileSpelling.ANY;
        soapLayout = SoapLayout.ADVERTISED;
        reads.clear();
        callback.reset();
    }
}
