package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reiterations reach Qualitor through the demand outbox, through the whole path (page or API,
 * database, outbox timer, connector, sandbox over HTTP): a lost answer does not become a second
 * history entry, Qualitor down shows "na fila" and then the outcome, the outcome is audited without
 * the customer's reason, and a closed demand is not reiterated. The IT domain retries every 2 s.
 */
@BlackBox
class DemandOutboxIT extends BrowserTest {

    private static final String REASON = "Cliente sem retorno após 24 horas, pede prioridade.";

    @AfterEach
    void healQualitor() throws Exception {
        Env.sandboxControl("faults?kind=NONE&latencyMillis=0&count=0");
    }

    /** Opens a ticket and waits for its demand number; answers {id, number}. */
    private static String[] sentTicket() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"));
        assertEquals(201, r.statusCode(), r.body());
        String id = Env.field(r.body(), "id");
        String body = until(() -> Env.agentApi("GET", "tickets/" + id, null).body(), b -> "SENT".equals(Env.field(b, "state")));
        return new String[] {id, Env.field(body, "demandNumber")};
    }

    interface Read {
        String get() throws Exception;
    }

    private static String until(Read read, Predicate<String> done) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        String body;
        do {
            body = read.get();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(end));
        throw new AssertionError("not reached within 60 s: " + body);
    }

    /** The demand's history as Qualitor answers getTicketHistoryData. */
    private static String history(String number) throws Exception {
        String xml = "<wsqualitor><contents><data><cdchamado>" + number + "</cdchamado></data></contents></wsqualitor>";
        return Env.post(Env.SANDBOX + "ws/statelessws.php", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                ("user=integracao&password=sandbox&company=1&wsdl_file=WSTicket&operation=getTicketHistoryData&input_xml="
                        + URLEncoder.encode(xml, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.US_ASCII)).body();
    }

    private static int count(String text, String what) {
        return text.split(what, -1).length - 1;
    }

    @Test
    void aReiterationWhoseAnswerWasLostIsWrittenOnceAndItsOutcomeAudited() throws Exception {
        String[] ticket = sentTicket();
        String clock = until(() -> Env.agentApi("GET", "tickets/" + ticket[0] + "/clock", null).body(), b -> Env.field(b, "id") != null);
        // Qualitor writes the entry, then its answer comes after the client gave up
        Env.sandboxControl("faults?kind=SLOW_ANSWER&latencyMillis=7000&count=1&operation=addTicketHistory");
        HttpResponse<String> r = Env.api("POST", "sla/clocks/" + Env.field(clock, "id") + "/reiterate", "supervisor", "supervisor-demo",
                "{\"comment\":\"" + REASON + "\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("PENDING", Env.field(r.body(), "state"), "queued for a retry, not failed: " + r.body());

        String audit = until(() -> Env.adminApi("GET", "admin/audit?action=demanda.reiterada&limit=20", null).body(),
                b -> b.contains("demanda " + ticket[1]));
        assertTrue(audit.contains("já estava lá: nada reenviado"), "the retry found the entry: " + audit);
        String entries = history(ticket[1]);
        assertEquals(1, count(entries, "Reiteração solicitada pelo cliente"), entries);
        assertEquals(1, count(entries, "Ref. SOP Desk: "), entries);

        String requested = Env.adminApi("GET", "admin/audit?action=demanda.reiteracao&limit=50", null).body();
        assertTrue(requested.contains("motivo informado (" + REASON.length() + " caracteres)"), requested);
        assertFalse(requested.contains(REASON), "never the customer's free text in the append-only audit: " + requested);
    }

    @Test
    void whileQualitorIsDownTheAgentSeesTheReiterationQueuedAndThenItsOutcome() throws Exception {
        String[] ticket = sentTicket();
        Env.sandboxControl("faults?kind=DOWN&latencyMillis=0&count=0");
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=reiterar-demanda&chamado=" + ticket[1]);
        answer("aberta", "Sim");
        browser.type(By.id("walk:reason"), REASON);
        browser.click(By.id("walk:act"));
        assertTrue(browser.text(By.id("demand-queued")).contains("na fila"), "queued, said plainly");

        Env.sandboxControl("faults?kind=NONE&latencyMillis=0&count=0");
        String done = browser.waiting(Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-done"))).getText();
        assertTrue(done.contains(ticket[1]), done);
        assertEquals(1, count(history(ticket[1]), "Reiteração solicitada pelo cliente"));
    }

    @Test
    void aClosedDemandIsNotReiteratedAndAnotherCustomersIsNamed() throws Exception {
        String[] ticket = sentTicket();
        HttpResponse<String> closed = Env.agentApi("POST", "tickets/" + ticket[0] + "/close",
                "{\"reason\":\"Cliente encontrou a senha no termo.\",\"closeRelated\":false}");
        assertEquals(200, closed.statusCode(), closed.body());

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=reiterar-demanda&chamado=" + ticket[1]);
        answer("aberta", "Sim");
        browser.type(By.id("walk:reason"), REASON);
        browser.click(By.id("walk:act"));
        assertTrue(browser.text(By.id("walk:demandNumber-message")).contains("já está encerrada"), "a closed demand is refused plainly");
        assertEquals(0, count(history(ticket[1]), "Reiteração solicitada pelo cliente"), "nothing written");

        // the customer is known (opened from Qualitor with its CNPJ): a demand of another customer is named
        String[] other = sentTicket();
        browser.open(Env.APP + "app/sop.xhtml?id=reiterar-demanda&chamado=" + other[1] + "&cnpj=12.ABC.345/01DE-35");
        answer("aberta", "Sim");
        browser.type(By.id("walk:reason"), REASON);
        browser.click(By.id("walk:act"));
        assertTrue(browser.text(By.id("walk:demandNumber-message")).contains("não está entre as demandas do cliente"),
                browser.text(By.id("walk:demandNumber-message")));
    }
}
