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
import org.junit.jupiter.api.BeforeAll;
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

    @BeforeAll
    static void warmUp() {
        ClientWarmUp.once();
    }

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
        return new TicketDraft("11222333000181", "financeiro@paoquente.com.br", "Perda de senha - certificado A1",
                "Cliente não localiza a senha; 1º contato às 10h", new TicketDraft.Mapping("5", "32", "4", "2"),
                "(51) 99999-0000 / (51) 3333-0000", KEY, java.time.LocalDate.of(2026, 11, 23));
    }

    /** Answers {@code operation} only when its request document contains {@code fragment}. */
    private void answerFor(String operation, String fragment, String body) {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=" + operation))
                .withRequestBody(containing(java.net.URLEncoder.encode(fragment, StandardCharsets.ISO_8859_1)))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1")
                        .withBody(body.getBytes(StandardCharsets.ISO_8859_1))));
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
                + "<dschamado>Cliente não localiza a senha; 1º contato às 10h\n\nChave SOP Desk: sopdesk:" + KEY + "</dschamado>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"
                + "</data><informacoesadicionais><vlinformacaoadicional49>(51) 99999-0000 / (51) 3333-0000</vlinformacaoadicional49>"
                + "</informacoesadicionais></contents></wsqualitor>", form(add, "input_xml"));
        assertEquals("WSGeneral", form(calls("getCustomer").get(0), "wsdl_file"));
        assertTrue(form(calls("getCustomer").get(0), "input_xml").contains("<nrcpfcnpj>11222333000181</nrcpfcnpj>"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1207</cdcliente>"
                + "<dsemail>financeiro@paoquente.com.br</dsemail></data></contents></wsqualitor>", form(calls("getCustomerContact").get(0), "input_xml"),
                "the contact by the customer's code and the e-mail, as the vendor documents it (no nmcontato)");
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
        assertTrue(e.writeMayHaveApplied(), "the cut may come after Qualitor created it");
        looksBeforeSendingAgain();
    }

    /** The retry after an unknown outcome finds the ticket the lost answer had created: no second one. */
    private void looksBeforeSendingAgain() {
        int sent = calls("addTicketByData").size();
        answer("getTicket", ok("<cdchamado>48299</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"));
        OpenedTicket retried = client.openTicket(draft(), true);
        assertEquals("48299", retried.number());
        assertTrue(retried.alreadyExisted());
        assertEquals(sent, calls("addTicketByData").size(), "no second addTicketByData");
        assertTrue(calls("getTicket").size() >= 1, "looked first");
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
        assertTrue(e.writeMayHaveApplied(), "garbage may come after Qualitor created it");
        looksBeforeSendingAgain();
    }

    @Test
    void statusZeroBecomesARefusalWithQualitorsCodeAndMessage() {
        answer("addTicketByData", refused("12", "Ws - Campo obrigatório não informado: cdcategoria"));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertFalse(e.retryable());
        assertFalse(e.writeMayHaveApplied(), "a refusal created nothing");
        assertEquals("12", e.errorCode());
        assertEquals("Ws - Campo obrigatório não informado: cdcategoria", e.qualitorMessage());
        assertEquals(RefusalKind.INVALID_DATA, e.kind());
        assertTrue(e.advice().startsWith("O Qualitor não aceitou a categoria do chamado: a classificação vem do SOP"), e.advice());
        assertTrue(e.getMessage().endsWith("Detalhe do Qualitor (código 12): Ws - Campo obrigatório não informado: cdcategoria"), e.getMessage());
    }

    @Test
    void wrongCredentialsAreAnOutageNotARefusalOfTheTicket() {
        var refusing = qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("password=wrong"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1")
                        .withBody(refused("1", "Ws - Usuário ou senha inválidos.").getBytes(StandardCharsets.ISO_8859_1))));
        QualitorClient wrong = new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"),
                "integracao", "wrong", "1", Duration.ofSeconds(1), Duration.ofSeconds(1), false));
        try (wrong) {
            QualitorException.Unauthorized e = assertThrows(QualitorException.Unauthorized.class, () -> wrong.openTicket(draft(), false));
            assertEquals(RefusalKind.CREDENTIALS, e.kind());
            assertEquals("1", e.errorCode());
            assertTrue(e.retryable(), "retried once the configuration is fixed");
            assertFalse(e.writeMayHaveApplied(), "nothing was created");
            assertTrue(e.getMessage().contains("usuário de integração") && e.getMessage().contains("Usuário ou senha inválidos"), e.getMessage());
            assertEquals(0, calls("addTicketByData").size());
            assertTrue(wrong.credentialsRefusal().isPresent(), "remembered for the readiness check");

            // the installation accepts the login again: the next call goes through and the outage is over
            qualitor.removeStub(refusing);
            answer("addTicketByData", ok("<cdchamado>48230</cdchamado>"));
            assertEquals("48230", wrong.openTicket(draft(), false).number());
            assertTrue(wrong.credentialsRefusal().isEmpty());
        }
    }

    @Test
    void anUnknownCustomerIsARefusalThatNamesTheDocumentAndSaysWhatToDo() {
        answer("getCustomer&", refused("20", "Ws - Cliente não encontrado"));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertEquals(RefusalKind.CUSTOMER_NOT_FOUND, e.kind());
        assertFalse(e.retryable());
        assertFalse(e.writeMayHaveApplied());
        assertEquals("O CNPJ 11.222.333/0001-81 não está cadastrado como cliente no Qualitor: cadastre-o (ou confira o documento) e use Reenviar.",
                e.advice());
        assertTrue(e.getMessage().endsWith("Detalhe do Qualitor (código 20): Ws - Cliente não encontrado"), e.getMessage());
        assertEquals(0, calls("addTicketByData").size());

        // registered meanwhile: the next attempt finds it (a refusal is not cached)
        answer("getCustomer&", ok("<cdcliente>1300</cdcliente>"));
        answer("addTicketByData", ok("<cdchamado>48231</cdchamado>"));
        assertEquals("48231", client.openTicket(draft(), false).number());
        assertTrue(form(calls("addTicketByData").get(0), "input_xml").contains("<cdcliente>1300</cdcliente>"));
    }

    @Test
    void anUnknownContactIsRefusedNamingTheEmailOrFallsBackToTheDefaultContact() {
        answer("getCustomerContact", refused("20", "Ws - Contato não encontrado"));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertEquals(RefusalKind.CONTACT_NOT_FOUND, e.kind());
        assertTrue(e.advice().startsWith("O e-mail financeiro@paoquente.com.br não está cadastrado como contato deste cliente no Qualitor"), e.advice());
        assertEquals(0, calls("addTicketByData").size());

        QualitorClient fallback = new QualitorClient(client.settings().withDefaultContact("77"));
        try (fallback) {
            answer("addTicketByData", ok("<cdchamado>48232</cdchamado>"));
            assertEquals("48232", fallback.openTicket(draft(), false).number());
            assertTrue(form(calls("addTicketByData").get(0), "input_xml").contains("<cdcontato>77</cdcontato>"));
        }
    }

    @Test
    void aContactAnswerWithoutACodeIsTreatedAsNotFound() {
        answer("getCustomerContact", ok(""));
        QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(), false));
        assertEquals(RefusalKind.CONTACT_NOT_FOUND, e.kind());
    }

    @Test
    void aRetryFindsTheTicketByReadingEachCandidateWhenTheListOmitsTheKeyword() {
        // getTicket promises only cdchamado, nmtitulochamado, nmsituacao, dtchamado
        answer("getTicket", ok("<cdchamado>48240</cdchamado><nmtitulochamado>Outro assunto</nmtitulochamado><nmsituacao>Em atendimento</nmsituacao>"
                + "<dtchamado>2026-11-23 09:00</dtchamado></dataitem><dataitem><cdchamado>48241</cdchamado>"
                + "<nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado><nmsituacao>Aguardando atendimento</nmsituacao>"
                + "<dtchamado>2026-11-23 10:42</dtchamado>"));
        answerFor("getTicketData", "<cdchamado>48240</cdchamado>", ok("<cdchamado>48240</cdchamado><dspalavrachave>sopdesk:outra-chave</dspalavrachave>"));
        answerFor("getTicketData", "<cdchamado>48241</cdchamado>", ok("<cdchamado>48241</cdchamado><dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"));
        OpenedTicket found = client.openTicket(draft(), true);
        assertEquals("48241", found.number());
        assertTrue(found.alreadyExisted());
        assertEquals("Aguardando atendimento", found.situation());
        assertEquals(0, calls("addTicketByData").size(), "not opened again");
        String read = form(calls("getTicketData").get(0), "input_xml");
        assertTrue(read.contains("<campos>") && read.contains("dspalavrachave") && read.contains("dschamado"), read);
    }

    @Test
    void whereTheKeywordIsNotKeptTheKeyIsFoundInTheTicketText() {
        answer("getTicket", ok("<cdchamado>48250</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao><dtchamado>2026-11-23 10:42</dtchamado>"));
        answer("getTicketData", ok("<cdchamado>48250</cdchamado><dspalavrachave></dspalavrachave>"
                + "<dschamado>Cliente não localiza a senha\n\nChave SOP Desk: sopdesk:" + KEY + "</dschamado>"));
        OpenedTicket found = client.openTicket(draft(), true);
        assertEquals("48250", found.number());
        assertTrue(found.alreadyExisted());
        assertEquals(0, calls("addTicketByData").size());

        answer("getTicketData", ok("<cdchamado>48250</cdchamado><dschamado>Outro chamado, de outra pessoa</dschamado>"));
        answer("addTicketByData", ok("<cdchamado>48251</cdchamado>"));
        assertEquals("48251", client.openTicket(draft(), true).number(), "a text without the key is someone else's ticket");
        assertEquals(1, calls("addTicketByData").size());
    }

    @Test
    void whenNeitherTheKeywordNorTheTextComeBackTheRetryDoesNotSendBlind() {
        answer("getTicket", ok("<cdchamado>48260</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao>"));
        answer("getTicketData", ok("<cdchamado>48260</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao>"));
        answer("addTicketByData", ok("<cdchamado>48261</cdchamado>"));
        QualitorException.Unverifiable e = assertThrows(QualitorException.Unverifiable.class, () -> client.openTicket(draft(), true));
        assertFalse(e.retryable());
        assertTrue(e.writeMayHaveApplied());
        assertTrue(e.getMessage().contains("Verifique no Qualitor antes de reenviar") && e.getMessage().contains("sopdesk:" + KEY), e.getMessage());
        assertEquals(0, calls("addTicketByData").size(), "nothing sent while it cannot be checked");
    }

    @Test
    void aCustomersTicketsInPtBrAreListedInOrder() {
        answer("getTicket", ok("<cdchamado>48272</cdchamado><nmtitulochamado>Reemissão após revogação</nmtitulochamado>"
                + "<nmsituacao>Aguardando aprovação</nmsituacao><dtchamado>2026-11-23 11:00</dtchamado></dataitem><dataitem>"
                + "<cdchamado>48271</cdchamado><nmtitulochamado>Matrícula CEI ausente no certificado</nmtitulochamado>"
                + "<nmsituacao>Em atendimento</nmsituacao><dtchamado>2026-11-22 15:30</dtchamado></dataitem><dataitem>"
                + "<cdchamado>48270</cdchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado>"
                + "<nmsituacao>Concluído</nmsituacao><dtchamado>2026-11-20 08:05</dtchamado>"));
        List<TicketSummary> tickets = client.ticketsOfCustomer("11222333000181");
        assertEquals(List.of("48272", "48271", "48270"), tickets.stream().map(TicketSummary::number).toList());
        assertEquals("Reemissão após revogação", tickets.get(0).title());
        assertEquals("Aguardando aprovação", tickets.get(0).situation());
        assertEquals("Matrícula CEI ausente no certificado", tickets.get(1).title());
        assertEquals("Concluído", tickets.get(2).situation());
        assertEquals(null, tickets.get(0).submissionKey(), "no keyword listed: no key");
        assertTrue(form(calls("getTicket").get(0), "input_xml").contains("<cdcliente>1207</cdcliente>"));
    }

    @Test
    void aSuccessWithoutATicketNumberMayHaveCreatedIt() {
        answer("addTicketByData", ok("<cdsituacao>1</cdsituacao><nmsituacao>Aguardando atendimento</nmsituacao>"));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Malformed && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied(), "status 1 may mean it exists: the retry must look first");
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

        QualitorClient typed = new QualitorClient(new QualitorSettings(client.settings().baseUri(), "integracao", "s3nha", "1",
                Duration.ofSeconds(1), Duration.ofSeconds(2), true, QualitorSettings.Mode.STATELESS, "7", null));
        try (typed) {
            assertTrue(typed.addHistory("48213", "Reinício pedido.", "r1a2b3c4", false));
            assertTrue(form(calls("addTicketHistory").get(2), "input_xml").contains(
                    "<dsacompanhamento>[SOP Desk] Reinício pedido.\nRef. SOP Desk: r1a2b3c4</dsacompanhamento><cdtipoacompanhamento>7</cdtipoacompanhamento>"),
                    "qualitor.history-type, SOP Desk's marker first and the key marker at the end");
        }

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
