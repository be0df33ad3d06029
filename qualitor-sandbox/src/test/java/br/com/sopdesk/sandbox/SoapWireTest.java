package br.com.sopdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SOAP services over real HTTP, driven like PHP's {@code SoapClient($wsdl)}: endpoint, namespace
 * and SOAPAction read from the WSDL at run time; the old hard-coded guesses refused.
 */
class SoapWireTest {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static StandaloneSandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = StandaloneSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    /** What a client reads from a WSDL: endpoint, namespace, action per operation, parts per operation. */
    record Wsdl(String location, String namespace, Map<String, String> actions, Map<String, List<String>> parts) {
    }

    private Wsdl wsdl(String relative) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUri() + relative)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), relative);
        Document d = WireClient.dom(r.body(), true);
        Element root = d.getDocumentElement();
        Map<String, String> actions = new HashMap<>();
        NodeList ops = root.getElementsByTagNameNS(SOAP_NS, "operation");
        for (int i = 0; i < ops.getLength(); i++) {
            Element op = (Element) ops.item(i);
            actions.put(((Element) op.getParentNode()).getAttribute("name"), op.getAttribute("soapAction"));
        }
        Map<String, List<String>> parts = new HashMap<>();
        NodeList messages = root.getElementsByTagNameNS(WSDL_NS, "message");
        for (int i = 0; i < messages.getLength(); i++) {
            Element m = (Element) messages.item(i);
            List<String> names = new ArrayList<>();
            NodeList ps = m.getElementsByTagNameNS(WSDL_NS, "part");
            for (int j = 0; j < ps.getLength(); j++) {
                names.add(((Element) ps.item(j)).getAttribute("name"));
            }
            parts.put(m.getAttribute("name"), names);
        }
        Element body = (Element) root.getElementsByTagNameNS(SOAP_NS, "body").item(0);
        assertEquals(root.getAttribute("targetNamespace"), body.getAttribute("namespace"));
        String location = ((Element) root.getElementsByTagNameNS(SOAP_NS, "address").item(0)).getAttribute("location");
        return new Wsdl(location, root.getAttribute("targetNamespace"), actions, parts);
    }

    private Wsdl ticketWsdl() throws Exception {
        return wsdl("/ws/services/Ticket/WSTicket.wsdl");
    }

    private Wsdl generalWsdl() throws Exception {
        return wsdl("/ws/services/General/WSGeneral.wsdl");
    }

    /** An answer: HTTP status, the {@code <return>} text or the faultstring, and the headers. */
    record Soap(int status, String value, HttpResponse<byte[]> response) {
    }

    private Soap soap(String endpoint, String namespace, String action, String operation, List<String> cookies, String... parts) throws Exception {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"")
                .append("http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns1=\"").append(namespace).append("\"><SOAP-ENV:Body><ns1:")
                .append(operation).append('>');
        for (int i = 0; i < parts.length; i += 2) {
            body.append('<').append(parts[i]).append('>').append(parts[i + 1].replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</").append(parts[i]).append('>');
        }
        body.append("</ns1:").append(operation).append("></SOAP-ENV:Body></SOAP-ENV:Envelope>");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (action != null) {
            b.header("SOAPAction", action);
        }
        if (cookies != null && !cookies.isEmpty()) {
            b.header("Cookie", String.join("; ", cookies));
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Document d = WireClient.dom(r.body(), false);
        NodeList ret = d.getElementsByTagName("return");
        String value = ret.getLength() > 0 ? ret.item(0).getTextContent() : d.getElementsByTagName("faultstring").item(0).getTextContent();
        return new Soap(r.statusCode(), value, r);
    }

    private Soap call(Wsdl w, String operation, List<String> cookies, String... parts) throws Exception {
        return soap(w.location(), w.namespace(), "\"" + w.actions().get(operation) + "\"", operation, cookies, parts);
    }

    private Soap login(Wsdl w) throws Exception {
        Soap s = call(w, "login", null, "login", sandbox.user(), "passwd", sandbox.password(), "company", sandbox.company());
        assertEquals(200, s.status(), s.value());
        return s;
    }

    private static String cookieOf(Soap login) {
        return login.response().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String status(Soap s) throws Exception {
        return WireClient.parse(s.status(), s.value().getBytes(StandardCharsets.ISO_8859_1)).status();
    }

    private static final String REFERENCE = "<wsqualitor><contents><data><cdchamado>1000</cdchamado></data></contents></wsqualitor>";

    @Test
    void theWsdlsAdvertiseTheLayoutNotTheOldGuesses() throws Exception {
        Wsdl t = ticketWsdl();
        assertEquals(sandbox.baseUri() + "/ws/services/Ticket/WSTicket.php", t.location());
        assertEquals("http://qualitor.sandbox/ws/WSTicket", t.namespace());
        assertEquals("http://qualitor.sandbox/ws/WSTicket/addTicketByData", t.actions().get("addTicketByData"));
        assertEquals(List.of("login", "passwd", "company"), t.parts().get("loginRequest"));
        assertEquals(List.of("auth", "xmlValue"), t.parts().get("addAttachmentRequest"));
        for (String op : List.of("transferTicketTeam", "getTicketAdditionalInfos", "getTicketAdditionalInfoDetail", "getTicket")) {
            assertNotNull(t.actions().get(op), op);
        }
        Wsdl g = generalWsdl();
        assertEquals(sandbox.baseUri() + "/ws/services/General/WSGeneral.php", g.location());
        assertEquals("http://qualitor.sandbox/ws/WSGeneral", g.namespace());
        assertEquals(List.of(), g.parts().get("getVersionRequest"));
        assertEquals(t, wsdl("/ws/services/service.php?wsdl=WSTicket"));
    }

    @Test
    void aClientThatReadsTheWsdlSucceeds() throws Exception {
        Wsdl t = ticketWsdl();
        String token = login(t).value();
        Soap answer = call(t, "getTicketData", null, "auth", token, "xmlValue", REFERENCE);
        assertEquals(200, answer.status(), answer.value());
        assertEquals("1", status(answer), answer.value());
        Soap unquoted = soap(t.location(), t.namespace(), t.actions().get("getTicketData"), "getTicketData", null, "auth", token, "xmlValue", REFERENCE);
        assertEquals("1", status(unquoted), unquoted.value());
        assertEquals(1, sandbox.sessions().logins("WSTicket"));
        assertEquals(0, sandbox.sessions().logins("WSGeneral"));
    }

    @Test
    void theOldGuessesAreRefused() throws Exception {
        Wsdl t = ticketWsdl();
        String oldEndpoint = sandbox.baseUri() + "/ws/services/service.php?wsdl=WSTicket";
        Soap oldAll = soap(oldEndpoint, "urn:WSTicket", "urn:WSTicket#login", "login", null,
                "login", sandbox.user(), "passwd", sandbox.password(), "company", sandbox.company());
        assertEquals(500, oldAll.status());
        assertTrue(oldAll.value().contains(t.location()), oldAll.value());

        Soap oldNamespace = soap(t.location(), "urn:WSTicket", t.actions().get("login"), "login", null,
                "login", sandbox.user(), "passwd", sandbox.password(), "company", sandbox.company());
        assertEquals(500, oldNamespace.status());
        assertTrue(oldNamespace.value().contains(t.namespace()), oldNamespace.value());

        Soap oldAction = soap(t.location(), t.namespace(), "urn:WSTicket#login", "login", null,
                "login", sandbox.user(), "passwd", sandbox.password(), "company", sandbox.company());
        assertEquals(500, oldAction.status());
        assertTrue(oldAction.value().contains(t.actions().get("login")), oldAction.value());

        Soap noAction = soap(t.location(), t.namespace(), null, "login", null,
                "login", sandbox.user(), "passwd", sandbox.password(), "company", sandbox.company());
        assertEquals(500, noAction.status());
        assertEquals(0, sandbox.sessions().logins());
    }

    @Test
    void theLayoutCanBeSetBackToTheOldGuesses() throws Exception {
        sandbox.soapLayout(SoapLayout.OLD_GUESSES);
        Wsdl t = ticketWsdl();
        assertEquals(sandbox.baseUri() + "/ws/services/service.php?wsdl=WSTicket", t.location());
        assertEquals("urn:WSTicket", t.namespace());
        assertEquals("urn:WSTicket#getTicketData", t.actions().get("getTicketData"));
        String token = login(t).value();
        assertEquals("1", status(call(t, "getTicketData", null, "auth", token, "xmlValue", REFERENCE)));
        Soap general = soap(sandbox.baseUri() + "/ws/services/service.php?wsdl=WSTicket", "urn:WSGeneral", "urn:WSGeneral#getVersion",
                "getVersion", null);
        assertEquals(500, general.status(), "WSGeneral's operation at WSTicket's endpoint");
        sandbox.reset();
        assertEquals(SoapLayout.ADVERTISED, sandbox.soapLayout());
    }

    @Test
    void sharedTokensWorkOnEveryServiceAndPerServiceTokensDoNot() throws Exception {
        Wsdl t = ticketWsdl();
        Wsdl g = generalWsdl();
        String generalToken = login(g).value();
        String customer = "<wsqualitor><contents><data><nrcpfcnpj>11222333000181</nrcpfcnpj></data></contents></wsqualitor>";
        assertEquals("1", status(call(t, "getTicketData", null, "auth", generalToken, "xmlValue", REFERENCE)));

        sandbox.tokenScope(SoapSessions.TokenScope.PER_SERVICE);
        Soap refused = call(t, "getTicketData", null, "auth", generalToken, "xmlValue", REFERENCE);
        assertEquals(500, refused.status(), refused.value());
        assertEquals("1", status(call(g, "getCustomer", null, "auth", generalToken, "xmlValue", customer)));
        String ticketToken = login(t).value();
        assertEquals("1", status(call(t, "getTicketData", null, "auth", ticketToken, "xmlValue", REFERENCE)));
        assertEquals(Map.of("WSGeneral", 1, "WSTicket", 1), sandbox.sessions().loginsByService());
    }

    @Test
    void aRequiredCookieMustComeBackWithItsToken() throws Exception {
        Wsdl t = ticketWsdl();
        Soap first = login(t);
        String cookie = cookieOf(first);
        assertTrue(first.response().headers().firstValue("Set-Cookie").orElseThrow().matches("PHPSESSID=[0-9a-f]+; Path=/"),
                first.response().headers().toString());
        String otherCookie = cookieOf(login(t));
        assertNotEquals(cookie, otherCookie);
        assertEquals("1", status(call(t, "getTicketData", null, "auth", first.value(), "xmlValue", REFERENCE)), "IGNORED by default");

        sandbox.sessionCookie(SoapSessions.SessionCookie.REQUIRED);
        assertEquals(500, call(t, "getTicketData", null, "auth", first.value(), "xmlValue", REFERENCE).status());
        assertEquals(500, call(t, "getTicketData", List.of(otherCookie), "auth", first.value(), "xmlValue", REFERENCE).status());
        Soap ok = call(t, "getTicketData", List.of("lang=pt", cookie), "auth", first.value(), "xmlValue", REFERENCE);
        assertEquals("1", status(ok), ok.value());
    }

    @Test
    void expiredTokensAreRefusedAsConfigured() throws Exception {
        Wsdl t = ticketWsdl();
        String token = login(t).value();
        assertEquals(1, sandbox.sessions().expireAll());
        Soap fault = call(t, "getTicketData", null, "auth", token, "xmlValue", REFERENCE);
        assertEquals(500, fault.status());
        assertEquals("Token inválido ou expirado.", fault.value());

        sandbox.tokenError(SoapSessions.TokenError.STATUS_0);
        Soap status0 = call(t, "getTicketData", null, "auth", token, "xmlValue", REFERENCE);
        assertEquals(200, status0.status());
        assertEquals("0", status(status0));
        String again = login(t).value();
        assertEquals("1", status(call(t, "getTicketData", null, "auth", again, "xmlValue", REFERENCE)));
        assertEquals(2, sandbox.sessions().logins());
    }

    @Test
    void getVersionNeedsNoToken() throws Exception {
        Wsdl g = generalWsdl();
        Soap v = call(g, "getVersion", null);
        assertEquals("1", status(v), v.value());
    }

    @Test
    void unknownWsdlsAreNotFound() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/ws/services/Ticket/WSTickets.wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
    }
}
