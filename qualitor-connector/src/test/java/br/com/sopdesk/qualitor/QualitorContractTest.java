package br.com.sopdesk.qualitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against WireMock playing Qualitor: requests in Qualitor's documented shape, and each
 * fault (delay past the timeout, connection reset, HTTP 500, malformed XML, status 0, wrong
 * credentials) ending in a typed error that says whether a retry may help, or, for a retry after a
 * lost answer, in the one ticket that already exists and no second one.
 */
class QualitorContractTest {

    private static final String ENDPOINT = "/qualitor/ws/statelessws.php";
    private static final String KEY = "3f2a9c10-0000-4000-8000-000000000001";

    private WireMockServer qualitor;
    private QualitorClient client;

    @BeforeEach
    void start() {
        qualitor = new WireMockServer(options().dynamicPort());
        qualitor.start();
        client = new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"),
                "integracao", "s3nha", "1", Duration.ofSeconds(1), Duration.ofMillis(2000), true));
        answer("getCustomer", ok("<cdcliente>1207</cdcliente><nmcliente>Padaria</nmcliente>"));
        answer("getCustomerContact", ok("<cdcontato>2</cdcontato>"));
        answer("getTicket", ok(""));
    }

    @AfterEach
    void stop() {
        client.close();
        qualitor.stop();
    }

    private static TicketDraft draft() {
        return new TicketDraft("11222333000181", "financeiro@paoquente.com.br", "Padaria Pão Quente", "Perda de senha - certificado A1",
                "Cliente não localiza a senha; 1º contato às 10h", new TicketDraft.Mapping("5", "32", "4", "2"),
                "(51) 99999-0000 / (51) 3333-0000", KEY, java.time.LocalDate.of(2026, 11, 23));
    }

    private void answer(String operation, String body) {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=" + operation))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1")
                        .withBody(body.getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static String ok(String fields) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><response_status><status>1</status><error_code/><msg/>"
                + "</response_status><response_data>" + (fields.isEmpty() ? "" : "<dataitem>" + fields + "</dataitem>") + "</response_data></wsqualitor>";
    }

    private static String refused(String code, String msg) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><response_status><status>0</status><error_code>" + code
                + "</error_code><msg>" + msg + "</msg></response_status><response_data/></wsqualitor>";
    }

    private List<LoggedRequest> calls(String operation) {
        return qualitor.findAll(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=" + operation)));
    }

    private static String form(LoggedRequest request, String field) {
        for (String pair : new String(request.getBody(), StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(field)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Test
    void createsTheTicketInQualitorsDocumentedShape() {
        answer("addTicketByData", ok("<cdchamado>48213</cdchamado><cdsituacao>1</cdsituacao><nmsituacao>Aguardando atendimento</nmsituacao><dtchamado>2026-11-23 10:42</dtchamado>"));
        OpenedTicket opened = client.openTicket(draft(), false);
        assertEquals("48213", opened.number());
        assertEquals("Aguardando atendimento", opened.situation());
        assertFalse(opened.alreadyExisted());

        LoggedRequest add = calls("addTicketByData").get(0);
        assertTrue(add.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"), add.getHeader("Content-Type"));
        assertEquals("integracao", form(add, "user"));
        assertEquals("s3nha", form(add, "password"));
        assertEquals("1", form(add, "company"));
        assertEquals("WSTicket", form(add, "wsdl_file"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1207</cdcliente><cdcontato>2</cdcontato>"
                + "<idchamado>1</idchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado><cdtipochamado>5</cdtipochamado>"
                + "<cdcategoria>32</cdcategoria><cdlocalidade>4</cdlocalidade><cdseveridade>2</cdseveridade>"
                + "<dschamado>Cliente não localiza a senha; 1º contato às 10h</dschamado><dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"
                + "</data><informacoesadicionais><vlinformacaoadicional49>(51) 99999-0000 / (51) 3333-0000</vlinformacaoadicional49>"
                + "</informacoesadicionais></contents></wsqualitor>", form(add, "input_xml"));
        assertEquals("WSGeneral", form(calls("getCustomer").get(0), "wsdl_file"));
        assertTrue(form(calls("getCustomer").get(0), "input_xml").contains("<nrcpfcnpj>11222333000181</nrcpfcnpj>"));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsRetryableAndTheRetryFindsTheTicketInsteadOfOpeningASecond() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=addTicketByData"))
                .willReturn(aResponse().withFixedDelay(4000).withBody(ok("<cdchamado>48214</cdchamado>"))));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied(), "the ticket may exist: a retry must look first");

        // Qualitor did create it: its list now shows the ticket with our key
        answer("getTicket", ok("<cdchamado>48214</cdchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado>"
                + "<nmsituacao>Aguardando atendimento</nmsituacao><dtchamado>2026-11-23 10:42</dtchamado><dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"));
        OpenedTicket retried = client.openTicket(draft(), true);
        assertEquals("48214", retried.number());
        assertTrue(retried.alreadyExisted());
        assertEquals(1, calls("addTicketByData").size(), "no second addTicketByData");
        assertTrue(form(calls("getTicket").get(0), "input_xml").contains("<cdcliente>1207</cdcliente><dtperiodo>2026-11-22</dtperiodo>"),
                "the search is bounded to the submission's days");
        assertEquals(1, calls("getCustomer&").size(), "customer code looked up once");
    }

    @Test
    void aRetryWhenNothingWasCreatedOpensTheTicketOnce() {
        answer("addTicketByData", ok("<cdchamado>48215</cdchamado>"));
        OpenedTicket opened = client.openTicket(draft(), true);
        assertEquals("48215", opened.number());
        assertFalse(opened.alreadyExisted());
        assertEquals(1, calls("getTicket").size());
        assertEquals(1, calls("addTicketByData").size());
    }

    @Test
    void aConnectionResetIsRetryable() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=addTicketByData"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
    }

    @Test
    void http500IsRetryable() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=addTicketByData"))
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertTrue(e.writeMayHaveApplied(), "a 500 may come after the work was done");
    }

    @Test
    void http503AndARefusedConnectionSurelyCreatedNothing() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=addTicketByData"))
                .willReturn(aResponse().withStatus(503)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e.retryable());
        assertFalse(e.writeMayHaveApplied(), "503: nothing was done, no need to look before retrying");

        QualitorClient nowhere = new QualitorClient(new QualitorSettings(URI.create("http://localhost:1/qualitor"),
                "integracao", "s3nha", "1", Duration.ofSeconds(1), Duration.ofSeconds(1), true));
        try (nowhere) {
            QualitorException refused = assertThrows(QualitorException.class, () -> nowhere.ticket("1"));
            assertTrue(refused instanceof QualitorException.Unavailable && refused.retryable(), refused.toString());
        }
    }

    @Test
    void malformedXmlIsRetryable() {
        answer("addTicketByData", "<html><body>Fatal error: Allowed memory size exhausted");
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Malformed && e.retryable(), e.toString());
    }

    @Test
    void statusZeroBecomesARefusalWithQualitorsCodeAndMessage() {
        answer("addTicketByData", refused("12", "Ws - Campo obrigatório não informado: cdcategoria"));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertFalse(e.retryable());
        assertFalse(e.writeMayHaveApplied(), "a refusal created nothing");
        assertEquals("12", e.errorCode());
        assertEquals("Ws - Campo obrigatório não informado: cdcategoria", e.qualitorMessage());
    }

    @Test
    void wrongCredentialsAreRefusedBeforeAnyTicketIsOpened() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("password=wrong"))
                .willReturn(aResponse().withBody(refused("1", "Ws - Usuário ou senha inválidos."))));
        QualitorClient wrong = new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"),
                "integracao", "wrong", "1", Duration.ofSeconds(1), Duration.ofSeconds(1), false));
        try (wrong) {
            QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> wrong.openTicket(draft(), false));
            assertEquals("1", e.errorCode());
            assertFalse(e.writeMayHaveApplied());
            assertEquals(0, calls("addTicketByData").size());
        }
    }

    @Test
    void historyAndReadsUseTheirOperations() {
        answer("addTicketHistory", ok(""));
        client.addHistory("48213", "Reiteração: cliente sem retorno após 24 horas.");
        assertTrue(form(calls("addTicketHistory").get(0), "input_xml").contains(
                "<cdchamado>48213</cdchamado><dsacompanhamento>[SOP Desk] Reiteração: cliente sem retorno após 24 horas.</dsacompanhamento><cdtipoacompanhamento>1</cdtipoacompanhamento>"));
        client.addHistory("48213", QualitorClient.HISTORY_MARKER + "já marcado");
        assertTrue(form(calls("addTicketHistory").get(1), "input_xml").contains("<dsacompanhamento>[SOP Desk] já marcado</dsacompanhamento>"),
                "the marker is written once");

        answer("getTicketData", ok("<cdchamado>48213</cdchamado><nmsituacao>Em atendimento</nmsituacao><dtprevisaoresposta>2026-11-24 10:42</dtprevisaoresposta>"));
        TicketSummary t = client.ticket("48213");
        assertEquals("Em atendimento", t.situation());
        assertEquals("2026-11-24 10:42", t.expectedAnswer());
    }

    @Test
    void theDeclarationCanBeLeftOut() {
        QualitorClient bare = new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"),
                "integracao", "s3nha", "1", Duration.ofSeconds(1), Duration.ofSeconds(1), false));
        try (bare) {
            answer("addTicketByData", ok("<cdchamado>1</cdchamado>"));
            bare.openTicket(draft(), false);
            assertTrue(form(calls("addTicketByData").get(0), "input_xml").startsWith("<wsqualitor>"));
        }
        qualitor.verify(postRequestedFor(urlEqualTo(ENDPOINT)).withHeader("Content-Type", matching("application/x-www-form-urlencoded; ?charset=ISO-8859-1")));
    }

    @Test
    void attachmentAndClosingUseTheirOperationsAndFields() {
        answer("addAttachment", ok("<cdchamado>48213</cdchamado><cdarquivo>7</cdarquivo>"));
        answer("closeTicket", ok("<cdchamado>48213</cdchamado><cdsituacao>5</cdsituacao><nmsituacao>Encerrado</nmsituacao>"));
        byte[] content = "SOP perda-de-senha v1\nResposta: não".getBytes(StandardCharsets.UTF_8);
        assertTrue(client.attach("48213", "sopdesk-resumo.txt", content, false));
        assertEquals("Encerrado", client.close("48213", false));

        LoggedRequest attach = calls("addAttachment").get(0);
        assertEquals("WSTicket", form(attach, "wsdl_file"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<nmarquivo>sopdesk-resumo.txt</nmarquivo><dsarquivo>" + java.util.Base64.getEncoder().encodeToString(content)
                + "</dsarquivo></data></contents></wsqualitor>", form(attach, "input_xml"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<idfecharrelacionados>N</idfecharrelacionados></data></contents></wsqualitor>", form(calls("closeTicket").get(0), "input_xml"));
    }

    @Test
    void anAttachmentWhoseAnswerWasLostIsLookedForBeforeSendingAgain() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=addAttachment"))
                .willReturn(aResponse().withFixedDelay(4000).withBody(ok(""))));
        QualitorException e = assertThrows(QualitorException.class, () -> client.attach("48213", "sopdesk-resumo.txt", new byte[] {1}, false));
        assertTrue(e.retryable() && e.writeMayHaveApplied(), e.toString());

        answer("getTicketHistoryData", ok("<nmarquivo>sopdesk-resumo.txt</nmarquivo>"));
        assertFalse(client.attach("48213", "sopdesk-resumo.txt", new byte[] {1}, true), "found: not attached twice");
        assertEquals(1, calls("addAttachment").size());
        assertTrue(form(calls("getTicketHistoryData").get(0), "input_xml").contains("<cdchamado>48213</cdchamado>"));

        answer("getTicketHistoryData", ok("<dsacompanhamento>Outro registro</dsacompanhamento>"));
        answer("addAttachment", ok(""));
        assertTrue(client.attach("48214", "sopdesk-resumo.txt", new byte[] {1}, true), "not found: attached");
        assertEquals(2, calls("addAttachment").size());
    }

    @Test
    void progressMarksSopDesksOwnEntriesAndFindsTheFirstReturnSinceTheClockStarted() {
        answer("getTicketData", ok("<cdchamado>48213</cdchamado><cdsituacao>2</cdsituacao><nmsituacao>Em atendimento</nmsituacao>"
                + "<dtprevisaoresposta>2026-11-24</dtprevisaoresposta>"));
        answer("getTicketHistoryData", ok(
                "<dtacompanhamento>2026-11-23 08:00</dtacompanhamento><nmusuario>Relacionamento</nmusuario><dsacompanhamento>antes</dsacompanhamento>"
                + "</dataitem><dataitem><dtacompanhamento>2026-11-23 09:10</dtacompanhamento><cdusuario>integracao</cdusuario>"
                + "<nmusuario>Integração SOP Desk</nmusuario><dsacompanhamento>Reiteração</dsacompanhamento>"
                + "</dataitem><dataitem><dtacompanhamento>2026-11-23 09:20</dtacompanhamento><cdusuario>77</cdusuario>"
                + "<nmusuario>INTEGRACAO</nmusuario><dsacompanhamento>Encerramento</dsacompanhamento>"
                + "</dataitem><dataitem><dtacompanhamento>2026-11-23 09:30</dtacompanhamento><nmusuario>Operador</nmusuario>"
                + "<dsacompanhamento>[SOP Desk] Reiteração solicitada</dsacompanhamento>"
                + "</dataitem><dataitem><dtacompanhamento>2026-11-23 10:05:30</dtacompanhamento><nmusuario>Relacionamento</nmusuario>"
                + "<dsacompanhamento>Retorno ao cliente</dsacompanhamento>"
                + "</dataitem><dataitem><dtacompanhamento>2026-11-23 15:00</dtacompanhamento><nmusuario>Relacionamento</nmusuario>"
                + "<dsacompanhamento>Novo contato</dsacompanhamento>"
                + "</dataitem><dataitem><nmarquivo>sopdesk-resumo-1.txt</nmarquivo><nmusuario>integracao</nmusuario>"));
        DemandProgress p = client.progress("48213");
        assertEquals("Em atendimento", p.situationName());
        assertEquals(LocalDateTime.of(2026, 11, 24, 23, 59, 59), p.expectedAnswer(), "a bare expected date means by the end of that day");
        assertEquals(List.of(false, true, true, true, false, false, true), p.history().stream().map(DemandProgress.Entry::ours).toList(),
                "by login in cdusuario, by login in nmusuario, by the marker");
        assertNull(p.history().get(6).at(), "an attachment has no history time and never counts as a return");
        DemandProgress.Entry first = p.firstReturnSince(LocalDateTime.of(2026, 11, 23, 9, 0)).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 11, 23, 10, 5, 30), first.at(), "the earliest return after the start, not the latest");
        assertEquals("Relacionamento", first.author());
        assertEquals(LocalDateTime.of(2026, 11, 23, 15, 0), p.firstReturnSince(LocalDateTime.of(2026, 11, 23, 10, 6)).orElseThrow().at());
        assertTrue(p.firstReturnSince(LocalDateTime.of(2026, 11, 23, 15, 1)).isEmpty());
    }

    @Test
    void aBareHistoryDateCountsAtTheEndOfItsDayAndAnUnreadableExpectedDateIsLeftOut() {
        answer("getTicketData", ok("<cdchamado>48213</cdchamado><nmsituacao>Em atendimento</nmsituacao>"
                + "<dtprevisaoresposta>amanhã cedo</dtprevisaoresposta>"));
        answer("getTicketHistoryData", ok("<dtacompanhamento>23/11/2026</dtacompanhamento><nmusuario>Relacionamento</nmusuario>"
                + "<dsacompanhamento>Retorno</dsacompanhamento>"));
        DemandProgress p = client.progress("48213");
        assertNull(p.expectedAnswer());
        DemandProgress.Entry e = p.history().get(0);
        assertTrue(e.dateOnly());
        assertEquals(LocalDateTime.of(2026, 11, 23, 0, 0), e.at());
        assertEquals(LocalDateTime.of(2026, 11, 23, 23, 59, 59), e.latest());
        assertEquals(e, p.firstReturnSince(LocalDateTime.of(2026, 11, 23, 14, 0)).orElseThrow(), "same day, after the start: counts");
        assertTrue(p.firstReturnSince(LocalDateTime.of(2026, 11, 24, 0, 0)).isEmpty(), "a day before the start does not");
    }

    @Test
    void closingAnUnknownTicketIsARefusal() {
        answer("closeTicket", refused("20", "Ws - Chamado não encontrado: 9"));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.close("9", false));
        assertEquals("Ws - Chamado não encontrado: 9", e.qualitorMessage());
    }
}
