package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A solved outcome may record the call in Qualitor, as Qualitor's own service scripts can ("record
 * and close"): the demand is opened through the outbox, then closed through it, once, with no return
 * promised and no SLA clock, so the desk's calls and first-contact resolutions count in Qualitor.
 */
@BlackBox
class RecordAndCloseIT extends BrowserTest {

    private static String bundle(String id) {
        return """
                {"id": "%s", "version": 1, "seed": "993", "title": "Registro %s", "keywords": ["%s"], "start": "q",
                 "nodes": [
                   {"id": "q", "kind": "QUESTION", "title": "Resolveu na ligação?",
                    "options": [{"value": "sim", "label": "Sim, resolvido", "next": "fim"}, {"value": "nao", "label": "Não", "next": "sobe"}]},
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Resolvido no primeiro contato", "record": true,
                    "qualitor": {"titleTemplate": "Atendimento resolvido: {q}"}}],
                 "qualitor": {"ticketType": "5", "category": "35", "location": "4", "severity": "2"}}
                """.formatted(id, id, id);
    }

    private static String sandboxTicket(String number) throws Exception {
        Matcher m = Pattern.compile("\\{[^{}]*\"cdchamado\"\\s*:\\s*\"" + number + "\"[^{}]*}").matcher(Env.sandboxTickets());
        assertTrue(m.find(), "demand " + number + " is in the sandbox");
        return m.group();
    }

    @Test
    void aRecordedCallIsOpenedAndClosedInQualitorOnceWithNoClock() throws Exception {
        String id = "registro" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle(id)).statusCode());
        String ticket = Tickets.validLostPassword("11.222.333/0001-81").replace("\"sopId\":\"perda-de-senha\"", "\"sopId\":\"" + id + "\"")
                .replaceFirst("\"answers\":\\{[^}]*}", "\"answers\":{\"q\":\"sim\"}")
                .replace("tentativas esgotadas.", "tentativas esgotadas (" + id + ").");
        HttpResponse<String> saved = Env.agentApi("POST", "tickets", ticket);
        assertEquals(201, saved.statusCode(), saved.body());
        assertEquals("0", Env.field(saved.body(), "returnHours"), "no return promised: " + saved.body());
        assertEquals("Atendimento resolvido: Sim, resolvido", Env.field(saved.body(), "title"));
        String ticketId = Env.field(saved.body(), "id");

        String closed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Env.agentApi("GET", "tickets/" + ticketId, null).body(), b -> "Encerrado".equals(Env.field(b, "situation")));
        String number = Env.field(closed, "demandNumber");
        String there = sandboxTicket(number);
        assertEquals("5", Env.field(there, "cdsituacao"), "closed in Qualitor: " + there);
        assertEquals("35", Env.field(there, "cdcategoria"));
        assertEquals(1, Env.sandboxTicketsWith("tentativas esgotadas (" + id + ")"), "one demand opened");
        assertEquals(404, Env.agentApi("GET", "tickets/" + ticketId + "/clock", null).statusCode(), "no SLA clock for a recorded call");

        String audit = Env.adminApi("GET", "admin/audit?action=demanda.encerrada", null).body();
        assertEquals(1, audit.split("demanda " + number + "\"", -1).length - 1, "closed once, audited once: " + audit);
    }

    @Test
    void theAgentRecordsASolvedCallFromTheWalk() throws Exception {
        String id = "registro" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle(id)).statusCode());
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=" + id + "&cnpj=11.222.333/0001-81");
        answer("q", "Sim, resolvido");
        assertTrue(browser.text(By.id("walk:solved")).contains("registra o atendimento no Qualitor"), browser.text(By.id("walk:solved")));
        assertTrue(browser.text(By.id("walk:intake")).contains("Dados do atendimento para registrar no Qualitor"));
        fillIntake("Comércio Alfanumérico S.A.", "Cliente não conseguia instalar o A1; resolvido na ligação.",
                "(11) 98888-7777", "(11) 3222-1111", "ti@alfa.com.br");
        browser.click(By.xpath("//button[normalize-space(.)='Registrar e encerrar no Qualitor']"));
        String number = browser.waiting(Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertTrue(number.matches("\\d+"), number);
        String result = browser.text(By.id("walk:result"));
        assertTrue(result.contains("Atendimento registrado no Qualitor") && result.contains("não há retorno a acompanhar"), result);
        assertTrue(!result.contains("retornará em até"), "no return promised: " + result);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Env.field(sandboxTicket(number), "cdsituacao"), "5"::equals);
    }
}
