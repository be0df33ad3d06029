package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Qualitor failing in each way, through the whole path (page or API, database, outbox, connector,
 * sandbox over HTTP): every submission ends in exactly one Qualitor ticket, found by its submission
 * key, or in a clear refusal; nothing is lost. The IT domain retries every 2 seconds.
 */
class QualitorFaultsIT extends BrowserTest {

    @AfterEach
    void healQualitor() throws Exception {
        fault("NONE", 0, 0, null);
    }

    private static void fault(String kind, long latencyMillis, int count, String operation) throws Exception {
        String query = "kind=" + kind + "&latencyMillis=" + latencyMillis + "&count=" + count + (operation == null ? "" : "&operation=" + operation);
        assertEquals(200, Env.post(Env.SANDBOX + "control/faults?" + query, "application/x-www-form-urlencoded", new byte[0]).statusCode());
    }

    private static HttpResponse<String> submit() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"));
        assertEquals(201, r.statusCode(), r.body());
        return r;
    }

    /** Waits until the ticket leaves the outbox; returns its final JSON. */
    private static String settled(String id, Duration within) throws Exception {
        Instant until = Instant.now().plus(within);
        String body;
        do {
            body = Env.agentApi("GET", "tickets/" + id, null).body();
            String state = Env.field(body, "state");
            if ("SENT".equals(state) || "REJECTED".equals(state)) {
                return body;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("still in the outbox after " + within + ": " + body);
    }

    private static int ticketsWithKey(String key) throws Exception {
        return Env.sandboxTickets().split("sopdesk:" + key, -1).length - 1;
    }

    private static void endsInExactlyOneTicket(HttpResponse<String> created) throws Exception {
        String key = Env.field(created.body(), "submissionKey");
        String done = settled(Env.field(created.body(), "id"), Duration.ofSeconds(60));
        assertEquals("SENT", Env.field(done, "state"), done);
        assertEquals(1, ticketsWithKey(key), "exactly one Qualitor ticket for the submission");
        assertTrue(Env.sandboxTickets().contains("\"cdchamado\":\"" + Env.field(done, "demandNumber") + "\""), done);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutDoesNotDuplicateTheTicket() throws Exception {
        fault("SLOW_ANSWER", 7000, 1, "addTicketByData");
        HttpResponse<String> created = submit();
        assertEquals("QUEUED", Env.field(created.body(), "state"), "the agent is not kept waiting: " + created.body());
        endsInExactlyOneTicket(created);
    }

    @Test
    void aConnectionCutAfterQualitorCreatedTheTicketDoesNotDuplicateIt() throws Exception {
        fault("RESET", 0, 1, "addTicketByData");
        HttpResponse<String> created = submit();
        assertEquals("QUEUED", Env.field(created.body(), "state"), created.body());
        endsInExactlyOneTicket(created);
    }

    @Test
    void http500IsRetriedUntilTheTicketExists() throws Exception {
        fault("HTTP_500", 0, 2, "addTicketByData");
        endsInExactlyOneTicket(submit());
    }

    @Test
    void malformedAnswersAreRetried() throws Exception {
        fault("MALFORMED", 0, 1, "addTicketByData");
        endsInExactlyOneTicket(submit());
    }

    @Test
    void aRefusalIsKeptWithQualitorsMessageAndNotResent() throws Exception {
        fault("STATUS_0", 0, 1, "addTicketByData");
        HttpResponse<String> created = submit();
        String done = settled(Env.field(created.body(), "id"), Duration.ofSeconds(10));
        assertEquals("REJECTED", Env.field(done, "state"), done);
        assertTrue(Env.field(done, "lastError").contains("Falha simulada pelo sandbox"), done);
        assertEquals(0, ticketsWithKey(Env.field(created.body(), "submissionKey")));
    }

    @Test
    void whileQualitorIsDownTheAgentSeesQueuedAndTheNumberAppearsWhenItReturns() throws Exception {
        fault("DOWN", 0, 0, null);
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=perda-de-senha&cnpj=11.222.333/0001-81");
        answer("tipo", "A3");
        answer("a3-resolveu", "Não");
        assertTrue(browser.text(By.id("related-error")).contains("indisponível"), "related tickets unavailable, said plainly");
        fillIntake("Padaria Pão Quente Ltda", "Token bloqueado; desbloqueio e troca de PIN não resolveram.",
                "(51) 99999-0000", "(51) 3333-0000", "financeiro@paoquente.com.br");
        browser.click(By.id("walk:save"));
        assertTrue(browser.text(By.id("queued-text")).contains("na fila"), "queued, said plainly");
        assertTrue(Env.get(Env.HEALTH + "ready").body().replace(" ", "").contains("\"reachable\":\"false\""));

        fault("NONE", 0, 0, null);
        String number = browser.waiting(Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertTrue(number.matches("\\d+"), number);
        assertTrue(Env.sandboxTickets().contains("\"cdchamado\":\"" + number + "\""));
    }
}
