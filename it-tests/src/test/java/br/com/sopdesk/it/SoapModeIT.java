package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.qualitor.OpenedTicket;
import br.com.sopdesk.qualitor.QualitorClient;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.QualitorSettings;
import br.com.sopdesk.qualitor.TicketDraft;
import br.com.sopdesk.qualitor.TicketSummary;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector in SOAP mode ({@code qualitor.mode=soap}), from this JVM, against the sandbox's
 * SOAP services over real HTTP: one login reused, a new login when the tokens expire (both ways a
 * Qualitor says so), every operation SOP Desk uses, and a lost answer not becoming a duplicate.
 */
class SoapModeIT {

    private QualitorClient client;

    @BeforeEach
    void connect() {
        client = client("sandbox", Duration.ofSeconds(3));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        control("faults?kind=NONE&latencyMillis=0&count=0");
        control("soap/token-error?as=FAULT");
    }

    private static QualitorClient client(String password, Duration readTimeout) {
        String base = Env.SANDBOX.endsWith("/") ? Env.SANDBOX.substring(0, Env.SANDBOX.length() - 1) : Env.SANDBOX;
        return new QualitorClient(new QualitorSettings(URI.create(base), "integracao", password, "1",
                Duration.ofSeconds(2), readTimeout, true, QualitorSettings.Mode.SOAP));
    }

    private static void control(String path) throws Exception {
        assertEquals(200, Env.post(Env.SANDBOX + "control/" + path, "application/x-www-form-urlencoded", new byte[0]).statusCode());
    }

    private static int logins() throws Exception {
        return Integer.parseInt(Env.field(Env.get(Env.SANDBOX + "control/soap").body(), "logins"));
    }

    private static TicketDraft draft(String key) {
        return new TicketDraft("11222333000181", "soap@padaria.com.br", "Perda de senha - certificado A1 (SOAP)",
                "Cliente não localiza a senha; 1º contato às 10h, é urgente", new TicketDraft.Mapping("5", "32", "4", "2"),
                "(51) 99999-0000 / (51) 3333-0000", key, LocalDate.now());
    }

    @Test
    void everyOperationWorksWithOneLoginAndLatin1TextRoundTrips() throws Exception {
        int before = logins();
        String key = UUID.randomUUID().toString();
        OpenedTicket opened = client.openTicket(draft(key), false);
        assertTrue(opened.number().matches("\\d+"), opened.number());
        assertEquals("Aguardando atendimento", opened.situation());

        TicketSummary read = client.ticket(opened.number());
        assertEquals("Perda de senha - certificado A1 (SOAP)", read.title());
        assertEquals(key, read.submissionKey());
        assertTrue(client.ticketsOfCustomer("11222333000181").stream().anyMatch(t -> t.number().equals(opened.number())));

        client.addHistory(opened.number(), "Reiteração: cliente sem retorno após 24 horas.");
        assertTrue(client.attach(opened.number(), "sopdesk-resumo-soap.txt", "Resumo: não é A3".getBytes(StandardCharsets.UTF_8), false));
        assertFalse(client.attach(opened.number(), "sopdesk-resumo-soap.txt", new byte[] {1}, true), "found in the history: not sent twice");
        String files = Env.get(Env.SANDBOX + "control/tickets/" + opened.number() + "/attachments").body();
        assertEquals(1, files.split("\"nmarquivo\"", -1).length - 1, files);
        assertTrue(files.contains("Resumo: não é A3"), files);

        assertEquals("Encerrado", client.close(opened.number(), false));
        assertEquals("Encerrado", client.ticket(opened.number()).situation());
        assertTrue(Env.sandboxTickets().contains("Cliente não localiza a senha; 1º contato às 10h, é urgente"), "pt-BR text arrived intact");
        assertEquals(1, logins() - before, "one login for all of it");
    }

    @Test
    void expiredTokensLeadToOneNewLoginEitherWayQualitorSaysIt() throws Exception {
        client.version();
        client.ticketsOfCustomer("11222333000181");
        int before = logins();
        control("soap/expire-tokens");
        client.ticketsOfCustomer("11222333000181");
        assertEquals(before + 1, logins(), "SOAP Fault: logged in again once");

        control("soap/token-error?as=STATUS_0");
        control("soap/expire-tokens");
        client.ticketsOfCustomer("11222333000181");
        client.ticketsOfCustomer("11222333000181");
        assertEquals(before + 2, logins(), "status 0 about the session: logged in again once, then reused");
    }

    @Test
    void wrongCredentialsAreAnOutageOfSopDesksLogin() {
        try (QualitorClient wrong = client("errada", Duration.ofSeconds(3))) {
            QualitorException.Unauthorized e = assertThrows(QualitorException.Unauthorized.class, () -> wrong.ticketsOfCustomer("11222333000181"));
            assertTrue(e.retryable(), "retried once the password is fixed");
            assertTrue(wrong.credentialsRefusal().isPresent());
            assertTrue(e.qualitorMessage().contains("Usuário ou senha inválidos"), e.qualitorMessage());
            assertFalse(e.getMessage().contains("errada"));
        }
    }

    @Test
    void anAnswerLostAfterQualitorCreatedTheTicketDoesNotDuplicateIt() throws Exception {
        String key = UUID.randomUUID().toString();
        control("faults?kind=SLOW_ANSWER&latencyMillis=5000&count=1&operation=addTicketByData");
        QualitorException e = assertThrows(QualitorException.class, () -> client.openTicket(draft(key), false));
        assertTrue(e.retryable() && e.writeMayHaveApplied(), e.toString());
        OpenedTicket retried = client.openTicket(draft(key), true);
        assertTrue(retried.alreadyExisted());
        assertEquals(1, Env.sandboxTickets().split("\"dspalavrachave\":\"sopdesk:" + key, -1).length - 1, "exactly one ticket with the key");
    }

    @Test
    void eachSandboxFaultBecomesTheSameTypedErrorAsInTheStatelessMode() throws Exception {
        control("faults?kind=HTTP_500&count=1&operation=getTicket");
        QualitorException http500 = assertThrows(QualitorException.class, () -> client.ticketsOfCustomer("11222333000181"));
        assertTrue(http500 instanceof QualitorException.Unavailable && http500.getMessage().contains("HTTP 500"), http500.toString());

        control("faults?kind=MALFORMED&count=1&operation=getTicket");
        assertThrows(QualitorException.Malformed.class, () -> client.ticketsOfCustomer("11222333000181"));

        control("faults?kind=STATUS_0&count=1&operation=getTicket");
        QualitorException.Refused refused = assertThrows(QualitorException.Refused.class, () -> client.ticketsOfCustomer("11222333000181"));
        assertEquals("98", refused.errorCode());

        control("faults?kind=RESET&count=1&operation=getTicket");
        QualitorException reset = assertThrows(QualitorException.class, () -> client.ticketsOfCustomer("11222333000181"));
        assertTrue(reset instanceof QualitorException.Unavailable || reset instanceof QualitorException.Malformed, reset.toString());

        control("faults?kind=NONE&count=0");
        client.ticketsOfCustomer("11222333000181"); // healed: answers again, without an exception
    }
}
