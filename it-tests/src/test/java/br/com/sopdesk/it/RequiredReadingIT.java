package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A SOP step may make reading a document required before the walk goes on, as Qualitor's service
 * scripts do: the agent sees the question only after confirming the reading, a ticket cannot skip
 * it, and a reading anywhere but on a step is refused at publishing.
 */
@BlackBox
class RequiredReadingIT extends BrowserTest {

    static final String MANUAL = "https://kb.example.com/manual-a1";

    static final String BY_ADDRESS = "\"reading\": {\"title\": \"Manual do certificado A1\", \"url\": \"" + MANUAL + "\"}";

    /** A step with a required reading (by address), then a question solved on the call or escalated. */
    static String bundle(String id, String readingOn) {
        return bundle(id, readingOn, BY_ADDRESS);
    }

    static String bundle(String id, String readingOn, String reading) {
        return """
                {"id": "%s", "version": 1, "seed": "995", "title": "Leitura %s", "keywords": ["%s"], "start": "ler",
                 "nodes": [
                   {"id": "ler", "kind": "STEP", "title": "Leia o manual com o cliente", "next": "q"%s},
                   {"id": "q", "kind": "QUESTION", "title": "O manual resolveu?"%s,
                    "options": [{"value": "sim", "label": "Sim, resolveu", "next": "fim"}, {"value": "nao", "label": "Não", "next": "sobe"}]},
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Resolvido com o manual"}],
                 "qualitor": {"ticketType": "5", "category": "35", "location": "4", "severity": "2"}}
                """.formatted(id, id, id, "ler".equals(readingOn) ? ", " + reading : "", "q".equals(readingOn) ? ", " + reading : "");
    }

    static String uniqueId() {
        return "leitura" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theQuestionWaitsUntilTheAgentHasReadTheDocument() throws Exception {
        String id = uniqueId();
        HttpResponse<String> published = Env.adminApi("POST", "admin/sops", bundle(id, "ler"));
        assertEquals(201, published.statusCode(), published.body());

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=" + id);
        String box = browser.text(By.cssSelector("[data-reading='ler']"));
        assertTrue(box.contains("Leitura obrigatória") && box.contains("Manual do certificado A1") && box.contains("Abrir documento"), box);
        WebElement open = browser.find(By.cssSelector("[data-reading='ler'] a.reading-open"));
        assertEquals(MANUAL, open.getAttribute("href"));
        assertEquals("_blank", open.getAttribute("target"));
        assertEquals("noopener noreferrer", open.getAttribute("rel"));
        assertTrue(browser.all(By.cssSelector(".question-q")).isEmpty(), "the question waits for the reading");
        assertTrue(browser.all(By.id("walk:solved")).isEmpty());

        browser.click(By.xpath("//button[normalize-space(.)='Li o documento']"));
        browser.find(By.cssSelector(".question-q"));
        assertTrue(browser.text(By.cssSelector("[data-reading='ler']")).contains("Documento lido"));
        assertTrue(browser.all(By.xpath("//button[normalize-space(.)='Li o documento']")).isEmpty(), "confirmed once");

        answer("q", "Sim, resolveu");
        assertTrue(browser.text(By.id("walk:solved")).contains("nenhuma demanda"), browser.text(By.id("walk:solved")));
    }

    @Test
    void aTicketCannotSkipTheReadingAndAReadingOnAQuestionIsRefused() throws Exception {
        String id = uniqueId();
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle(id, "ler")).statusCode());
        String ticket = Tickets.validLostPassword("11.222.333/0001-81").replace("\"sopId\":\"perda-de-senha\"", "\"sopId\":\"" + id + "\"");
        HttpResponse<String> skipped = Env.agentApi("POST", "tickets", ticket.replaceFirst("\"answers\":\\{[^}]*}", "\"answers\":{\"q\":\"nao\"}"));
        assertEquals(422, skipped.statusCode(), skipped.body());
        assertTrue(skipped.body().contains("Abra o documento obrigatório «Manual do certificado A1» antes de seguir"), skipped.body());
        HttpResponse<String> read = Env.agentApi("POST", "tickets", ticket.replaceFirst("\"answers\":\\{[^}]*}", "\"answers\":{\"ler\":\"lido\",\"q\":\"nao\"}"));
        assertEquals(201, read.statusCode(), "with the reading confirmed the walk reaches its escalation: " + read.body());

        HttpResponse<String> refused = Env.adminApi("POST", "admin/sops", bundle(uniqueId(), "q"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("nó 'q': só um passo (STEP) pode ter leitura obrigatória"), refused.body());
    }

    @Test
    void aReadingGivenAsTextOpensInPlace() throws Exception {
        String id = uniqueId();
        String reading = "\"reading\": {\"title\": \"Aviso de segurança\", \"text\": \"Nunca peça a senha do certificado ao cliente.\"}";
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle(id, "ler", reading)).statusCode());

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=" + id);
        assertTrue(browser.all(By.cssSelector("[data-reading='ler'] a.reading-open")).isEmpty(), "no link for a text");
        browser.click(By.xpath("//*[@data-reading='ler']//summary[normalize-space(.)='Abrir documento']"));
        assertEquals("Nunca peça a senha do certificado ao cliente.", browser.text(By.cssSelector("[data-reading='ler'] .reading-text")));
        assertTrue(browser.all(By.cssSelector(".question-q")).isEmpty(), "the question waits for the reading");

        browser.click(By.xpath("//button[normalize-space(.)='Li o documento']"));
        answer("q", "Não");
        browser.find(By.id("walk:save"));
    }
}
