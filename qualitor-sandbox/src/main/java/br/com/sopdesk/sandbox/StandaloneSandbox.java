package br.com.sopdesk.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sandbox in-process, for plain JUnit tests of other modules: the same endpoints as the WAR on
 * {@code http://127.0.0.1:<random port>/qualitor-sandbox/...}, served by the JDK's HTTP server with
 * no servlet container, CDI or MicroProfile Config (user {@code integracao}, password
 * {@code sandbox}, company {@code 1}). What the WAR's controls do over HTTP, this class does as Java
 * methods. Faults apply as in the WAR; {@code RESET} announces more bytes than it sends and drops
 * the connection.
 */
public final class StandaloneSandbox implements AutoCloseable {

    static final String CONTEXT = "/qualitor-sandbox";

    private final SandboxState state = new SandboxState("integracao", "sandbox", "1", 10_000);
    private final StatelessEndpoint stateless = new StatelessEndpoint(state);
    private final SoapEndpoint soap = new SoapEndpoint(state);
    private final HttpServer server;
    private final ExecutorService pool;
    private final URI base;

    private StandaloneSandbox() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qualitor-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext(CONTEXT + "/", this::exchange);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CONTEXT);
    }

    /** Starts a fresh sandbox on a free port of the loopback interface. */
    public static StandaloneSandbox start() {
        try {
            return new StandaloneSandbox();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application root, {@code http://127.0.0.1:<port>/qualitor-sandbox} (no trailing slash). */
    public URI baseUri() {
        return base;
    }

    public String user() {
        return state.user();
    }

    public String password() {
        return state.password();
    }

    public String company() {
        return state.company();
    }

    /** Expects another password from now on (null: back to {@code sandbox}); SOAP tokens in force end, as after a real change. */
    public void expectPassword(String password) {
        state.expectPassword(password);
        state.sessions().expireAll();
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

    public SandboxState.WsdlFileSpelling wsdlFileSpelling() {
        return state.wsdlFileSpelling();
    }

    public void wsdlFileSpelling(SandboxState.WsdlFileSpelling spelling) {
        state.wsdlFileSpelling(spelling);
    }

    public SoapLayout soapLayout() {
        return state.soapLayout();
    }

    public void soapLayout(SoapLayout layout) {
        state.soapLayout(layout);
    }

    public SoapSessions.TokenScope tokenScope() {
        return state.sessions().tokenScope();
    }

    public void tokenScope(SoapSessions.TokenScope scope) {
        state.sessions().tokenScope(scope);
    }

    public SoapSessions.SessionCookie sessionCookie() {
        return state.sessions().sessionCookie();
    }

    public void sessionCookie(SoapSessions.SessionCookie mode) {
        state.sessions().sessionCookie(mode);
    }

    public SoapSessions.TokenError tokenError() {
        return state.sessions().tokenError();
    }

    public void tokenError(SoapSessions.TokenError how) {
        state.sessions().tokenError(how);
    }

    public SandboxQualitor.PeriodFilter periodFilter() {
        return state.qualitor().periodFilter();
    }

    public void periodFilter(SandboxQualitor.PeriodFilter mode) {
        state.qualitor().periodFilter(mode);
    }

    /** Back to the start (data, faults, sessions, password and every switch), like {@code POST control/reset}. */
    public void reset() {
        state.reset();
    }

    /** Qualitor's call to SOP Desk when a demand changes: off until a target is set. */
    public DemandCallback callback() {
        return state.callback();
    }

    /** How often each read operation read demand {@code number} since the last reset. */
    public java.util.Map<String, Integer> readsOf(String number) {
        return state.readsOf(number);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        state.callback().close();
    }

    private void exchange(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath().substring(CONTEXT.length());
            Wire.Request request = new Wire.Request(x.getRequestMethod(), path, x.getRequestURI().getRawQuery(),
                    x.getRequestHeaders().getFirst("Content-Type"), x.getRequestHeaders(), x.getRequestBody().readAllBytes(),
                    base.toString());
            Wire.Response answer;
            if (path.equals("/ws/statelessws.php")) {
                answer = stateless.handle(request);
            } else if (path.startsWith("/ws/services/")) {
                answer = soap.handle(request);
            } else {
                answer = Wire.Response.text(404, "Não encontrado: " + path);
            }
            send(x, answer);
        } catch (RuntimeException e) {
            send(x, Wire.Response.text(500, "Erro no sandbox: " + e));
        }
    }

    private static void send(HttpExchange x, Wire.Response answer) throws IOException {
        x.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
        byte[] body = answer.body();
        if (answer.cut()) {
            // done, but the answer is cut: announce more bytes than are sent, then drop the connection
            x.sendResponseHeaders(answer.status(), body.length + 512L);
            OutputStream out = x.getResponseBody();
            out.write(body, 0, answer.cutAfter());
            out.flush();
            // closing the exchange with bytes missing makes the JDK server drop the connection; the
            // exception tells the server so too, should a JDK close it more gently
            x.close();
            throw new IOException("sandbox fault: connection cut");
        }
        x.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
