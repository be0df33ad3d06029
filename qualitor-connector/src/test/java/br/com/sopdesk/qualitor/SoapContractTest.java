package br.com.sopdesk.qualitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
 * The connector in SOAP mode against WireMock playing Qualitor's PHP SOAP services: the login and
 * its token reused, a new login when the token expires (SOAP Fault or {@code status 0}), the same
 * {@code <wsqualitor>} documents as the stateless mode inside SOAP 1.1 envelopes in ISO-8859-1, and
 * each fault ending in the same typed errors as in the stateless mode.
 */
class SoapContractTest {

    private static final String ENDPOINT = "/qualitor/ws/services/service.php";
    private static final String KEY = "3f2a9c10-0000-4000-8000-000000000002";
    private static final String PASSWORD = "s3nha-secreta";

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
        client = soapClient(PASSWORD, Duration.ofMillis(2000));
        qualitor.stubFor(soap("login").willReturn(answer("login", "tok-1")));
        qualitor.stubFor(soap("getCustomer").willReturn(answer("getCustomer", ok("<cdcliente>1207</cdcliente>"))));
        qualitor.stubFor(soap("getCustomerContact").willReturn(answer("getCustomerContact", ok("<cdcontato>2</cdcontato>"))));
        qualitor.stubFor(soap("getTicket").willReturn(answer("getTicket", ok(""))));
    }

    @AfterEach
    void stop() {
        client.close();
        qualitor.stop();
    }

    private QualitorClient soapClient(String password, Duration readTimeout) {
        return new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"),
                "integracao", password, "1", Duration.ofSeconds(1), readTimeout, true, QualitorSettings.Mode.SOAP));
    }

    private static TicketDraft draft() {
        return new TicketDraft("11222333000181", "financeiro@paoquente.com.br", "Perda de senha - certificado A1",
                "Cliente não localiza a senha; 1º contato às 10h", new TicketDraft.Mapping("5", "32", "4", "2"),
                "(51) 99999-0000 / (51) 3333-0000", KEY, LocalDate.of(2026, 11, 23));
    }

    private static MappingBuilder soap(String operation) {
        return post(urlPathEqualTo(ENDPOINT)).withRequestBody(containing(":" + operation + " "));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(String operation, String value) {
        String envelope = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<SOAP-ENV:Body><ns1:" + operation + "Response xmlns:ns1=\"urn:WSTicket\"><return xsi:type=\"xsd:string\">"
                + escape(value) + "</return></ns1:" + operation + "Response></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        return aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1").withBody(envelope.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault(String code, String message) {
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

    private List<LoggedRequest> calls(String operation) {
        return qualitor.findAll(postRequestedFor(urlPathEqualTo(ENDPOINT)).withRequestBody(containing(":" + operation + " ")));
    }

    /** The parts of a logged SOAP call (auth, xmlValue, login, ...), read as a SOAP server would. */
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
    void logsInOnceAndSendsTheDocumentedDocumentWithTheToken() throws Exception {
        qualitor.stubFor(soap("addTicketByData").willReturn(answer("addTicketByData",
                ok("<cdchamado>48213</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao><dtchamado>2026-11-23 10:42</dtchamado>"))));
        OpenedTicket opened = client.openTicket(draft(), false);
        assertEquals("48213", opened.number());
        assertEquals("Aguardando atendimento", opened.situation());

        LoggedRequest login = calls("login").get(0);
        Map<String, String> credentials = parts(login);
        assertEquals("integracao", credentials.get("login"));
        assertEquals(PASSWORD, credentials.get("passwd"));
        assertEquals("1", credentials.get("company"));

        LoggedRequest add = calls("addTicketByData").get(0);
        assertEquals("WSTicket", add.queryParameter("wsdl").firstValue());
        assertEquals("\"urn:WSTicket#addTicketByData\"", add.getHeader("SOAPAction"));
        assertTrue(add.getHeader("Content-Type").matches("text/xml; ?charset=ISO-8859-1"), add.getHeader("Content-Type"));
        Map<String, String> p = parts(add);
        assertEquals("addTicketByData", p.get("#operation"));
        assertEquals("urn:WSTicket", p.get("#namespace"));
        assertEquals("tok-1", p.get("auth"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1207</cdcliente><cdcontato>2</cdcontato>"
                + "<idchamado>1</idchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado><cdtipochamado>5</cdtipochamado>"
                + "<cdcategoria>32</cdcategoria><cdlocalidade>4</cdlocalidade><cdseveridade>2</cdseveridade>"
                + "<dschamado>Cliente não localiza a senha; 1º contato às 10h\n\nChave SOP Desk: sopdesk:" + KEY + "</dschamado>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"
                + "</data><informacoesadicionais><vlinformacaoadicional49>(51) 99999-0000 / (51) 3333-0000</vlinformacaoadicional49>"
                + "</informacoesadicionais></contents></wsqualitor>", p.get("xmlValue"));
        assertTrue(new String(add.getBody(), StandardCharsets.ISO_8859_1).contains("não localiza"), "pt-BR text travels as ISO-8859-1 bytes");
        assertEquals("WSGeneral", calls("getCustomer").get(0).queryParameter("wsdl").firstValue());
        assertEquals("tok-1", parts(calls("getCustomer").get(0)).get("auth"));

        qualitor.stubFor(soap("addTicketHistory").willReturn(answer("addTicketHistory", ok(""))));
        client.addHistory("48213", "Reiteração: cliente sem retorno após 24 horas.");
        assertEquals(1, calls("login").size(), "the token is reused");
        assertEquals("tok-1", parts(calls("addTicketHistory").get(0)).get("auth"));
    }

    private void tokenExpiresAfterFirstUse(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder expired) {
        qualitor.stubFor(soap("login").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer("login", "tok-1")).willSetStateTo("second"));
        qualitor.stubFor(soap("login").inScenario("token").whenScenarioStateIs("second").willReturn(answer("login", "tok-2")));
        qualitor.stubFor(soap("addTicketHistory").withRequestBody(containing(">tok-1<")).willReturn(expired));
        qualitor.stubFor(soap("addTicketHistory").withRequestBody(containing(">tok-2<")).willReturn(answer("addTicketHistory", ok(""))));
    }

    @Test
    void anExpiredTokenFaultLogsInAgainAndRepeatsTheCallOnce() throws Exception {
        tokenExpiresAfterFirstUse(fault("Client", "Token inválido ou expirado."));
        client.addHistory("48213", "Reiteração: cliente sem retorno após 24 horas.");
        assertEquals(2, calls("login").size());
        List<LoggedRequest> history = calls("addTicketHistory");
        assertEquals(2, history.size());
        assertEquals("tok-2", parts(history.get(1)).get("auth"));
    }

    @Test
    void aStatusZeroAboutTheSessionAlsoLogsInAgain() throws Exception {
        tokenExpiresAfterFirstUse(answer("addTicketHistory", refused("3", "Ws - Sessão expirada, efetue o login novamente.")));
        client.addHistory("48213", "Reiteração: cliente sem retorno após 24 horas.");
        assertEquals(2, calls("login").size());
        assertEquals(2, calls("addTicketHistory").size());
    }

    @Test
    void aTokenRefusedRightAfterLoginIsACredentialsOutageNotALoop() {
        qualitor.stubFor(soap("addTicketHistory").willReturn(fault("Client", "Token inválido.")));
        QualitorException.Unauthorized e = assertThrows(QualitorException.Unauthorized.class, () -> client.addHistory("48213", "x"));
        assertEquals("Token inválido.", e.qualitorMessage());
        assertEquals(2, calls("login").size());
        assertEquals(2, calls("addTicketHistory").size());
    }

    @Test
    void wrongCredentialsAreRefusedAtLoginAndThePasswordIsNeverInTheError() {
        qualitor.stubFor(soap("login").withRequestBody(containing("errada")).willReturn(fault("Client", "Usuário ou senha inválidos.")));
        QualitorClient wrong = soapClient("senha-errada", Duration.ofSeconds(1));
        try (wrong) {
            QualitorException.Unauthorized e = assertThrows(QualitorException.Unauthorized.class, () -> wrong.openTicket(draft(), false));
            assertTrue(e.retryable(), "an outage on SOP Desk's side: retried once fixed");
            assertEquals("Client", e.errorCode());
            assertEquals("Usuário ou senha inválidos.", e.qualitorMessage());
            assertFalse(e.writeMayHaveApplied());
            assertFalse(e.toString().contains("senha-errada"), e.toString());
            assertEquals(0, calls("addTicketByData").size());
        }
    }

    @Test
    void loginAnsweredWithAStatusZeroDocumentIsARefusal() {
        qualitor.stubFor(soap("login").willReturn(answer("login", refused("1", "Ws - Usuário ou senha inválidos."))));
        QualitorException.Unauthorized e = assertThrows(QualitorException.Unauthorized.class, () -> client.ticket("1"));
        assertEquals("1", e.errorCode());
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsRetryableAndMayHaveCreatedTheTicket() {
        qualitor.stubFor(soap("addTicketByData").willReturn(answer("addTicketByData", ok("<cdchamado>1</cdchamado>")).withFixedDelay(4000)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied());

        qualitor.stubFor(soap("getTicket").willReturn(answer("getTicket", ok("<cdchamado>48214</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"))));
        OpenedTicket retried = client.openTicket(draft(), true);
        assertEquals("48214", retried.number());
        assertTrue(retried.alreadyExisted());
        assertEquals(1, calls("addTicketByData").size(), "no second addTicketByData");
    }

    @Test
    void aConnectionResetIsRetryable() {
        qualitor.stubFor(soap("addTicketByData").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied());
    }

    @Test
    void http500WithoutAnEnvelopeIsRetryable() {
        qualitor.stubFor(soap("addTicketByData").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertTrue(e.writeMayHaveApplied());
    }

    @Test
    void aServerFaultIsRetryableAndAClientFaultIsARefusal() {
        qualitor.stubFor(soap("addTicketByData").willReturn(fault("Server", "Falha interna")));
        QualitorException server = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(server instanceof QualitorException.Unavailable && server.retryable(), server.toString());
        assertTrue(server.getMessage().contains("Falha interna"), server.getMessage());

        qualitor.stubFor(soap("addTicketByData").willReturn(fault("Client", "Operação desconhecida")));
        QualitorException.Refused client500 = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertFalse(client500.retryable());
        assertEquals(1, calls("login").size(), "a fault not about the token keeps the token");
    }

    @Test
    void malformedAnswersAreRetryable() {
        qualitor.stubFor(soap("addTicketByData").willReturn(aResponse().withBody("<html><body>Fatal error: Allowed memory size exhausted")));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Malformed && e.retryable(), e.toString());

        qualitor.stubFor(soap("addTicketByData").willReturn(answer("addTicketByData", "not a wsqualitor document")));
        assertThrows(QualitorException.Malformed.class, () -> client.openTicket(draft(), false));
    }

    @Test
    void statusZeroBecomesARefusalWithQualitorsCodeAndMessage() {
        qualitor.stubFor(soap("addTicketByData").willReturn(answer("addTicketByData", refused("12", "Ws - Campo obrigatório não informado: cdcategoria"))));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertEquals("12", e.errorCode());
        assertEquals("Ws - Campo obrigatório não informado: cdcategoria", e.qualitorMessage());
        assertFalse(e.writeMayHaveApplied());
        assertEquals(1, calls("login").size(), "a refusal not about the token does not log in again");
    }

    @Test
    void attachmentAndClosingTravelInTheSameDocuments() throws Exception {
        qualitor.stubFor(soap("addAttachment").willReturn(answer("addAttachment", ok("<cdchamado>48213</cdchamado><cdarquivo>7</cdarquivo>"))));
        qualitor.stubFor(soap("closeTicket").willReturn(answer("closeTicket", ok("<cdchamado>48213</cdchamado><cdsituacao>5</cdsituacao><nmsituacao>Encerrado</nmsituacao>"))));
        byte[] content = "Resumo do SOP: não é A3".getBytes(StandardCharsets.UTF_8);
        assertTrue(client.attach("48213", "sopdesk-resumo.txt", content, false));
        assertEquals("Encerrado", client.close("48213", true));

        Map<String, String> attach = parts(calls("addAttachment").get(0));
        assertEquals("tok-1", attach.get("auth"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<nmarquivo>sopdesk-resumo.txt</nmarquivo><dsarquivo>" + Base64.getEncoder().encodeToString(content)
                + "</dsarquivo></data></contents></wsqualitor>", attach.get("xmlValue"));
        assertEquals("\"urn:WSTicket#closeTicket\"", calls("closeTicket").get(0).getHeader("SOAPAction"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<idfecharrelacionados>Y</idfecharrelacionados></data></contents></wsqualitor>", parts(calls("closeTicket").get(0)).get("xmlValue"));
    }

    @Test
    void aRetriedAttachmentThatArrivedIsNotSentAgain() {
        qualitor.stubFor(soap("getTicketHistoryData").willReturn(answer("getTicketHistoryData",
                ok("<dsacompanhamento>Anexo incluído</dsacompanhamento><nmarquivo>sopdesk-resumo.txt</nmarquivo>"))));
        assertFalse(client.attach("48213", "sopdesk-resumo.txt", new byte[] {1}, true));
        assertEquals(0, calls("addAttachment").size());
    }

    @Test
    void theVersionNeedsNoLogin() {
        qualitor.stubFor(soap("getVersion").willReturn(answer("getVersion", "8.20")));
        assertEquals("8.20", client.version());
        assertEquals(0, calls("login").size());
        qualitor.verify(postRequestedFor(urlPathEqualTo(ENDPOINT)).withQueryParam("wsdl", equalTo("WSGeneral")));
    }
}
