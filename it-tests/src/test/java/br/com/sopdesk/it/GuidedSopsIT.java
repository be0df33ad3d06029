package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent in the browser: finds SOPs by the customer's words and by triage, walks three different
 * SOPs to their outcomes (a ticket, guidance, a reiteration), opens a SOP from Qualitor with context
 * in the URL, and switches SOP keeping the customer's data.
 */
@BlackBox
class GuidedSopsIT extends BrowserTest {

    @Test
    void searchFindsSopsWithoutAccentsAndTriageNarrowsTheList() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.type(By.id("search:q"), "MATRICULA");
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".sop-card")).size() == 1);
        assertEquals(1, browser.all(By.cssSelector("[data-sop='sem-matricula-cei']")).size());

        browser.click(By.xpath("//button[normalize-space(.)='Garantia ou revogação']"));
        browser.waiting(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("[data-sop='garantia-revogacao']")).isEmpty());
        assertTrue(browser.all(By.cssSelector("[data-sop='perda-de-senha']")).isEmpty(), "triage narrows the list");
    }

    @Test
    void blankTokenEscalatesToADemandNumber() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=token-em-branco&cnpj=12.ABC.345/01DE-35");
        answer("midia-em-branco", "Não: a mídia está em branco");
        assertEquals("12ABC34501DE35", browser.find(By.id("walk:document")).getAttribute("value"), "CNPJ pre-filled from the URL");
        assertTrue(browser.text(By.id("classification")).startsWith("33"), "category from the SOP, read-only");
        fillIntake("Comércio Alfanumérico S.A.", "SafeSign não mostra cadeias, chave pública nem certificado no token.",
                "(11) 98888-7777", "(11) 3222-1111", "ti@alfa.com.br");
        browser.click(By.id("walk:save"));
        assertTrue(browser.driver().getPageSource().contains("Preencha Modelo da mídia (token ou cartão)."),
                "the SOP's own required field is asked for");
        browser.type(By.id("walk:extra:0:field"), "Token SafeNet 5110");
        browser.click(By.id("walk:save"));
        String number = browser.waiting(Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertTrue(number.matches("\\d+"), number);
    }

    @Test
    void stolenComputerHasNoWarrantyAndTheCustomerRevokesOnTheSite() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=garantia-revogacao");
        answer("caso", "O computador foi roubado");
        answer("sem-garantia", "Por videoconferência");
        assertTrue(browser.text(By.cssSelector("[data-node='senha-video']")).contains("criada no ato do agendamento"));
        answer("tem-senha-revogacao", "Sim");
        assertTrue(browser.text(By.cssSelector("[data-node='cliente-revoga']")).contains("revogar"));
        assertTrue(browser.text(By.id("walk:solved")).contains("nenhuma demanda"));
        assertFalse(browser.driver().getPageSource().contains("walk:save"), "no ticket on a path without warranty");
    }

    @Test
    void anOpenDemandIsReiteratedWithItsReason() throws Exception {
        var created = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"));
        String number = Env.field(created.body(), "demandNumber");

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=reiterar-demanda&chamado=" + number);
        answer("aberta", "Sim");
        assertEquals(number, browser.find(By.id("walk:demandNumber")).getAttribute("value"), "demand number from the URL");
        browser.click(By.id("walk:act"));
        assertTrue(browser.text(By.id("walk:reason-message")).contains("motivo"), "the reason is required");

        browser.type(By.id("walk:reason"), "Cliente sem retorno após 24 horas, pede prioridade.");
        browser.click(By.id("walk:act"));
        assertTrue(browser.text(By.id("demand-done")).contains(number));
        String read = Env.post(Env.SANDBOX + "ws/statelessws.php", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                ("user=integracao&password=sandbox&company=1&wsdl_file=WSTicket&operation=getTicketData&input_xml="
                        + java.net.URLEncoder.encode("<wsqualitor><contents><data><cdchamado>" + number + "</cdchamado></data></contents></wsqualitor>",
                        java.nio.charset.StandardCharsets.ISO_8859_1)).getBytes(java.nio.charset.StandardCharsets.US_ASCII)).body();
        assertTrue(read.contains("Reiteração solicitada pelo cliente. Motivo: Cliente sem retorno após 24 horas"), read);
    }

    @Test
    void switchingSopKeepsTheCustomerData() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=perda-de-senha&cnpj=11.222.333/0001-81");
        answer("tipo", "A3");
        answer("a3-resolveu", "Não");
        browser.type(By.id("walk:customerName"), "Padaria Pão Quente Ltda");
        browser.type(By.id("walk:email"), "financeiro@paoquente.com.br");
        pickSop("Certificado digital: token em branco");
        browser.click(By.id("walk:switch"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("sop-title")).contains("token em branco"));
        answer("midia-em-branco", "Não: a mídia está em branco");
        assertEquals("11222333000181", browser.find(By.id("walk:document")).getAttribute("value"));
        assertEquals("Padaria Pão Quente Ltda", browser.find(By.id("walk:customerName")).getAttribute("value"));
        assertEquals("financeiro@paoquente.com.br", browser.find(By.id("walk:email")).getAttribute("value"));
        assertTrue(browser.text(By.cssSelector("[data-field='modeloMidia']")).contains("Modelo da mídia"),
                "the new SOP asks for its own required field");
    }

    /** Chooses a SOP in the "Trocar de SOP" menu, waiting out the menu's opening animation. */
    private void pickSop(String title) {
        browser.waiting(Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            if (!d.findElement(By.id("walk:switchTo_panel")).isDisplayed()) {
                d.findElement(By.id("walk:switchTo")).click();
                return false;
            }
            d.findElement(By.xpath("//li[@data-label='" + title + "']")).click();
            return title.equals(d.findElement(By.id("walk:switchTo_label")).getText());
        });
    }

    @Test
    void relatedTicketsWarnBeforeADuplicateAndShowAfterSaving() throws Exception {
        var first = Env.agentApi("POST", "tickets", Tickets.validLostPassword("12.ABC.345/01DE-35"));
        String existing = Env.field(first.body(), "demandNumber");

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=perda-de-senha&cnpj=12.ABC.345/01DE-35");
        answer("tipo", "A1");
        answer("a1-esgotou", "Sim");
        assertTrue(browser.text(By.id("duplicate-warning")).contains(existing), "warns about the open demand from the same SOP");
        assertTrue(browser.text(By.id("walk:related-before")).contains(existing));

        fillIntake("Comércio Alfanumérico S.A.", "Outra senha perdida, em outro certificado A1 da empresa.",
                "(51) 99999-0000", "(51) 3333-0000", "ti@comercio.com.br");
        browser.click(By.id("walk:save"));
        String number = browser.waiting(Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        String after = browser.text(By.id("walk:related-after"));
        assertTrue(after.contains(number) && after.contains(existing), "new and earlier demands listed after saving: " + after);
    }

}
