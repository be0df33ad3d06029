package br.com.sopdesk.qualitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The connector in SOAP mode against WireMock playing Qualitor's PHP SOAP services as real clients
 * meet them: each service's WSDL at {@code ws/services/{group}/{service}.wsdl} names an endpoint, a
 * namespace, SOAPActions and part names that differ from any guess from the service's name (the old
 * {@code service.php?wsdl=X}, {@code urn:X}, {@code urn:X#op}, {@code auth}/{@code xmlValue}), and
 * WireMock answers only requests that use the WSDL's values. Each service logs in once and gets its
 * cookies back; a session-gone answer logs in again once; faults end in the same typed errors as in
 * the stateless mode.
 */
class SoapContractTest {

    private static final String KEY = "3f2a9c10-0000-4000-8000-000000000002";
    private static final String PASSWORD = "s3nha-secreta";

    private static final String TICKET_WSDL = "/qualitor/ws/services/Ticket/WSTicket.wsdl";
    private static final String GENERAL_WSDL = "/qualitor/ws/services/General/WSGeneral.wsdl";
    /** WSTicket's endpoint, given absolute in its WSDL. */
    private static final String TICKET_ENDPOINT = "/qualitor/soap-gateway/ticket.php";
    /** WSGeneral's endpoint, given relative to its WSDL ({@code general-endpoint.php}). */
    private static final String GENERAL_ENDPOINT = "/qualitor/ws/services/General/general-endpoint.php";
    /** WSTicket's operations live in the namespace its soap:body names, not its target namespace. */
    private static final String TICKET_NS = "urn:qualitor:ticket:body";
    private static final String TICKET_TARGET_NS = "http://ws.qualitor.example/Ticket";
    /** WSGeneral's soap:body names no namespace: its target namespace applies. */
    private static final String GENERAL_NS = "http://ws.qualitor.example/General";

    private static final List<String> TICKET_OPERATIONS = List.of("addTicketByData", "getTicket", "getTicketData", "addTicketHistory",
            "getTicketHistoryData", "addAttachment", "closeTicket", "transferTicketTeam");
    private static final List<String> GENERAL_OPERATIONS = List.of("getCustomer", "getCustomerContact");

    private WireMockServer qualitor;
    private QualitorClient client;

    @BeforeAll
    static void warmUp() {
        ClientWarmUp.once();
    }

    @BeforeEach
    void start() {
        qualitor = new WireMockServer(options().dynamicPort());
        qualitor.start();
        serveWsdls();
        client = soapClient(PASSWORD, Duration.ofMillis(2000));
        qualitor.stubFor(ticket("login").willReturn(answer("login", "tok-T1").withHeader("Set-Cookie", "PHPSESSID=ticket-session; Path=/")));
        qualitor.stubFor(general("login").willReturn(answer("login", "tok-G1").withHeader("Set-Cookie", "PHPSESSID=general-session; Path=/")));
        qualitor.stubFor(general("getCustomer").willReturn(answer("getCustomer", ok("<cdcliente>1207</cdcliente>"))));
        qualitor.stubFor(general("getCustomerContact").willReturn(answer("getCustomerContact", ok("<cdcontato>2</cdcontato>"))));
        qualitor.stubFor(ticket("getTicket").willReturn(answer("getTicket", ok(""))));
    }

    @AfterEach
    void stop() {
        client.close();
        qualitor.stop();
    }

    private void serveWsdls() {
        FakeWsdl ticket = FakeWsdl.of("WSTicket", TICKET_TARGET_NS).bodyNamespace(TICKET_NS)
                .location("http://localhost:" + qualitor.port() + TICKET_ENDPOINT)
                .operation("login", action("WSTicket", "login"), "usuario", "senha", "empresa");
        TICKET_OPERATIONS.forEach(op -> ticket.operation(op, action("WSTicket", op), "token", "xml"));
        FakeWsdl general = FakeWsdl.of("WSGeneral", GENERAL_NS).location("general-endpoint.php")
                .operation("login", action("WSGeneral", "login"), "usuario", "senha", "empresa")
                .operation("getVersion", action("WSGeneral", "getVersion"));
        GENERAL_OPERATIONS.forEach(op -> general.operation(op, action("WSGeneral", op), "token", "xml"));
        qualitor.stubFor(get(urlPathEqualTo(TICKET_WSDL)).willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody(ticket.xml())));
        qualitor.stubFor(get(urlPathEqualTo(GENERAL_WSDL)).willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody(general.xml())));
    }

    /** The SOAPAction the WSDL gives, unlike the old guess {@code urn:WSTicket#op}. */
    private static String action(String service, String operation) {
        return "http://ws.qualitor.example/actions/" + service.substring(2) + "." + operation;
    }

    private QualitorClient soapClient(String password, Duration readTimeout) {
        return new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"),
                "integracao", password, "1", Duration.ofSeconds(1), readTimeout, true, QualitorSettings.Mode.SOAP));
    }

    private static TicketDraft draft() {
        return new TicketDraft("11222333000181", "financeiro@paoquente.com.br", "Perda de senha - certificado A1",
                "Cliente não localiza a senha; 1º contato às 10h", new TicketDraft.Mapping("5", "32", "4", "2"),
                new TicketDraft.Facts(null, null, null, "(51) 99999-0000", "(51) 3333-0000", null, null, null), KEY, LocalDate.of(2026, 11, 23));
    }

    /** A WSTicket call, matched only at the WSDL's endpoint with the WSDL's SOAPAction. */
    private static MappingBuilder ticket(String operation) {
        return post(urlPathEqualTo(TICKET_ENDPOINT)).withHeader("SOAPAction", equalTo("\"" + action("WSTicket", operation) + "\""));
    }

    private static MappingBuilder general(String operation) {
        return post(urlPathEqualTo(GENERAL_ENDPOINT)).withHeader("SOAPAction", equalTo("\"" + action("WSGeneral", operation) + "\""));
    }

    private static ResponseDefinitionBuilder answer(String operation, String value) {
        String envelope = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<SOAP-ENV:Body><ns1:" + operation + "Response xmlns:ns1=\"" + TICKET_NS + "\"><return xsi:type=\"xsd:string\">"
                + escape(value) + "</return></ns1:" + operation + "Response></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        return aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1").withBody(envelope.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static ResponseDefinitionBuilder fault(String code, String message) {
        String envelope = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:" + code + "</faultcode><faultstring>" + escape(message)
                + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        return aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=ISO-8859-1")
                .withBody(envelope.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String ok(String fields) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><response_status><status>1</status><error_code/><msg/>"
                + "</response_status><response_data>" + (fields.isEmpty() ? "" : "<dataitem>" + fields + "</dataitem>") + "</response_data></wsqualitor>";
    }

    private static String refused(String code, String msg) {
        return "<wsqualitor><response_status><status>0</status><error_code>" + code + "</error_code><msg>" + msg
                + "</msg></response_status><response_data/></wsqualitor>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private List<LoggedRequest> ticketCalls(String operation) {
        return qualitor.findAll(postRequestedFor(urlPathEqualTo(TICKET_ENDPOINT))
                .withHeader("SOAPAction", equalTo("\"" + action("WSTicket", operation) + "\"")));
    }

    private List<LoggedRequest> generalCalls(String operation) {
        return qualitor.findAll(postRequestedFor(urlPathEqualTo(GENERAL_ENDPOINT))
                .withHeader("SOAPAction", equalTo("\"" + action("WSGeneral", operation) + "\"")));
    }

    /** The parts of a logged SOAP call, read as a SOAP server would, with the call's name and namespace. */
    private static Map<String, String> parts(LoggedRequest request) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element envelope = f.newDocumentBuilder().parse(new ByteArrayInputStream(request.getBody())).getDocumentElement();
        assertEquals("http://schemas.xmlsoap.org/soap/envelope/", envelope.getNamespaceURI());
        Element body = (Element) envelope.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        Element call = null;
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                call = e;
                break;
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("#operation", call.getLocalName());
        parts.put("#namespace", call.getNamespaceURI());
        for (Node n = call.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                parts.put(e.getLocalName(), e.getTextContent());
            }
        }
        return parts;
    }

    @Test
    void usesTheEndpointNamespaceSoapActionAndPartNamesTheWsdlGivesNotGuessedOnes() throws Exception {
        qualitor.stubFor(ticket("addTicketByData").willReturn(answer("addTicketByData",
                ok("<cdchamado>48213</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao><dtchamado>2026-11-23 10:42</dtchamado>"))));
        OpenedTicket opened = client.openTicket(draft(), false);
        assertEquals("48213", opened.number());
        assertEquals("Aguardando atendimento", opened.situation());

        LoggedRequest add = ticketCalls("addTicketByData").get(0);
        assertTrue(add.getHeader("Content-Type").matches("text/xml; ?charset=ISO-8859-1"), add.getHeader("Content-Type"));
        Map<String, String> p = parts(add);
        assertEquals("addTicketByData", p.get("#operation"));
        assertEquals(TICKET_NS, p.get("#namespace"), "the soap:body namespace, not the target namespace nor urn:WSTicket");
        assertEquals(List.of("#operation", "#namespace", "token", "xml"), List.copyOf(p.keySet()), "the WSDL's part names, in its order");
        assertEquals("tok-T1", p.get("token"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1207</cdcliente><cdcontato>2</cdcontato>"
                + "<idchamado>1</idchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado><cdtipochamado>5</cdtipochamado>"
                + "<cdcategoria>32</cdcategoria><cdlocalidade>4</cdlocalidade><cdseveridade>2</cdseveridade>"
                + "<dschamado>Cliente não localiza a senha; 1º contato às 10h\n\n--- Registrado pelo SOP Desk ---"
                + "\nTelefones: (51) 99999-0000 / (51) 3333-0000\n\nChave SOP Desk: sopdesk:" + KEY + "</dschamado>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave></data></contents></wsqualitor>", p.get("xml"));
        assertTrue(new String(add.getBody(), StandardCharsets.ISO_8859_1).contains("não localiza"), "pt-BR text travels as ISO-8859-1 bytes");

        Map<String, String> customer = parts(generalCalls("getCustomer").get(0));
        assertEquals(GENERAL_NS, customer.get("#namespace"), "no soap:body namespace: the target namespace");
        assertEquals("tok-G1", customer.get("token"));

        Map<String, String> login = parts(ticketCalls("login").get(0));
        assertEquals(List.of("#operation", "#namespace", "usuario", "senha", "empresa"), List.copyOf(login.keySet()));
        assertEquals("integracao", login.get("usuario"));
        assertEquals(PASSWORD, login.get("senha"));
        assertEquals("1", login.get("empresa"));

        assertEquals(0, qualitor.findAll(postRequestedFor(urlPathMatching(".*service\\.php.*"))).size(), "nothing sent to a guessed endpoint");
        assertEquals(0, qualitor.findAll(postRequestedFor(urlPathMatching(".*")).withHeader("SOAPAction", containing("urn:WS"))).size());
        assertEquals(1, qualitor.findAll(getRequestedFor(urlPathEqualTo(TICKET_WSDL))).size(), "each WSDL is read once");
        assertEquals(1, qualitor.findAll(getRequestedFor(urlPathEqualTo(GENERAL_WSDL))).size());
    }

    @Test
    void eachServiceLogsInOnceAndGetsBackTheCookiesItsOwnLoginSet() throws Exception {
        qualitor.stubFor(ticket("addTicketByData").willReturn(answer("addTicketByData", ok("<cdchamado>48213</cdchamado>"))));
        qualitor.stubFor(ticket("addTicketHistory").willReturn(answer("addTicketHistory", ok(""))));
        client.openTicket(draft(), false);
        client.addHistory("48213", "Reiteração: cliente sem retorno após 24 horas.");
        client.ticketsOfCustomer("99888777000166");

        assertEquals(1, ticketCalls("login").size(), "WSTicket logged in once");
        assertEquals(1, generalCalls("login").size(), "WSGeneral logged in once, with its own login");
        assertNull(ticketCalls("login").get(0).getHeader("Cookie"), "no cookie before the login set one");

        for (String op : List.of("addTicketByData", "addTicketHistory", "getTicket")) {
            LoggedRequest call = ticketCalls(op).get(0);
            assertEquals("tok-T1", parts(call).get("token"), op);
            assertTrue(String.valueOf(call.getHeader("Cookie")).contains("PHPSESSID=ticket-session"), op + ": " + call.getHeader("Cookie"));
        }
        for (String op : List.of("getCustomer", "getCustomerContact")) {
            for (LoggedRequest call : generalCalls(op)) {
                assertEquals("tok-G1", parts(call).get("token"), op);
                assertTrue(String.valueOf(call.getHeader("Cookie")).contains("PHPSESSID=general-session"), op + ": " + call.getHeader("Cookie"));
                assertFalse(String.valueOf(call.getHeader("Cookie")).contains("ticket-session"), "WSTicket's session stays with WSTicket");
            }
        }
    }

    private void sessionGoneAfterFirstUse(ResponseDefinitionBuilder gone) {
        qualitor.stubFor(ticket("login").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer("login", "tok-1").withHeader("Set-Cookie", "PHPSESSID=first; Path=/")).willSetStateTo("second"));
        qualitor.stubFor(ticket("login").inScenario("token").whenScenarioStateIs("second")
                .willReturn(answer("login", "tok-2").withHeader("Set-Cookie", "PHPSESSID=second; Path=/")));
        qualitor.stubFor(ticket("addTicketHistory").withRequestBody(containing(">tok-1<")).willReturn(gone));
        qualitor.stubFor(ticket("addTicketHistory").withRequestBody(containing(">tok-2<")).willReturn(answer("addTicketHistory", ok(""))));
    }

    @Test
    void aSessionGoneFaultLogsInAgainAndRepeatsTheCallOnceWithTheNewTokenAndCookie() throws Exception {
        sessionGoneAfterFirstUse(fault("Client", "Token inválido ou expirado."));
        client.addHistory("48213", "Reiteração: cliente sem retorno após 24 horas.");
        assertEquals(2, ticketCalls("login").size());
        List<LoggedRequest> history = ticketCalls("addTicketHistory");
        assertEquals(2, history.size());
        assertEquals("tok-2", parts(history.get(1)).get("token"));
        assertTrue(String.valueOf(history.get(1).getHeader("Cookie")).contains("PHPSESSID=second"), history.get(1).getHeader("Cookie"));
        assertFalse(String.valueOf(history.get(1).getHeader("Cookie")).contains("PHPSESSID=first"), "the old session's cookie is dropped");
    }

    @Test
    void aStatusZeroAboutTheSessionAlsoLogsInAgain() {
        sessionGoneAfterFirstUse(answer("addTicketHistory", refused("3", "Ws - Sessão expirada, efetue o login novamente.")));
        client.addHistory("48213", "Reiteração: cliente sem retorno após 24 horas.");
        assertEquals(2, ticketCalls("login").size());
        assertEquals(2, ticketCalls("addTicketHistory").size());
    }

    @Test
    void aSessionStillGoneAfterTheNewLoginIsReportedAsQualitorsRefusalNotAsBadCredentialsAndNotLooped() {
        qualitor.stubFor(ticket("addTicketHistory").willReturn(fault("Client", "Token inválido.")));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.addHistory("48213", "x"));
        assertEquals("Token inválido.", e.qualitorMessage());
        assertEquals(RefusalKind.OTHER, e.kind());
        assertFalse(e.writeMayHaveApplied());
        assertEquals(2, ticketCalls("login").size(), "one new login, not a loop");
        assertEquals(2, ticketCalls("addTicketHistory").size());
        assertTrue(client.credentialsRefusal().isEmpty(), "the login itself was accepted");

        qualitor.stubFor(ticket("addTicketHistory").willReturn(answer("addTicketHistory", refused("3", "Ws - Sessão expirada."))));
        QualitorException.Refused status0 = assertThrows(QualitorException.Refused.class, () -> client.addHistory("48213", "x"));
        assertEquals("3", status0.errorCode());
        assertEquals(4, ticketCalls("addTicketHistory").size());
    }

    @Test
    void aRefusedLoginIsUnauthorizedAndThePasswordIsNeverInTheError() {
        qualitor.stubFor(general("login").withRequestBody(containing("errada")).willReturn(fault("Client", "Usuário ou senha inválidos.")));
        QualitorClient wrong = soapClient("senha-errada", Duration.ofSeconds(1));
        try (wrong) {
            QualitorException.Unauthorized e = assertThrows(QualitorException.Unauthorized.class, () -> wrong.openTicket(draft(), false));
            assertTrue(e.retryable(), "an outage on SOP Desk's side: retried once fixed");
            assertEquals("Client", e.errorCode());
            assertEquals("Usuário ou senha inválidos.", e.qualitorMessage());
            assertFalse(e.writeMayHaveApplied());
            assertFalse(e.toString().contains("senha-errada"), e.toString());
            assertTrue(wrong.credentialsRefusal().isPresent(), "remembered for the readiness check");
            assertEquals(0, ticketCalls("addTicketByData").size());
            assertEquals(0, generalCalls("getCustomer").size());
        }
    }

    @Test
    void aLoginAnsweredWithAStatusZeroDocumentIsUnauthorized() {
        qualitor.stubFor(ticket("login").willReturn(answer("login", refused("1", "Ws - Usuário ou senha inválidos."))));
        QualitorException.Unauthorized e = assertThrows(QualitorException.Unauthorized.class, () -> client.ticket("1"));
        assertEquals("1", e.errorCode());
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsRetryableAndTheRetryFindsTheTicketInsteadOfOpeningASecond() {
        qualitor.stubFor(ticket("addTicketByData").willReturn(answer("addTicketByData", ok("<cdchamado>1</cdchamado>")).withFixedDelay(4000)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied());

        qualitor.stubFor(ticket("getTicket").willReturn(answer("getTicket", ok("<cdchamado>48214</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"))));
        OpenedTicket retried = client.openTicket(draft(), true);
        assertEquals("48214", retried.number());
        assertTrue(retried.alreadyExisted());
        assertEquals(1, ticketCalls("addTicketByData").size(), "no second addTicketByData");
    }

    @Test
    void aConnectionResetIsRetryableAndTheRetryDoesNotDuplicate() {
        qualitor.stubFor(ticket("addTicketByData").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied());
        assertEquals(1, ticketCalls("addTicketByData").size(), "the HTTP client must not re-send the POST by itself after the reset");

        qualitor.stubFor(ticket("getTicket").willReturn(answer("getTicket", ok("<cdchamado>48299</cdchamado>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"))));
        assertEquals("48299", client.openTicket(draft(), true).number());
        assertEquals(1, ticketCalls("addTicketByData").size());
    }

    @Test
    void http500WithoutAnEnvelopeIsRetryable() {
        qualitor.stubFor(ticket("addTicketByData").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertTrue(e.writeMayHaveApplied());
    }

    @Test
    void aServerFaultIsRetryableAndAClientFaultIsARefusal() {
        qualitor.stubFor(ticket("addTicketByData").willReturn(fault("Server", "Falha interna")));
        QualitorException server = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(server instanceof QualitorException.Unavailable && server.retryable(), server.toString());
        assertTrue(server.getMessage().contains("Falha interna"), server.getMessage());

        qualitor.stubFor(ticket("addTicketByData").willReturn(fault("Client", "Operação desconhecida")));
        QualitorException.Refused client500 = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertFalse(client500.retryable());
        assertEquals(1, ticketCalls("login").size(), "a fault not about the session keeps the token");
    }

    @Test
    void malformedAnswersAreRetryable() {
        qualitor.stubFor(ticket("addTicketByData").willReturn(aResponse().withBody("<html><body>Fatal error: Allowed memory size exhausted")));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Malformed && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied());

        qualitor.stubFor(ticket("addTicketByData").willReturn(answer("addTicketByData", "not a wsqualitor document")));
        assertThrows(QualitorException.Malformed.class, () -> client.openTicket(draft(), false));
    }

    @Test
    void statusZeroBecomesARefusalWithQualitorsCodeAndMessage() {
        qualitor.stubFor(ticket("addTicketByData").willReturn(answer("addTicketByData", refused("12", "Ws - Campo obrigatório não informado: cdcategoria"))));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertEquals("12", e.errorCode());
        assertEquals("Ws - Campo obrigatório não informado: cdcategoria", e.qualitorMessage());
        assertEquals(RefusalKind.INVALID_DATA, e.kind());
        assertFalse(e.writeMayHaveApplied());
        assertEquals(1, ticketCalls("login").size(), "a refusal not about the session does not log in again");
    }

    @Test
    void attachmentAndClosingTravelInTheSameDocuments() throws Exception {
        qualitor.stubFor(ticket("addAttachment").willReturn(answer("addAttachment", ok("<cdchamado>48213</cdchamado>"))));
        qualitor.stubFor(ticket("closeTicket").willReturn(answer("closeTicket", ok("<cdchamado>48213</cdchamado><cdsituacao>5</cdsituacao><nmsituacao>Encerrado</nmsituacao>"))));
        byte[] content = "Resumo do SOP: não é A3".getBytes(StandardCharsets.UTF_8);
        client.attach("48213", "sopdesk-resumo.txt", content, false);
        assertEquals("Encerrado", client.close("48213", true));

        Map<String, String> attach = parts(ticketCalls("addAttachment").get(0));
        assertEquals("tok-T1", attach.get("token"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<nmanexo>sopdesk-resumo.txt</nmanexo><idprivado>N</idprivado><attachment>" + Base64.getEncoder().encodeToString(content)
                + "</attachment></data></contents></wsqualitor>", attach.get("xml"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<idfecharrelacionados>Y</idfecharrelacionados></data></contents></wsqualitor>", parts(ticketCalls("closeTicket").get(0)).get("xml"));
    }

    @Test
    void aRetriedAttachmentIsNeverSentBlind() {
        assertThrows(QualitorException.Unverifiable.class, () -> client.attach("48213", "sopdesk-resumo.txt", new byte[] {1}, true));
        assertEquals(0, ticketCalls("addAttachment").size());
    }

    @Test
    void theVersionNeedsNoLogin() throws Exception {
        qualitor.stubFor(general("getVersion").willReturn(answer("getVersion", "8.20")));
        assertEquals("8.20", client.version());
        assertEquals(0, generalCalls("login").size());
        assertEquals(0, ticketCalls("login").size());
        assertEquals(List.of("#operation", "#namespace"), List.copyOf(parts(generalCalls("getVersion").get(0)).keySet()), "no token part");
    }

    @Test
    void anUnreadableWsdlIsAnOutageAndAnOperationTheWsdlLacksIsARefusal() {
        qualitor.stubFor(get(urlPathEqualTo(GENERAL_WSDL)).willReturn(aResponse().withStatus(404)));
        QualitorException.Unavailable missing = assertThrows(QualitorException.Unavailable.class, () -> client.openTicket(draft(), false));
        assertTrue(missing.getMessage().contains("WSGeneral.wsdl"), missing.getMessage());

        qualitor.stubFor(get(urlPathEqualTo(GENERAL_WSDL)).willReturn(aResponse().withBody("<html>not a wsdl</html>")));
        assertThrows(QualitorException.Malformed.class, () -> client.openTicket(draft(), false));

        QualitorException.Refused lacking = assertThrows(QualitorException.Refused.class, () -> client.additionalInfoName("1740"));
        assertTrue(lacking.qualitorMessage().contains("getTicketAdditionalInfoDetail") && lacking.qualitorMessage().contains("WSTicket"),
                lacking.qualitorMessage());
        assertEquals(0, qualitor.findAll(postRequestedFor(urlPathMatching(".*")).withHeader("SOAPAction", containing("AdditionalInfo"))).size(),
                "an operation the WSDL does not describe is not sent to a guessed action");
    }
}
