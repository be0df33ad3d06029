package br.com.sopdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/** Faults in the standalone server, and that it runs without servlet, CDI or MicroProfile classes. */
class StandaloneFaultsTest {

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();
    private static StandaloneSandbox sandbox;
    private static WireClient client;

    @BeforeEach
    void bind() {
        sandbox = running.sandbox();
        client = running.client();
    }

    private HttpResponse<byte[]> raw(String operation) throws Exception {
        return client.http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/ws/statelessws.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(client.form("WSGeneral.wsdl", operation, null))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void httpErrorsAndMalformedAnswers() throws Exception {
        sandbox.faults().set(0, Faults.Kind.HTTP_500, 1, "getVersion");
        assertEquals(500, raw("getVersion").statusCode());
        assertEquals(200, raw("getVersion").statusCode(), "only the next call");
        sandbox.faults().set(0, Faults.Kind.DOWN, 0, null);
        assertEquals(503, raw("getVersion").statusCode());
        assertEquals(503, raw("getVersion").statusCode());
        sandbox.faults().set(0, Faults.Kind.MALFORMED, 1, null);
        assertTrue(new String(raw("getVersion").body(), StandardCharsets.ISO_8859_1).startsWith("<html>"));
        sandbox.faults().set(0, Faults.Kind.STATUS_0, 1, null);
        assertEquals("Ws - Falha simulada pelo sandbox.", client.call("WSGeneral.wsdl", "getVersion", null).msg());
    }

    @Test
    @Timeout(30) // a connection left open would hang the client instead of failing it
    void aResetAnswerIsCutButTheTicketIsCreated() throws Exception {
        sandbox.faults().set(0, Faults.Kind.RESET, 1, "addTicketByData");
        assertThrows(IOException.class, () -> client.openTicket(Map.of(), null));
        assertEquals(1, sandbox.qualitor().received());
        client.openTicket(Map.of(), null);
        assertEquals(2, sandbox.qualitor().received());
    }

    @Test
    void aSlowAnswerComesAfterTheWork() throws Exception {
        sandbox.faults().set(400, Faults.Kind.SLOW_ANSWER, 1, "addTicketByData");
        long start = System.nanoTime();
        client.openTicket(Map.of(), null);
        assertTrue(System.nanoTime() - start >= 400_000_000L);
        sandbox.faults().set(300, Faults.Kind.NONE, 0, null);
        start = System.nanoTime();
        raw("getVersion");
        assertTrue(System.nanoTime() - start >= 300_000_000L, "latency on every call");
    }

    @Test
    @Timeout(30)
    void aCutSoapAnswerToo() throws Exception {
        sandbox.faults().set(0, Faults.Kind.RESET, 1, "getVersion");
        String envelope = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>"
                + "<ns1:getVersion xmlns:ns1=\"http://qualitor.sandbox/ws/WSGeneral\"/></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/ws/services/General/WSGeneral.php"))
                .header("SOAPAction", "\"http://qualitor.sandbox/ws/WSGeneral/getVersion\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        assertThrows(IOException.class, () -> client.http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        assertEquals(200, client.http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    }

    /** Only the JDK and the sandbox's own classes: no jakarta.* or org.eclipse.microprofile.* on the class path. */
    @Test
    void runsWithoutAContainer() throws Exception {
        URL classes = StandaloneSandbox.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader bare = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> bare.loadClass("jakarta.servlet.http.HttpServlet"));
            assertThrows(ClassNotFoundException.class, () -> bare.loadClass("org.eclipse.microprofile.config.ConfigProvider"));
            Class<?> standalone = bare.loadClass(StandaloneSandbox.class.getName());
            assertTrue(standalone.getClassLoader() == bare);
            Object s = standalone.getMethod("start").invoke(null);
            try {
                URI base = (URI) standalone.getMethod("baseUri").invoke(s);
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/ws/statelessws.php"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(client.form("WSTicket.wsdl", "getTicketData",
                                "<wsqualitor><contents><data><cdchamado>1000</cdchamado></data></contents></wsqualitor>".getBytes(StandardCharsets.UTF_8))))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
                assertTrue(r.body().contains("<status>1</status>"), r.body());
                HttpResponse<InputStream> wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/ws/services/Ticket/WSTicket.wsdl")).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, wsdl.statusCode());
                wsdl.body().close();
            } finally {
                Method close = standalone.getMethod("close");
                close.invoke(s);
            }
        }
    }
}
