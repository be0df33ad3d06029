package br.com.sopdesk.qualitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The administrator's read-only setup check against WireMock playing Qualitor's stateless endpoint:
 * everything passes on a good installation; a {@code wsdl_file} spelling the server refuses while
 * another works is reported with the one that works; a refused login carries Qualitor's own words;
 * a code no reference demand shows is not passed; a stalling server does not hold the check past its
 * budget. Nothing is ever written.
 */
class SetupCheckTest {

    private static final String ENDPOINT = "/qualitor/ws/statelessws.php";
    private static final String DEMAND = "48000";
    private static final String CUSTOMER = "11222333000181";
    private static final Duration BUDGET = Duration.ofSeconds(20);

    private WireMockServer qualitor;

    @BeforeAll
    static void warmUp() {
        ClientWarmUp.once();
    }

    @BeforeEach
    void start() {
        qualitor = new WireMockServer(options().dynamicPort());
        qualitor.start();
    }

    @AfterEach
    void stop() {
        qualitor.stop();
    }

    private QualitorSettings settings() {
        return new QualitorSettings(URI.create("http://localhost:" + qualitor.port() + "/qualitor"), "integracao", "s3nha-secreta", "1",
                Duration.ofSeconds(1), Duration.ofSeconds(5), true);
    }

    private static MappingBuilder op(String operation) {
        return post(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=" + operation + "&"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withHeader("Content-Type", "text/xml; charset=ISO-8859-1").withBody(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String ok(String fields) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><response_status><status>1</status><error_code/><msg/>"
                + "</response_status><response_data>" + (fields.isEmpty() ? "" : "<dataitem>" + fields + "</dataitem>") + "</response_data></wsqualitor>";
    }

    private static String refused(String code, String msg) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><response_status><status>0</status><error_code>" + code
                + "</error_code><msg>" + msg + "</msg></response_status><response_data/></wsqualitor>";
    }

    /** A good installation that answers only the given spelling of {@code wsdl_file} for the authenticated operations. */
    private void goodInstallation(QualitorSettings.WsdlFile accepted) {
        qualitor.stubFor(op("getVersion").willReturn(xml(ok("<version>8.20.01</version>"))));
        String ticket = "wsdl_file=" + accepted.spell("WSTicket") + "&";
        String general = "wsdl_file=" + accepted.spell("WSGeneral") + "&";
        qualitor.stubFor(op("getTicketData").withRequestBody(containing(ticket)).willReturn(xml(ok("<cdchamado>" + DEMAND + "</cdchamado>"
                + "<cdcategoria>32</cdcategoria><nmcategoria>Perda de senha</nmcategoria>"
                + "<nmcategoriacompleta>Certificado digital &gt; Perda de senha</nmcategoriacompleta>"
                + "<cdtipochamado>5</cdtipochamado><nmtipochamado>Incidente</nmtipochamado>"
                + "<cdequipe>12</cdequipe><nmequipe>Relacionamento</nmequipe>"))));
        qualitor.stubFor(op("getTicketAdditionalInfoDetail").withRequestBody(containing(ticket))
                .willReturn(xml(ok("<cdtipoinformacaoadicional>1740</cdtipoinformacaoadicional><nminformacaoadicional>Telefone do solicitante</nminformacaoadicional>"))));
        qualitor.stubFor(op("getCustomer").withRequestBody(containing(general)).willReturn(xml(ok("<cdcliente>1207</cdcliente>"))));
    }

    private static List<SetupCheck.CodeUse> codes() {
        return List.of(new SetupCheck.CodeUse(SetupCheck.CodeKind.CATEGORY, "32", "perda-de-senha"),
                new SetupCheck.CodeUse(SetupCheck.CodeKind.CATEGORY, "32", "reemissao"),
                new SetupCheck.CodeUse(SetupCheck.CodeKind.TICKET_TYPE, "5", "perda-de-senha"),
                new SetupCheck.CodeUse(SetupCheck.CodeKind.TEAM, "12", "perda-de-senha"),
                new SetupCheck.CodeUse(SetupCheck.CodeKind.EXTRA_INFO, "1740", "qualitor.extra.phone1"));
    }

    private static List<SetupCheck.Sample> samples() {
        return List.of(new SetupCheck.Sample("perda-de-senha", new TicketDraft(CUSTOMER, "financeiro@paoquente.com.br",
                "Perda de senha - certificado A1", "Cliente não localiza a senha", new TicketDraft.Mapping("5", "32", "4", "2"),
                new TicketDraft.Facts("Padaria", null, null, "(51) 99999-0000", null, "perda-de-senha v3", null, null), "amostra",
                LocalDate.of(2026, 11, 23))));
    }

    private static SetupCheck.Check check(SetupCheck.Report report, String id, String subject) {
        return report.checks().stream().filter(c -> c.id().equals(id) && java.util.Objects.equals(c.subject(), subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + "/" + subject + " in " + report.checks()));
    }

    private int requests(String operation) {
        return qualitor.findAll(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("operation=" + operation + "&"))).size();
    }

    @Test
    void everyCheckPassesOnAGoodInstallationAndTheSampleShowsTheExactRequestWithThePasswordMasked() {
        goodInstallation(QualitorSettings.WsdlFile.SUFFIXED);
        SetupCheck.Report report = SetupCheck.run(settings(), codes(), samples(), CUSTOMER, List.of(DEMAND), BUDGET);

        assertTrue(report.ok(), report.checks().toString());
        assertEquals(List.of("reach", "wsdl-file", "login", "reference-demand", "category", "ticket-type", "team", "extra-info", "default-contact"),
                report.checks().stream().map(SetupCheck.Check::id).toList());
        assertEquals("8.20.01", check(report, "reach", null).args().get(0));
        assertEquals("WSTicket.wsdl", check(report, "wsdl-file", null).args().get(0));
        assertEquals(List.of("perda-de-senha, reemissao", "Certificado digital > Perda de senha"), check(report, "category", "32").args(),
                "Qualitor's own name for the code, and every SOP that uses it");
        assertEquals("Incidente", check(report, "ticket-type", "5").args().get(1));
        assertEquals("Relacionamento", check(report, "team", "12").args().get(1));
        assertEquals(Map.of("32", "Certificado digital > Perda de senha"), report.categoryNames(),
                "the category names read back, for the categories' list");
        assertEquals("Telefone do solicitante", check(report, "extra-info", "1740").args().get(1));

        SetupCheck.SampleRequest sample = report.samples().get(0);
        assertNull(sample.problem());
        assertTrue(sample.request().contains("password=********&"), sample.request());
        assertFalse(sample.request().contains("s3nha-secreta"), "the password is never shown");
        assertTrue(sample.request().contains("wsdl_file=WSTicket.wsdl&operation=addTicketByData"), sample.request());
        String xml = URLDecoder.decode(sample.request().substring(sample.request().indexOf("input_xml=") + 10), StandardCharsets.ISO_8859_1);
        assertTrue(xml.contains("<cdcliente>1207</cdcliente>"), "the reference customer's code: " + xml);
        assertEquals(0, requests("addTicketByData"), "nothing is written");
    }

    @Test
    void aRefusedSpellingIsReportedWithTheSpellingThatWorks() {
        goodInstallation(QualitorSettings.WsdlFile.BARE);
        qualitor.stubFor(op("getTicketData").withRequestBody(containing("wsdl_file=WSTicket.wsdl&"))
                .willReturn(xml(refused("2", "Ws - Operação desconhecida: getTicketData"))));
        qualitor.stubFor(op("getTicketData").withRequestBody(containing("wsdl_file=wsticket.wsdl&"))
                .willReturn(xml(refused("2", "Ws - Operação desconhecida: getTicketData"))));
        SetupCheck.Report report = SetupCheck.run(settings(), codes(), samples(), CUSTOMER, List.of(DEMAND), BUDGET);

        SetupCheck.Check spelling = check(report, "wsdl-file", null);
        assertEquals(SetupCheck.Status.FAILED, spelling.status());
        assertEquals("other-works", spelling.reason());
        assertEquals(List.of("WSTicket.wsdl", "WSTicket", "bare", Wording.of("connector.detail.code", "2", "Ws - Operação desconhecida: getTicketData")),
                spelling.args(), "the configured spelling, the one that works, its setting value, and Qualitor's refusal");
        assertEquals("Qualitor's detail (code 2): Ws - Operação desconhecida: getTicketData", ((Wording) spelling.args().get(3)).in(Locale.ENGLISH),
                "our words around Qualitor's in the reader's language, Qualitor's own as they came");
        assertEquals(SetupCheck.Status.PASSED, check(report, "login", null).status(), "the login itself works");
        assertFalse(report.ok());
    }

    @Test
    void aRefusedLoginIsReportedWithQualitorsOwnWords() {
        qualitor.stubFor(op("getVersion").willReturn(xml(ok("<version>8.20.01</version>"))));
        qualitor.stubFor(op("getTicketData").willReturn(xml(refused("1", "Ws - Usuário ou senha inválidos."))));
        SetupCheck.Report report = SetupCheck.run(settings(), codes(), samples(), CUSTOMER, List.of(DEMAND), BUDGET);

        SetupCheck.Check login = check(report, "login", null);
        assertEquals(SetupCheck.Status.FAILED, login.status());
        assertEquals("refused", login.reason());
        assertEquals(List.of("integracao", Wording.of("connector.detail.code", "1", "Ws - Usuário ou senha inválidos.")), login.args());
        assertEquals("Detalhe do Qualitor (código 1): Ws - Usuário ou senha inválidos.", login.args().get(1).toString());
        assertEquals(SetupCheck.Status.NOT_RUN, check(report, "wsdl-file", null).status(), "no spelling works: undecided, not blamed");
        assertEquals(SetupCheck.Status.NOT_RUN, check(report, "category", "32").status());
        assertEquals("no-login", check(report, "category", "32").reason());
        assertEquals(3, requests("getTicketData"), "each spelling tried once");
        assertFalse(report.ok());
    }

    @Test
    void aCodeNoReferenceDemandShowsIsNotRunRatherThanPassed() {
        goodInstallation(QualitorSettings.WsdlFile.SUFFIXED);
        List<SetupCheck.CodeUse> codes = List.of(new SetupCheck.CodeUse(SetupCheck.CodeKind.CATEGORY, "32", "perda-de-senha"),
                new SetupCheck.CodeUse(SetupCheck.CodeKind.CATEGORY, "99", "revogacao"),
                new SetupCheck.CodeUse(SetupCheck.CodeKind.TEAM, "7", "revogacao"));
        SetupCheck.Report report = SetupCheck.run(settings(), codes, samples(), CUSTOMER, List.of(DEMAND), BUDGET);

        assertEquals(SetupCheck.Status.PASSED, check(report, "category", "32").status());
        SetupCheck.Check unknown = check(report, "category", "99");
        assertEquals(SetupCheck.Status.NOT_RUN, unknown.status());
        assertEquals("no-reference", unknown.reason());
        assertEquals(List.of("revogacao", DEMAND), unknown.args());
        assertEquals(SetupCheck.Status.NOT_RUN, check(report, "team", "7").status());
        assertFalse(report.ok(), "a code that could not be checked does not pass");
    }

    @Test
    void withoutAReferenceTheLoginCannotBeCheckedAndSaysSo() {
        goodInstallation(QualitorSettings.WsdlFile.SUFFIXED);
        SetupCheck.Report report = SetupCheck.run(settings(), codes(), List.of(), null, List.of(), BUDGET);
        assertEquals(SetupCheck.Status.NOT_RUN, check(report, "login", null).status());
        assertEquals("no-reference", check(report, "login", null).reason());
        assertEquals(0, requests("getTicketData") + requests("getCustomer"));
        assertEquals(Map.of(), report.categoryNames(), "no name without a demand read back");
    }

    @Test
    void anUnreachableQualitorFailsTheReachCheckAndRunsNothingElse() {
        QualitorSettings nowhere = new QualitorSettings(URI.create("http://localhost:1/qualitor"), "integracao", "x", "1",
                Duration.ofSeconds(1), Duration.ofSeconds(1), true);
        SetupCheck.Report report = SetupCheck.run(nowhere, codes(), samples(), CUSTOMER, List.of(DEMAND), BUDGET);
        assertEquals(SetupCheck.Status.FAILED, check(report, "reach", null).status());
        assertEquals("unreachable", check(report, "reach", null).reason());
        assertTrue(report.checks().stream().filter(c -> c.id().equals("category")).allMatch(c -> c.status() == SetupCheck.Status.NOT_RUN));
        assertFalse(report.ok());
    }

    @Test
    void aBudgetThatRunsOutMidwayLeavesTheRemainingLookUpsUnsent() {
        goodInstallation(QualitorSettings.WsdlFile.SUFFIXED);
        qualitor.stubFor(op("getTicketData").willReturn(xml(ok("<cdchamado>" + DEMAND + "</cdchamado><cdcategoria>32</cdcategoria>"))
                .withFixedDelay(2500)));
        SetupCheck.Report report = SetupCheck.run(settings(), codes(), samples(), CUSTOMER, List.of(DEMAND, "48001", "48002"),
                Duration.ofMillis(1500));

        assertEquals(1, requests("getTicketData"), "no reference demand is read once the budget is spent");
        assertEquals(0, requests("getTicketAdditionalInfoDetail"));
        assertEquals(0, requests("getCustomer"), "nor the samples' customer");
        for (String id : List.of("category", "ticket-type", "team", "extra-info")) {
            report.checks().stream().filter(c -> c.id().equals(id))
                    .forEach(c -> assertEquals(SetupCheck.Status.NOT_RUN, c.status(), c.toString()));
        }
        assertFalse(report.ok());
        assertEquals(1, report.samples().size(), "the samples are still shown: they need no call");
    }

    @Test
    void theWholeCheckReturnsWithinItsBudgetWhenQualitorStalls() {
        goodInstallation(QualitorSettings.WsdlFile.SUFFIXED);
        qualitor.stubFor(op("getVersion").willReturn(xml(ok("<version>8.20.01</version>")).withFixedDelay(2500)));
        qualitor.stubFor(op("getTicketData").willReturn(xml(ok("<cdchamado>" + DEMAND + "</cdchamado>")).withFixedDelay(2500)));
        SetupCheck.Report report = SetupCheck.run(settings(), codes(), samples(), CUSTOMER, List.of(DEMAND), Duration.ofSeconds(1));

        // An answer that takes 2.5 s cannot have arrived within a 1 s budget: a check that keeps its
        // budget reports Qualitor as not answering in time and sends nothing after that.
        assertNotEquals(SetupCheck.Status.PASSED, check(report, "reach", null).status(),
                "reach passed on an answer that came after the budget: " + report.checks());
        assertEquals(1, qualitor.getAllServeEvents().size(), "requests sent past the budget: "
                + qualitor.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString().replaceAll(".*operation=([A-Za-z]+).*", "$1"))
                .collect(Collectors.joining(", ")));
        assertFalse(report.ok());
    }
}
