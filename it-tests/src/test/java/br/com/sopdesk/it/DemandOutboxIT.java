package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reiterations and restarts reach Qualitor through the demand outbox, through the whole path (page
 * or API, database, outbox timer, connector, sandbox over HTTP): a lost answer does not become a
 * second history entry nor a second step move, Qualitor down shows "na fila" and then the outcome,
 * the outcome is audited without the customer's reason, a closed demand is not reiterated and an open
 * one is not restarted (409 naming its situation). The IT domain retries every 2 s.
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

    private static String until(Read read, Predicate<String> done) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(read::get, done);
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
        assertTrue(done.startsWith("Demanda reiterada com sucesso"), "seed 004's confirmation: " + done);
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
    private static final String RESTART_REASON = "A resposta fala de outro certificado, não do A1 do cliente.";

    /** A restart of {@code number} through the API (seed 004's restart SOP, the path to its RESTART outcome). */
    private static HttpResponse<String> restart(String number, String language) throws Exception {
        return Env.api("POST", "demand-actions", Env.AGENT, Env.AGENT_PASSWORD, "{\"sopId\":\"reiniciar-demanda\",\"answers\":{\"finalizada\":\"sim\"},"
                + "\"demandNumber\":\"" + number + "\",\"reason\":\"" + RESTART_REASON + "\"}", language);
    }

    private static void close(String ticketId) throws Exception {
        HttpResponse<String> closed = Env.agentApi("POST", "tickets/" + ticketId + "/close",
                "{\"reason\":\"Respondida pelo Relacionamento.\",\"closeRelated\":false}");
        assertEquals(200, closed.statusCode(), closed.body());
    }

    @Test
    void anOpenDemandIsNotRestartedTheApiAnswers409NamingItsSituationAndAReiterationIsConfirmedAsTheSeedSays() throws Exception {
        String[] ticket = sentTicket();
        HttpResponse<String> pt = restart(ticket[1], null);
        assertEquals(409, pt.statusCode(), pt.body());
        assertEquals("Aguardando atendimento", Env.field(pt.body(), "situation"));
        assertTrue(Env.field(pt.body(), "message").contains("ainda não está finalizada no Qualitor (situação: Aguardando atendimento)"), pt.body());
        HttpResponse<String> en = restart(ticket[1], "en");
        assertEquals(409, en.statusCode(), en.body());
        assertTrue(Env.field(en.body(), "message").contains("is not finished in Qualitor yet (situation: Aguardando atendimento)"), en.body());
        assertEquals(0, count(history(ticket[1]), "Pedido de reinício"), "nothing written");
        assertEquals("", Env.field(Env.get(Env.SANDBOX + "control/tickets/" + ticket[1] + "/steps").body(), "moves"), "not moved");

        HttpResponse<String> reiterated = Env.agentApi("POST", "demand-actions", "{\"sopId\":\"reiterar-demanda\",\"answers\":{\"aberta\":\"sim\"},"
                + "\"demandNumber\":\"" + ticket[1] + "\",\"reason\":\"" + REASON + "\"}");
        assertEquals(200, reiterated.statusCode(), reiterated.body());
        assertEquals("DONE", Env.field(reiterated.body(), "state"), reiterated.body());
        assertEquals("Demanda reiterada com sucesso", Env.field(reiterated.body(), "message"));
    }

    @Test
    void onTheDeskAnOpenDemandIsRefusedAndAFinishedOneIsRestartedAskingTheTeamToReopenIt() throws Exception {
        String[] ticket = sentTicket();
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=reiniciar-demanda&chamado=" + ticket[1]);
        answer("finalizada", "Sim");
        browser.type(By.id("walk:reason"), RESTART_REASON);
        browser.click(By.id("walk:act"));
        String refused = browser.text(By.id("walk:demandNumber-message"));
        assertTrue(refused.contains("ainda não está finalizada") && refused.contains("Aguardando atendimento"), refused);

        close(ticket[0]);
        browser.click(By.id("walk:act"));
        String done = browser.waiting(Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-done"))).getText();
        assertTrue(done.contains(ticket[1]) && done.contains("a equipe responsável foi solicitada a reabri-la"), done);
        String entries = history(ticket[1]);
        assertEquals(1, count(entries, "Pedido de reinício"), entries);
        assertTrue(entries.contains("pedimos à equipe responsável que a reabra"), entries);
        assertEquals("", Env.field(Env.get(Env.SANDBOX + "control/tickets/" + ticket[1] + "/steps").body(), "moves"), "no step set: not moved");
    }

    @Test
    void withTheStepSetAFinishedDemandMovesThereExactlyOnceEvenWhenQualitorsAnswerIsLost() throws Exception {
        String[] ticket = sentTicket();
        close(ticket[0]);
        HttpResponse<String> set = Env.adminApi("PUT", "admin/qualitor/settings", "{\"qualitor.restart-step\": \"31\"}");
        assertEquals(200, set.statusCode(), set.body());
        try {
            // Qualitor moves the demand, then the connection is cut before its answer
            Env.sandboxControl("faults?kind=RESET&latencyMillis=0&count=1&operation=setTicketNextStep");
            HttpResponse<String> r = restart(ticket[1], null);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("PENDING", Env.field(r.body(), "state"), "queued for a retry, not failed: " + r.body());
            assertEquals("31", Env.field(r.body(), "step"));

            String id = Env.field(r.body(), "id");
            String done = until(() -> Env.agentApi("GET", "demand-actions/" + id, null).body(), b -> "DONE".equals(Env.field(b, "state")));
            assertEquals("Demanda " + ticket[1] + " reiniciada: movida para a etapa 31 do Qualitor e registrada no seu histórico.",
                    Env.field(done, "message"));
            String steps = Env.get(Env.SANDBOX + "control/tickets/" + ticket[1] + "/steps").body();
            assertEquals("31", Env.field(steps, "moves"), "moved exactly once: " + steps);
            String entries = history(ticket[1]);
            assertEquals(1, count(entries, "Pedido de reinício"), entries);
            assertTrue(entries.contains("moveu para a etapa 31"), entries);

            String audit = Env.adminApi("GET", "admin/audit?action=demanda.reiniciada&limit=20", null).body();
            assertTrue(audit.contains("demanda " + ticket[1]) && audit.contains("na etapa 31"), audit);
            String requested = Env.adminApi("GET", "admin/audit?action=demanda.reinicio&limit=20", null).body();
            assertFalse(requested.contains(RESTART_REASON), "never the customer's free text in the append-only audit: " + requested);
        } finally {
            Env.adminApi("PUT", "admin/qualitor/settings", "{\"qualitor.restart-step\": \"\"}");
        }
    }
}
