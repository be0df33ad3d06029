package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sandbox.Faults;
import br.com.sopdesk.sandbox.SandboxQualitor;
import br.com.sopdesk.sandbox.SandboxState;
import br.com.sopdesk.sandbox.SoapSessions;
import br.com.sopdesk.sandbox.StandaloneSandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connector against the strict sandbox in-process ({@link StandaloneSandbox}), in each variant
 * public evidence leaves open: both transports, both encodings, each {@code wsdl_file} spelling
 * against each spelling the server may accept, SOAP tokens valid per service and sessions that need
 * their cookie, expired tokens answered as a fault or as {@code status 0}, both readings of the
 * {@code getTicket} period, and pt-BR text with typographic marks read back from Qualitor's side. The
 * sandbox serves SOAP only at the endpoint, namespace and SOAPAction its WSDL advertises, so every
 * SOAP case also proves the connector read the WSDL.
 */
class SandboxContractTest {

    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final String CUSTOMER = "11222333000181";
    private static final String PT_BR = "ção ã º – “” é";

    private static StandaloneSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        ClientWarmUp.once();
        // the JDK's HTTP server writes headers and body apart; without TCP_NODELAY every answer waits
        // for the client's delayed ACK (about 40 ms), which the matrix would pay on every call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        sandbox = StandaloneSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void freshSandbox() {
        sandbox.reset();
    }

    private static QualitorSettings settings(QualitorSettings.Mode mode, QualitorSettings.Encoding encoding) {
        return new QualitorSettings(sandbox.baseUri(), sandbox.user(), sandbox.password(), sandbox.company(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), true, mode).withEncoding(encoding);
    }

    private static TicketDraft draft(String key, LocalDate submittedOn) {
        return new TicketDraft(CUSTOMER, "financeiro@paoquente.com.br", "Perda de senha – “A1” " + PT_BR,
                "Cliente não localiza a senha: " + PT_BR, new TicketDraft.Mapping("5", "32", "4", "2"),
                new TicketDraft.Facts("Padaria Pão Quente", "11.222.333/0001-81", null, "(51) 99999-0000", null, "perda-de-senha v3", null,
                        "Decisão: reemitir – cliente “ciente”"), key, submittedOn);
    }

    private static TicketDraft draft(String key) {
        return draft(key, LocalDate.now(BRASILIA));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, String> storedTicket(String number) {
        return sandbox.qualitor().allTickets().stream().filter(t -> number.equals(t.get("cdchamado"))).findFirst()
                .orElseThrow(() -> new AssertionError("the sandbox holds no ticket " + number));
    }

    static Stream<Arguments> modesAndEncodings() {
        List<Arguments> all = new ArrayList<>();
        for (QualitorSettings.Mode mode : QualitorSettings.Mode.values()) {
            for (QualitorSettings.Encoding encoding : QualitorSettings.Encoding.values()) {
                all.add(Arguments.of(mode, encoding));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndEncodings")
    void ptBrTextWithTypographicMarksRoundTripsThroughQualitor(QualitorSettings.Mode mode, QualitorSettings.Encoding encoding) {
        String key = newKey();
        try (QualitorClient client = new QualitorClient(settings(mode, encoding))) {
            OpenedTicket opened = client.openTicket(draft(key), false);
            assertFalse(opened.alreadyExisted());

            Map<String, String> stored = storedTicket(opened.number());
            assertEquals("Perda de senha – “A1” " + PT_BR, stored.get("nmtitulochamado"), "as Qualitor stored it");
            assertEquals(client.text(draft(key)), stored.get("dschamado"), "the whole text, every character intact");
            assertTrue(stored.get("dschamado").contains("Decisão: reemitir – cliente “ciente”"));
            assertEquals(QualitorClient.KEY_PREFIX + key, stored.get("dspalavrachave"));

            Map<String, String> read = client.call("WSTicket", "getTicketData", new WsRequest().data("cdchamado", opened.number())
                    .data("campos", "cdchamado,nmtitulochamado,dschamado")).single();
            assertEquals("Perda de senha – “A1” " + PT_BR, read.get("nmtitulochamado"), "read back through the connector");
            assertEquals(client.text(draft(key)).strip(), read.get("dschamado"));
            assertEquals(key, client.ticket(opened.number()).submissionKey());
        }
    }

    static Stream<Arguments> spellings() {
        List<Arguments> all = new ArrayList<>();
        for (QualitorSettings.WsdlFile ours : QualitorSettings.WsdlFile.values()) {
            for (SandboxState.WsdlFileSpelling theirs : SandboxState.WsdlFileSpelling.values()) {
                boolean accepted = switch (theirs) {
                    case ANY -> true;
                    case SUFFIXED_ONLY -> ours != QualitorSettings.WsdlFile.BARE;
                    case BARE_ONLY -> ours == QualitorSettings.WsdlFile.BARE;
                };
                all.add(Arguments.of(ours, theirs, accepted));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "connector {0}, server {1}: accepted={2}")
    @MethodSource("spellings")
    void eachWsdlFileSpellingWorksWhereTheServerAcceptsItAndIsRefusedWhereItDoesNot(QualitorSettings.WsdlFile ours,
                                                                                  SandboxState.WsdlFileSpelling theirs, boolean accepted) {
        sandbox.wsdlFileSpelling(theirs);
        try (QualitorClient client = new QualitorClient(settings(QualitorSettings.Mode.STATELESS, QualitorSettings.Encoding.ISO_8859_1)
                .withWsdlFile(ours))) {
            if (accepted) {
                assertTrue(client.openTicket(draft(newKey()), false).number().matches("[0-9]+"));
                assertEquals(1, sandbox.qualitor().received());
            } else {
                QualitorException.Refused e = assertThrows(QualitorException.Refused.class, () -> client.openTicket(draft(newKey()), false));
                assertEquals("2", e.errorCode());
                assertTrue(e.qualitorMessage().contains("Operação desconhecida"), e.qualitorMessage());
                assertEquals(0, sandbox.qualitor().received());
            }
        }
    }

    static Stream<Arguments> sessions() {
        List<Arguments> all = new ArrayList<>();
        for (SoapSessions.TokenScope scope : SoapSessions.TokenScope.values()) {
            for (SoapSessions.SessionCookie cookie : SoapSessions.SessionCookie.values()) {
                for (SoapSessions.TokenError error : SoapSessions.TokenError.values()) {
                    all.add(Arguments.of(scope, cookie, error));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "tokens {0}, cookie {1}, expiry answered as {2}")
    @MethodSource("sessions")
    void soapLogsInOncePerServiceSendsItsCookieAndLogsInAgainAfterTheTokensExpire(SoapSessions.TokenScope scope,
                                                                                SoapSessions.SessionCookie cookie,
                                                                                SoapSessions.TokenError error) {
        sandbox.tokenScope(scope);
        sandbox.sessionCookie(cookie);
        sandbox.tokenError(error);
        try (QualitorClient client = new QualitorClient(settings(QualitorSettings.Mode.SOAP, QualitorSettings.Encoding.ISO_8859_1))) {
            OpenedTicket opened = client.openTicket(draft(newKey()), false);
            assertTrue(client.addHistory(opened.number(), "Reiteração – cliente “sem retorno”", "k1", false));
            assertEquals("Aguardando atendimento", client.ticket(opened.number()).situation());
            assertEquals(Map.of("WSGeneral", 1, "WSTicket", 1), sandbox.sessions().loginsByService(), "one login per service");

            sandbox.sessions().expireAll();
            assertFalse(client.addHistory(opened.number(), "Reiteração – cliente “sem retorno”", "k1", true), "found: not written twice");
            client.customerCodeOf("99888777000166");
            assertEquals(Map.of("WSGeneral", 2, "WSTicket", 2), sandbox.sessions().loginsByService(),
                    "each service logged in again once after its token expired");
            assertEquals(1, client.progress(opened.number()).history().stream()
                    .filter(h -> h.text().contains("Ref. SOP Desk: k1")).count(), "the history entry was written once");
        }
    }

    /** Both transports, both readings of the period, and a submission dated on the ticket's day or ten days before it. */
    static Stream<Arguments> lostAnswers() {
        List<Arguments> all = new ArrayList<>();
        for (QualitorSettings.Mode mode : QualitorSettings.Mode.values()) {
            for (SandboxQualitor.PeriodFilter filter : SandboxQualitor.PeriodFilter.values()) {
                for (int daysOff : new int[] {0, -10}) {
                    all.add(Arguments.of(mode, filter, daysOff));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, period read {1}, submission dated {2} days off")
    @MethodSource("lostAnswers")
    void aTicketWhoseAnswerWasCutIsFoundOnTheRetryAndNeverOpenedTwice(QualitorSettings.Mode mode, SandboxQualitor.PeriodFilter filter,
                                                                     int daysOff) {
        sandbox.periodFilter(filter);
        sandbox.faults().set(0, Faults.Kind.RESET, 1, "addTicketByData");
        String key = newKey();
        // a submission dated days away from the ticket's own date: only the unfiltered listing shows it
        TicketDraft draft = draft(key, LocalDate.now(BRASILIA).plusDays(daysOff));
        try (QualitorClient client = new QualitorClient(settings(mode, QualitorSettings.Encoding.UTF_8))) {
            QualitorException lost = assertThrows(QualitorException.class, () -> client.openTicket(draft, false));
            assertTrue(lost.retryable() && lost.writeMayHaveApplied(), lost.toString());
            assertEquals(1, sandbox.qualitor().received(), "Qualitor did create it before the answer was cut");

            OpenedTicket retried = client.openTicket(draft, true);
            assertTrue(retried.alreadyExisted());
            assertEquals(List.of(QualitorClient.KEY_PREFIX + key), sandbox.qualitor().keys(0), "exactly one ticket in Qualitor");
            assertEquals(sandbox.qualitor().allTickets().get(0).get("cdchamado"), retried.number());
        }
    }

    static Stream<Arguments> modes() {
        return Stream.of(QualitorSettings.Mode.values()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void attachmentsAndTeamTransfersArriveAsTheSandboxReadsThem(QualitorSettings.Mode mode) {
        String team = sandbox.qualitor().teams().keySet().iterator().next();
        try (QualitorClient client = new QualitorClient(settings(mode, QualitorSettings.Encoding.ISO_8859_1))) {
            String number = client.openTicket(draft(newKey()), false).number();
            byte[] content = ("Resumo do SOP – " + PT_BR).getBytes(StandardCharsets.UTF_8);
            client.attach(number, "sopdesk-resumo.txt", content, false);
            List<Map<String, String>> files = sandbox.qualitor().attachmentsOf(number);
            assertEquals(1, files.size());
            assertEquals("sopdesk-resumo.txt", files.get(0).get("nmanexo"));
            assertEquals("N", files.get(0).get("idprivado"));
            assertEquals("Resumo do SOP – " + PT_BR, files.get(0).get("texto"), "the bytes as sent");

            assertTrue(client.transferTeam(number, team, false));
            assertFalse(client.transferTeam(number, team, true), "a retry reads the team first and moves nothing");
            assertEquals(team, storedTicket(number).get("cdequipe"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aWrongPasswordIsARefusalOnTheStatelessEndpointAndUnauthorizedOnlyWhereTheLoginItselfIsRefused(QualitorSettings.Mode mode) {
        QualitorSettings old = settings(mode, QualitorSettings.Encoding.ISO_8859_1);
        sandbox.expectPassword("outra-senha");
        try (QualitorClient client = new QualitorClient(old)) {
            QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(newKey()), false));
            if (mode == QualitorSettings.Mode.SOAP) {
                assertInstanceOf(QualitorException.Unauthorized.class, e, "the SOAP login was refused");
            } else {
                QualitorException.Refused refused = assertInstanceOf(QualitorException.Refused.class, e,
                        "no credentials are concluded from a stateless answer's words");
                assertTrue(refused.qualitorMessage().contains("senha"), refused.qualitorMessage());
            }
            assertEquals(0, sandbox.qualitor().received());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theSetupCheckPassesAgainstTheSandboxReadingItsReferenceDemandsAndWritesNothing(QualitorSettings.Mode mode) {
        List<SetupCheck.CodeUse> codes = new ArrayList<>();
        for (String category : List.of("32", "33", "34", "35", "36")) {
            codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.CATEGORY, category, "sop-" + category));
        }
        codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.TICKET_TYPE, "5", "sop-32"));
        codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.TEAM, "7", "sop-36"));
        codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.EXTRA_INFO, "1740", "qualitor.extra.phone1"));
        List<String> demands = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            demands.add(String.valueOf(SandboxQualitor.REFERENCE_NUMBERS + n));
        }
        SetupCheck.Report report = SetupCheck.run(settings(mode, QualitorSettings.Encoding.UTF_8), codes,
                List.of(new SetupCheck.Sample("sop-32", draft(newKey()))), SandboxQualitor.REFERENCE_DOCUMENT, demands, Duration.ofSeconds(20));

        assertTrue(report.ok(), report.checks().toString());
        assertTrue(report.checks().stream().anyMatch(c -> c.id().equals("category") && c.subject().equals("32")
                && c.args().contains("Certificado Digital - Perda de senha")), report.checks().toString());
        assertTrue(report.checks().stream().anyMatch(c -> c.id().equals("extra-info") && c.args().contains("Telefone alternativo")));
        String request = report.samples().get(0).request();
        assertTrue(request.contains(mode == QualitorSettings.Mode.SOAP ? "addTicketByData" : "operation=addTicketByData"), request);
        assertFalse(request.contains("password=" + sandbox.password() + "&") || request.contains(">" + sandbox.password() + "<"),
                "the password is masked: " + request);
        assertEquals(0, sandbox.qualitor().received(), "the check writes nothing");
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("strictSpellings")
    void theSetupCheckFindsTheSpellingAStrictServerAccepts(SandboxState.WsdlFileSpelling theirs, String works) {
        sandbox.wsdlFileSpelling(theirs);
        QualitorSettings.WsdlFile ours = theirs == SandboxState.WsdlFileSpelling.BARE_ONLY ? QualitorSettings.WsdlFile.SUFFIXED
                : QualitorSettings.WsdlFile.BARE;
        SetupCheck.Report report = SetupCheck.run(settings(QualitorSettings.Mode.STATELESS, QualitorSettings.Encoding.ISO_8859_1)
                .withWsdlFile(ours), List.of(), List.of(), null, List.of(String.valueOf(SandboxQualitor.REFERENCE_NUMBERS)), Duration.ofSeconds(20));
        SetupCheck.Check reach = report.checks().stream().filter(c -> c.id().equals("reach")).findFirst().orElseThrow();
        assertEquals(SetupCheck.Status.PASSED, reach.status(), "Qualitor answered (a refusal of the spelling is an answer): " + report.checks());
        SetupCheck.Check spelling = report.checks().stream().filter(c -> c.id().equals("wsdl-file")).findFirst()
                .orElseThrow(() -> new AssertionError("no wsdl-file check: " + report.checks()));
        assertEquals(SetupCheck.Status.FAILED, spelling.status());
        assertEquals("other-works", spelling.reason());
        assertEquals(works, spelling.args().get(2), spelling.toString());
    }

    static Stream<Arguments> strictSpellings() {
        return Stream.of(Arguments.of(SandboxState.WsdlFileSpelling.BARE_ONLY, "bare"),
                Arguments.of(SandboxState.WsdlFileSpelling.SUFFIXED_ONLY, "suffixed"));
    }
}
