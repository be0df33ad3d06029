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
 * The connector against WireMock playing Qualitor's stateless endpoint: requests in the shape public
 * clients of real servers send ({@code wsdl_file=WSTicket.wsdl}, the configured encoding named by the
 * content type, data mapped to extra-information codes or written in the text), and each fault
 * (delay past the timeout, connection reset, HTTP 500, malformed XML, status 0, a refusal worded like
 * bad credentials) ending in a typed error that says whether a retry may help, or, for a retry after
 * a lost answer, in the one ticket that already exists and no second one.
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
        return draft(new TicketDraft.Facts(null, null, null, "(51) 99999-0000", "(51) 3333-0000", null, null, null));
    }

    private static TicketDraft draft(TicketDraft.Facts facts) {
        return new TicketDraft("11222333000181", "financeiro@paoquente.com.br", "Perda de senha - certificado A1",
                "Cliente não localiza a senha; 1º contato às 10h", new TicketDraft.Mapping("5", "32", "4", "2"),
                facts, KEY, java.time.LocalDate.of(2026, 11, 23));
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
        assertEquals("WSTicket.wsdl", form(add, "wsdl_file"), "the suffixed spelling public clients send");
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1207</cdcliente><cdcontato>2</cdcontato>"
                + "<idchamado>1</idchamado><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado><cdtipochamado>5</cdtipochamado>"
                + "<cdcategoria>32</cdcategoria><cdlocalidade>4</cdlocalidade><cdseveridade>2</cdseveridade>"
                + "<dschamado>Cliente não localiza a senha; 1º contato às 10h\n\n--- Registrado pelo SOP Desk ---"
                + "\nTelefones: (51) 99999-0000 / (51) 3333-0000\n\nChave SOP Desk: sopdesk:" + KEY + "</dschamado>"
                + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>"
                + "</data></contents></wsqualitor>", form(add, "input_xml"),
                "no extra-information code is configured: the phones go in the text, no vlinformacaoadicional is invented");
        assertEquals("WSGeneral.wsdl", form(calls("getCustomer").get(0), "wsdl_file"));
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
        assertTrue(form(calls("getTicket").get(0), "input_xml").contains("<cdcliente>1207</cdcliente><Idtipoperiodo>1</Idtipoperiodo>"
                        + "<dtperiodo>2026-11-22</dtperiodo><dtperiodo2>2026-11-25</dtperiodo2>"),
                "the search is bounded to the submission's days, the period sent both ways installations read it");
        assertEquals(1, calls("getTicket").size(), "found by the filtered search: no unfiltered one");
        assertEquals(1, calls("getCustomer&").size(), "customer code looked up once");
    }

    @Test
    void aRetryWhenNothingWasCreatedOpensTheTicketOnce() {
        answer("addTicketByData", ok("<cdchamado>48215</cdchamado>"));
        OpenedTicket opened = client.openTicket(draft(), true);
        assertEquals("48215", opened.number());
        assertFalse(opened.alreadyExisted());
        assertEquals(2, calls("getTicket").size(), "the period-filtered search, then all the customer's tickets");
        assertFalse(form(calls("getTicket").get(1), "input_xml").contains("dtperiodo"), "the fallback relies on no filter");
        assertEquals(1, calls("addTicketByData").size());
    }

    @Test
    void aConnectionResetIsRetryable() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=addTicketByData"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(), false));
        assertTrue(e instanceof QualitorException.Unavailable && e.retryable(), e.toString());
        assertTrue(e.writeMayHaveApplied(), "the cut may come after Qualitor created it");
        assertEquals(1, calls("addTicketByData").size(), "the HTTP client must not re-send the POST by itself after the reset");
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
    void wordsThatSoundLikeABadPasswordOnTheStatelessEndpointAreAPlainRefusalNotConcludedCredentials() {
        var refusing = qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("password=wrong"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1")
                        .withBody(refused("1", "Ws - Usuário ou senha inválidos.").getBytes(StandardCharsets.ISO_8859_1))));
        QualitorClient wrong = new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"),
                "integracao", "wrong", "1", Duration.ofSeconds(1), Duration.ofSeconds(1), false));
        try (wrong) {
            QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> wrong.openTicket(draft(), false));
            assertEquals(RefusalKind.OTHER, e.kind(), "Qualitor publishes no codes or words: nothing is concluded from them");
            assertEquals("1", e.errorCode());
            assertEquals("Ws - Usuário ou senha inválidos.", e.qualitorMessage());
            assertFalse(e.retryable());
            assertFalse(e.writeMayHaveApplied(), "nothing was created");
            assertTrue(e.getMessage().endsWith("Detalhe do Qualitor (código 1): Ws - Usuário ou senha inválidos."), e.getMessage());
            assertEquals(0, calls("addTicketByData").size());
            assertTrue(wrong.credentialsRefusal().isEmpty(), "only a refused login is read as the integration login being refused");

            qualitor.removeStub(refusing);
            answer("addTicketByData", ok("<cdchamado>48230</cdchamado>"));
            assertEquals("48230", wrong.openTicket(draft(), false).number());
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

        QualitorSettings base = client.settings();
        QualitorClient typed = new QualitorClient(new QualitorSettings(base.baseUri(), "integracao", "s3nha", "1", Duration.ofSeconds(1),
                Duration.ofSeconds(2), QualitorSettings.Encoding.ISO_8859_1, QualitorSettings.Mode.STATELESS, "7", null, null, null, null,
                false, java.util.Map.of()));
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
    void latin1DocumentsGoWithTheirDeclarationAndAContentTypeNamingIso88591() {
        answer("addTicketByData", ok("<cdchamado>1</cdchamado>"));
        client.openTicket(draft(new TicketDraft.Facts(null, null, null, null, null, null, null, "Decisão: “sem cópia” – é A3")), false);
        LoggedRequest add = calls("addTicketByData").get(0);
        assertTrue(add.getHeader("Content-Type").matches("application/x-www-form-urlencoded; ?charset=ISO-8859-1"), add.getHeader("Content-Type"));
        String raw = new String(add.getBody(), StandardCharsets.US_ASCII);
        assertTrue(raw.contains("Decis%E3o%3A+%26%238220%3Bsem+c%F3pia%26%238221%3B+%26%238211%3B+%E9+A3"), raw);
        assertTrue(form(add, "input_xml").startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor>"));
    }

    @Test
    void utf8DocumentsGoWithoutDeclarationAndAContentTypeNamingUtf8() {
        QualitorClient utf8 = new QualitorClient(client.settings().withEncoding(QualitorSettings.Encoding.UTF_8));
        try (utf8) {
            answer("addTicketByData", ok("<cdchamado>1</cdchamado>"));
            utf8.openTicket(draft(new TicketDraft.Facts(null, null, null, null, null, null, null, "Decisão: “sem cópia” – é A3")), false);
            LoggedRequest add = calls("addTicketByData").get(0);
            assertTrue(add.getHeader("Content-Type").matches("application/x-www-form-urlencoded; ?charset=UTF-8"), add.getHeader("Content-Type"));
            String raw = new String(add.getBody(), StandardCharsets.US_ASCII);
            assertTrue(raw.contains("Decis%C3%A3o%3A+%E2%80%9Csem+c%C3%B3pia%E2%80%9D+%E2%80%93+%C3%A9+A3"), raw);
            String xml = URLDecoder.decode(raw.substring(raw.indexOf("input_xml=") + 10), StandardCharsets.UTF_8);
            assertTrue(xml.startsWith("<wsqualitor>"), xml);
            assertTrue(xml.contains("Decisão: “sem cópia” – é A3"), xml);
        }
    }

    @Test
    void attachmentAndClosingUseTheirOperationsAndFields() {
        answer("addAttachment", ok("<cdchamado>48213</cdchamado>"));
        answer("closeTicket", ok("<cdchamado>48213</cdchamado><cdsituacao>5</cdsituacao><nmsituacao>Encerrado</nmsituacao>"));
        byte[] content = "SOP perda-de-senha v1\nResposta: não".getBytes(StandardCharsets.UTF_8);
        client.attach("48213", "sopdesk-resumo.txt", content, false);
        assertEquals("Encerrado", client.close("48213", false));

        LoggedRequest attach = calls("addAttachment").get(0);
        assertEquals("WSTicket.wsdl", form(attach, "wsdl_file"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<nmanexo>sopdesk-resumo.txt</nmanexo><idprivado>N</idprivado><attachment>" + java.util.Base64.getEncoder().encodeToString(content)
                + "</attachment></data></contents></wsqualitor>", form(attach, "input_xml"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado>"
                + "<idfecharrelacionados>N</idfecharrelacionados></data></contents></wsqualitor>", form(calls("closeTicket").get(0), "input_xml"));

        QualitorSettings s = client.settings();
        QualitorClient privately = new QualitorClient(new QualitorSettings(s.baseUri(), s.user(), s.password(), s.company(), s.connectTimeout(),
                s.readTimeout(), s.encoding(), s.mode(), s.historyType(), s.defaultContact(), s.wsdlFile(), s.soapWsdl(), s.periodType(), true,
                s.extraInfo()));
        try (privately) {
            privately.attach("48213", "sopdesk-resumo.txt", content, false);
            assertTrue(form(calls("addAttachment").get(1), "input_xml").contains("<idprivado>S</idprivado>"), "qualitor.attachment-private=true");
        }
    }

    @Test
    void anAttachmentWhoseAnswerWasLostIsNeverSentAgainBlind() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=addAttachment"))
                .willReturn(aResponse().withFixedDelay(4000).withBody(ok(""))));
        QualitorException e = assertThrows(QualitorException.class, () -> client.attach("48213", "sopdesk-resumo.txt", new byte[] {1}, false));
        assertTrue(e.retryable() && e.writeMayHaveApplied(), e.toString());

        QualitorException.Unverifiable again = assertThrows(QualitorException.Unverifiable.class,
                () -> client.attach("48213", "sopdesk-resumo.txt", new byte[] {1}, true));
        assertTrue(again.getMessage().contains("sopdesk-resumo.txt") && again.getMessage().contains("48213"), again.getMessage());
        assertEquals(1, calls("addAttachment").size(), "no operation lists attachments: nothing is sent twice blind");
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

    @Test
    void aMappedDatumLeavesTheTextAndTravelsInItsExtraInformationFieldWhileAnUnmappedOneStaysInTheText() {
        TicketDraft.Facts facts = new TicketDraft.Facts("Padaria Pão Quente", "11.222.333/0001-81", "financeiro@paoquente.com.br",
                "(51) 99999-0000", "(51) 3333-0000", "perda-de-senha v3", null, "Decisão: reemitir");
        QualitorClient mapped = new QualitorClient(client.settings().withExtraInfo(java.util.Map.of(
                QualitorSettings.Datum.PHONE1, "1740", QualitorSettings.Datum.SOP, "1741")));
        try (mapped) {
            answer("addTicketByData", ok("<cdchamado>48290</cdchamado>"));
            mapped.openTicket(draft(facts), false);
            String xml = form(calls("addTicketByData").get(0), "input_xml");
            assertTrue(xml.endsWith("</data><informacoesadicionais><vlinformacaoadicional1740>(51) 99999-0000</vlinformacaoadicional1740>"
                    + "<vlinformacaoadicional1741>perda-de-senha v3</vlinformacaoadicional1741></informacoesadicionais></contents></wsqualitor>"), xml);
            String text = xml.substring(xml.indexOf("<dschamado>"), xml.indexOf("</dschamado>"));
            assertFalse(text.contains("99999-0000"), "the mapped phone is not repeated in the text: " + text);
            assertFalse(text.contains("perda-de-senha v3"), "the mapped SOP is not repeated in the text: " + text);
            assertTrue(text.contains("\nTelefone: (51) 3333-0000"), "the unmapped second phone stays in the text: " + text);
            assertTrue(text.contains("\nCliente: Padaria Pão Quente - 11.222.333/0001-81\nE-mail: financeiro@paoquente.com.br"), text);
            assertTrue(text.contains("\nDecisão: reemitir\n\nChave SOP Desk: sopdesk:" + KEY), text);
            assertFalse(xml.contains("vlinformacaoadicional49"), "no hard-coded code");
        }
    }

    @Test
    void aRetryFindsTheTicketThatOnlyTheUnfilteredListingShows() {
        // an installation that reads the period differently: the filtered search lists nothing of ours
        answerFor("getTicket", "<dtperiodo>", ok("<cdchamado>48100</cdchamado><dspalavrachave>sopdesk:outra-chave</dspalavrachave>"));
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=getTicket"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("dtperiodo"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1").withBody(ok(
                        "<cdchamado>48100</cdchamado><dspalavrachave>sopdesk:outra-chave</dspalavrachave></dataitem><dataitem>"
                        + "<cdchamado>48301</cdchamado><nmsituacao>Aguardando atendimento</nmsituacao><dtchamado>2026-11-23 10:42</dtchamado>"
                        + "<dspalavrachave>sopdesk:" + KEY + "</dspalavrachave>").getBytes(StandardCharsets.ISO_8859_1))));
        answer("addTicketByData", ok("<cdchamado>99999</cdchamado>"));
        OpenedTicket found = client.openTicket(draft(), true);
        assertEquals("48301", found.number());
        assertTrue(found.alreadyExisted());
        assertEquals(2, calls("getTicket").size());
        assertTrue(form(calls("getTicket").get(0), "input_xml").contains("<dtperiodo>2026-11-22</dtperiodo>"));
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>1207</cdcliente></data></contents></wsqualitor>",
                form(calls("getTicket").get(1), "input_xml"));
        assertEquals(0, calls("addTicketByData").size(), "no duplicate");
    }

    @Test
    void aRetriedTransferReadsTheTeamFirstAndMovesOnlyWhenTheDemandIsNotThereYet() {
        answer("transferTicketTeam", ok(""));
        answer("getTicketData", ok("<cdchamado>48213</cdchamado><cdequipe>12</cdequipe>"));
        assertFalse(client.transferTeam("48213", "12", true), "already in team 12: not moved again");
        assertEquals(0, calls("transferTicketTeam").size());
        String read = form(calls("getTicketData").get(0), "input_xml");
        assertTrue(read.contains("<cdchamado>48213</cdchamado><campos>cdchamado,cdequipe</campos>"), read);

        answer("getTicketData", ok("<cdchamado>48213</cdchamado><cdequipe>3</cdequipe>"));
        assertTrue(client.transferTeam("48213", "12", true), "in another team: moved");
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado><cdequipe>12</cdequipe>"
                + "</data></contents></wsqualitor>", form(calls("transferTicketTeam").get(0), "input_xml"));
        List<LoggedRequest> all = qualitor.findAll(postRequestedFor(urlEqualTo(ENDPOINT)));
        int readAt = -1;
        int movedAt = -1;
        for (int i = 0; i < all.size(); i++) {
            String body = new String(all.get(i).getBody(), StandardCharsets.US_ASCII);
            readAt = body.contains("operation=getTicketData") ? i : readAt;
            movedAt = body.contains("operation=transferTicketTeam") ? i : movedAt;
        }
        assertTrue(readAt < movedAt, "the team is read before the transfer");

        answer("getTicketData", ok("<cdchamado>48213</cdchamado><nmsituacao>Em atendimento</nmsituacao>"));
        assertThrows(QualitorException.Unverifiable.class, () -> client.transferTeam("48213", "12", true),
                "an answer without the team cannot be checked");
        assertEquals(1, calls("transferTicketTeam").size());

        assertTrue(client.transferTeam("48213", "12", false), "a first attempt moves without reading");
        assertEquals(2, calls("transferTicketTeam").size());
    }

    @Test
    void aTransferWhoseAnswerWasLostMayHaveMovedTheDemand() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=transferTicketTeam"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.transferTeam("48213", "12", false));
        assertTrue(e instanceof QualitorException.Unavailable && e.writeMayHaveApplied(), e.toString());
    }
    @Test
    void aRestartMovesTheDemandToTheStepWithCdchamadoAndCdetapa() {
        answer("setTicketNextStep", ok(""));
        assertTrue(client.nextStep("48213", "31", false), "a first attempt moves without reading");
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdchamado>48213</cdchamado><cdetapa>31</cdetapa>"
                + "</data></contents></wsqualitor>", form(calls("setTicketNextStep").get(0), "input_xml"));
        assertEquals(0, calls("getTicketStep").size());
    }

    @Test
    void aRetriedStepMoveReadsTheStepFirstAndMovesOnlyWhenTheDemandIsNotThereYet() {
        answer("setTicketNextStep", ok(""));
        answer("getTicketStep", ok("<cdchamado>48213</cdchamado><cdetapa>31</cdetapa>"));
        assertFalse(client.nextStep("48213", "31", true), "already at step 31: not moved again");
        assertEquals(0, calls("setTicketNextStep").size());
        assertTrue(form(calls("getTicketStep").get(0), "input_xml").contains("<cdchamado>48213</cdchamado>"));

        answer("getTicketStep", ok("<cdchamado>48213</cdchamado><cdetapa>7</cdetapa>"));
        assertTrue(client.nextStep("48213", "31", true), "at another step: moved");
        assertEquals(1, calls("setTicketNextStep").size());

        answer("getTicketStep", ok("<cdchamado>48213</cdchamado><nmetapa>Atendimento</nmetapa>"));
        assertThrows(QualitorException.Unverifiable.class, () -> client.nextStep("48213", "31", true),
                "an answer without the step cannot be checked");
        assertEquals(1, calls("setTicketNextStep").size());
    }

    @Test
    void aStepMoveWhoseAnswerWasLostMayHaveMovedTheDemandAndARefusalIsQualitorsOwnWords() {
        qualitor.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=setTicketNextStep"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        QualitorException e = assertThrows(QualitorException.class, () -> client.nextStep("48213", "31", false));
        assertTrue(e instanceof QualitorException.Unavailable && e.writeMayHaveApplied(), e.toString());

        qualitor.resetAll();
        answer("setTicketNextStep", refused("21", "Ws - This ticket have no next step."));
        QualitorException.Refused refused = assertThrows(QualitorException.Refused.class, () -> client.nextStep("48213", "31", false));
        assertEquals("Ws - This ticket have no next step.", refused.qualitorMessage());
        assertFalse(refused.writeMayHaveApplied());
    }
}
