package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Seed 003's warranty enforced: the API and the page refuse a within-warranty path the dates deny,
 * naming both dates; a warranty exception with its reason goes through, audited, and shows on the
 * supervisor's dashboard; a lost password is filed under 000's category with the decision; the
 * warranty SOP hands a lost password to 000; lost media does not lead to self-revocation; the letter
 * route shows the administrator's letter, filled, and the sending address.
 */
@BlackBox
class WarrantyIT extends BrowserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static String daysAgo(int days) {
        return LocalDate.now(ZoneId.of("America/Sao_Paulo")).minusDays(days).format(DAY);
    }

    private static String marked(String body, String marker) {
        return body.replace("corrompido no download.", "corrompido no download (" + marker + ").");
    }

    private static String corruptedWithin(String issuedOn, String exception) {
        return "{\"sopId\":\"garantia-revogacao\",\"answers\":{\"caso\":\"corrompido\",\"prazo-14\":\"sim\"},"
                + "\"fields\":{\"dataEmissao\":\"" + issuedOn + "\"},"
                + "\"customer\":{\"document\":\"11.222.333/0001-81\",\"name\":\"Padaria Pão Quente Ltda\",\"email\":\"ti@paoquente.com.br\","
                + "\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"O arquivo do certificado A1 foi corrompido no download.\","
                + "\"triedSolution\":\"Baixado de novo com o cliente; o arquivo segue sem abrir.\"" + (exception == null ? "" : "," + exception) + "}";
    }

    @Test
    void theApiRefusesAWithinPathTheDatesDenyNamingBothDatesAndFilesAnAuditedException() throws Exception {
        // the refused submissions are told apart in Qualitor by their text (the outbox may send other tests' tickets meanwhile)
        String marker = "recusado-" + java.util.UUID.randomUUID();
        String issued = daysAgo(20);
        String today = daysAgo(0);
        HttpResponse<String> refused = Env.agentApi("POST", "tickets", marked(corruptedWithin(issued, null), marker));
        assertEquals(422, refused.statusCode(), refused.body());
        String why = Env.field(refused.body(), "warrantyException");
        assertTrue(why.contains("emissão em " + issued) && why.contains("hoje, " + today) && why.contains("20 dia(s)"), why);
        HttpResponse<String> english = Env.api("POST", "tickets", Env.AGENT, Env.AGENT_PASSWORD, corruptedWithin(issued, null), "en");
        assertTrue(Env.field(english.body(), "warrantyException").contains("issued on " + issued), english.body());

        HttpResponse<String> shortReason = Env.agentApi("POST", "tickets",
                marked(corruptedWithin(issued, "\"warrantyException\":true,\"warrantyExceptionReason\":\"atraso\""), marker));
        assertEquals(422, shortReason.statusCode(), shortReason.body());
        assertTrue(Env.field(shortReason.body(), "warrantyReason").contains("20 a 1000 caracteres"), shortReason.body());
        assertEquals(0, Env.sandboxTicketsWith(marker), "nothing refused was sent");

        String reason = "A AC emitiu com atraso; o cliente pediu no prazo.";
        HttpResponse<String> filed = Env.agentApi("POST", "tickets",
                corruptedWithin(issued, "\"warrantyException\":true,\"warrantyExceptionReason\":\"" + reason + "\""));
        assertEquals(201, filed.statusCode(), filed.body());
        assertEquals("36", Env.field(filed.body(), "category"));
        assertEquals("true", Env.field(filed.body(), "exception"), filed.body());
        assertEquals("false", Env.field(filed.body(), "within"), filed.body());
        assertEquals(reason, Env.field(filed.body(), "exceptionReason"));
        String id = Env.field(filed.body(), "id");
        String audit = Env.adminApi("GET", "admin/audit?limit=50&action=garantia.excecao", null).body();
        assertTrue(audit.contains("chamado " + id) && audit.contains(reason), audit);
    }

    @Test
    void aLostPasswordIsFiledUnderItsOwnCategoryWithTheWarrantyDecision() throws Exception {
        String body = Tickets.validLostPassword("11.222.333/0001-81")
                .replace("\"answers\":", "\"fields\":{\"dataEmissao\":\"" + daysAgo(3) + "\"},\"answers\":");
        HttpResponse<String> r = Env.agentApi("POST", "tickets", body);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("32", Env.field(r.body(), "category"), "000's category, not the warranty SOP's");
        assertEquals("LOST_PASSWORD", Env.field(r.body(), "warrantyCase"));
        assertEquals("14", Env.field(r.body(), "warrantyDays"));
        assertEquals("true", Env.field(r.body(), "within"));
        assertEquals("3", Env.field(r.body(), "daysSinceIssue"));
        assertEquals("false", Env.field(r.body(), "exception"));
    }

    @Test
    void theAgentIsRefusedOnThePageFilesAnExceptionAndTheSupervisorSeesIt() {
        String issued = daysAgo(30);
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=garantia-revogacao&cnpj=11.222.333/0001-81");
        answer("caso", "O arquivo");
        answer("prazo-14", "Sim");
        fillIntake("Padaria Pão Quente Ltda", "O arquivo do certificado A1 foi corrompido no download.",
                "(51) 99999-0000", "(51) 3333-0000", "ti@paoquente.com.br");
        fillField("dataEmissao", issued);
        browser.click(By.id("walk:save"));
        String refusal = browser.text(By.id("walk:warrantyException-message"));
        assertTrue(refusal.contains("emissão em " + issued) && refusal.contains("hoje, " + daysAgo(0)), refusal);
        assertTrue(browser.text(By.id("warranty-refusal")).contains(issued), "the walk shows why, above the path");
        assertTrue(browser.text(By.id("warranty-decision")).startsWith("Fora da garantia de 14 dias"));

        String reason = "Cliente pediu a reemissão no prazo; o chamado anterior se perdeu.";
        browser.click(By.cssSelector("[id='walk:warrantyException'] .ui-chkbox-box"));
        browser.type(By.id("walk:warrantyReason"), reason);
        browser.click(By.id("walk:save"));
        String number = browser.waiting(Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertTrue(number.matches("\\d+"), number);

        browser.close();
        browser = new Browser();
        browser.login("supervisor", "supervisor-demo");
        browser.open(Env.APP + "supervisor/index.xhtml");
        String exceptions = browser.text(By.id("board:warranty-exceptions"));
        assertTrue(exceptions.contains(reason) && exceptions.contains(number) && exceptions.contains("emitido em " + issued), exceptions);
    }

    @Test
    void theWarrantySopHandsALostPasswordToItsOwnSopWhichShowsTheDecision() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=garantia-revogacao&cnpj=11.222.333/0001-81");
        answer("caso", "Perdeu ou esqueceu a senha");
        assertTrue(browser.all(By.id("walk:save")).isEmpty(), "no ticket under the warranty SOP's category");
        browser.click(By.id("walk:follow-sop"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("sop-title")).contains("perda de senha"), browser.text(By.id("sop-title")));
        assertTrue(browser.text(By.id("warranty-decision")).startsWith("Garantia de 14 dias (perdeu ou esqueceu a senha)"),
                browser.text(By.id("warranty-decision")));
        answer("tipo", "A1");
        answer("a1-esgotou", "Sim");
        assertEquals("11222333000181", browser.find(By.id("walk:document")).getAttribute("value"), "the customer came along");
        fillField("dataEmissao", daysAgo(2));
        browser.click(By.id("walk:description"));
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("warranty-decision")).getText().startsWith("Dentro da garantia"));
        assertTrue(browser.text(By.id("classification")).startsWith("32"), "000's category");
    }

    @Test
    void lostMediaEndsWithoutSelfRevocationAndTheLetterRouteShowsTheLetterAndAddress() throws Exception {
        String address = "Central de Revogação - Av. Exemplo, 100 - Porto Alegre/RS";
        HttpResponse<String> saved = Env.adminApi("PUT", "admin/revocation-letter",
                "{\"template\":\"RASCUNHO\\nEu, {cliente}, CPF/CNPJ {documento}, série {serie}.\",\"address\":\"" + address + "\",\"validated\":false}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("true", Env.field(saved.body(), "draft"));
        assertEquals(422, Env.adminApi("PUT", "admin/revocation-letter", "{\"template\":\" \"}").statusCode(), "a template is required");
        assertTrue(Env.adminApi("GET", "admin/audit?limit=20&action=garantia.carta", null).body().contains(address), "audited");

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=garantia-revogacao&cnpj=11.222.333/0001-81");
        answer("caso", "Perdeu a mídia");
        assertTrue(browser.text(By.cssSelector("[data-node='midia-perdida']")).contains("novo certificado"));
        assertTrue(browser.all(By.cssSelector("[data-node='sem-garantia']")).isEmpty(), "lost media is not sent to self-revocation");

        answer("caso", "O computador foi roubado");
        answer("sem-garantia", "Presencialmente");
        answer("tem-senha-revogacao", "Não");
        assertEquals(address, browser.text(By.id("letter-address")));
        assertTrue(browser.text(By.id("letter-draft")).contains("Rascunho"));
        String letter = browser.text(By.id("letter-text"));
        assertTrue(letter.contains("CPF/CNPJ 11222333000181") && letter.contains("série [preencher]"), letter);
        assertFalse(browser.driver().getPageSource().contains("walk:save"), "no ticket on the letter route");
    }
}
