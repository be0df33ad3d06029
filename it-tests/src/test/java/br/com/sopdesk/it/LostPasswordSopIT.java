package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The lost-password SOP (seed 000) walked in a real browser, as an agent does it: sign in, open
 * the SOP, answer the branch questions, fill the ticket, save, and read the demand number that the
 * Qualitor sandbox returned; and the same form refusing bad fields without sending anything.
 */
@BlackBox
class LostPasswordSopIT extends BrowserTest {

    @Test
    void a1WithAttemptsExhaustedEndsWithTheDemandNumberFromQualitor() throws Exception {
        String marker = "a1-" + java.util.UUID.randomUUID();
        openLostPasswordSop();

        answer("tipo", "A1 (arquivo)");
        assertTrue(browser.text(By.cssSelector("[data-node='a1-documentacao']")).contains("documentação"),
                "the A1 branch asks the customer for the issuance paperwork");
        answer("a1-esgotou", "Sim");

        browser.type(By.id("walk:document"), "11.222.333/0001-81");
        fillIntake("Padaria Pão Quente Ltda", "Cliente não localiza a senha de instalação do A1; tentativas esgotadas (" + marker + ").",
                "(51) 99999-0000", "(51) 3333-0000", "financeiro@paoquente.com.br");
        browser.click(By.id("walk:save"));

        String number = browser.waiting(Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertTrue(number.matches("\\d+"), "demand number shown: " + number);
        assertTrue(browser.text(By.id("remind")).contains("24 horas"), "the 24-hour return reminder is shown");

        assertEquals(1, Env.sandboxTicketsWith(marker), "exactly one ticket reached Qualitor");
        String tickets = Env.sandboxTickets();
        assertTrue(tickets.contains("\"cdchamado\":\"" + number + "\""), "the shown number is Qualitor's: " + tickets);
        assertTrue(tickets.contains("Perda de senha - certificado A1"), "title from the SOP mapping");
        assertTrue(tickets.contains("Pão Quente"), "pt-BR text survives the ISO-8859-1 trip");
        assertTrue(tickets.contains("\"cdcategoria\":\"32\""), "category from the SOP");
    }

    @Test
    void invalidFieldsAreShownAndNothingIsSent() throws Exception {
        openLostPasswordSop();
        answer("tipo", "A3");
        assertTrue(browser.text(By.cssSelector("[data-node='a3-desbloqueio']")).contains("PIN"),
                "the A3 branch asks for unblocking or PIN change first");
        answer("a3-resolveu", "Não");
        // told apart in Qualitor by the customer's name (the outbox may send other tests' tickets meanwhile)
        String name = "Cliente Teste " + java.util.UUID.randomUUID();

        browser.type(By.id("walk:document"), "11.222.333/0001-82");
        fillIntake(name, "curta", "(51) 99999-0000", "51 99999 0000", "cliente@invalido");
        browser.click(By.id("walk:save"));

        assertTrue(browser.text(By.id("walk:document-message")).contains("CNPJ/CPF inválido"), "document error shown");
        assertTrue(browser.text(By.id("walk:description-message")).contains("entre 15 e 4000"), "description error shown");
        assertTrue(browser.text(By.id("walk:email-message")).contains("E-mail inválido"), "e-mail error shown");
        assertTrue(browser.text(By.id("walk:phone2-message")).contains("diferente do primeiro"), "same phone twice refused");
        assertTrue(browser.all(By.id("demand-number")).isEmpty(), "no demand number");
        assertEquals(0, Env.sandboxTicketsWith(name), "nothing was sent to Qualitor");

        browser.type(By.id("walk:document"), "");
        browser.click(By.id("walk:save"));
        assertTrue(browser.text(By.id("walk:document-message")).contains("Informe o CNPJ ou CPF"), "missing document named");
        assertEquals(0, Env.sandboxTicketsWith(name), "still nothing sent");
    }

    @Test
    void a3SolvedOnTheCallOpensNoTicket() throws Exception {
        openLostPasswordSop();
        answer("tipo", "A3");
        answer("a3-resolveu", "Sim");
        assertTrue(browser.text(By.id("walk:solved")).contains("nenhuma demanda"), "solved outcome explained");
        assertFalse(browser.driver().getPageSource().contains("walk:save"), "no ticket form on a solved path");
    }

    private void openLostPasswordSop() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.click(By.cssSelector("[data-sop='perda-de-senha'] a.sop-link"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("sop-title")).contains("perda de senha"));
    }

}
