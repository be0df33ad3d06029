package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.junit.jupiter.api.Test;

/**
 * SOP Desk inside Qualitor's ticket screen on another site, over HTTPS: the sandbox's stand-in screen
 * on {@code https://127.0.0.1} frames SOP Desk on {@code https://localhost} (another site, so the
 * browser sends only a {@code SameSite=None; Secure} session cookie into the frame). The agent signs
 * in inside the frame, walks SOP 000 to a demand number, and the screen learns the number through
 * {@code postMessage}. A page of a third site ({@code https://127.0.0.2}) can neither frame SOP Desk
 * nor write through its API with the agent's cookie. The integration-test domain allows the
 * sandbox's screen as a framing origin ({@code scripts/payara.sh}).
 */
@BlackBox
class FramedDeskIT extends BrowserTest {

    private static final String CUSTOMER = "04.252.011/0001-10";
    private static final String SOPDESK = "https://localhost:" + Env.HTTPS_PORT + "/sopdesk/";

    private static String screen(String host) {
        return "https://" + host + ":" + Env.HTTPS_PORT + "/qualitor-sandbox/tela/chamado.html?chamado=1000&cnpj=" + CUSTOMER
                + "&sopdesk=" + SOPDESK;
    }

    @Test
    void theAgentWalksSop000InsideQualitorsScreenAndTheScreenLearnsTheDemandNumber() throws Exception {
        String marker = "quadro-" + java.util.UUID.randomUUID();
        browser.open(screen("127.0.0.1"));
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-subject"), "Demanda de referência"));
        browser.click(By.id("procedures"));
        browser.driver().switchTo().frame("sopdesk-frame");

        // signed out: the frame shows the login form, and after it the SOP list with the customer kept
        browser.type(By.id("login:username"), Env.AGENT);
        browser.type(By.id("login:password"), Env.AGENT_PASSWORD);
        browser.click(By.id("login:submit"));
        browser.waitForPage();
        String list = (String) ((JavascriptExecutor) browser.driver()).executeScript("return location.href");
        assertTrue(list.startsWith(SOPDESK + "app/index.xhtml") && list.contains("chamado=1000"),
                "back to the page Qualitor asked for, with its demand: " + list);

        browser.click(By.cssSelector("[data-sop='perda-de-senha'] a.sop-link"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("sop-title")).contains("perda de senha"));
        answer("tipo", "A1 (arquivo)");
        answer("a1-esgotou", "Sim");
        assertEquals(CUSTOMER.replaceAll("\\D", ""), browser.find(By.id("walk:document")).getAttribute("value").replaceAll("\\D", ""),
                "the customer came from Qualitor's screen");
        fillIntake("Padaria Pão Quente Ltda", "Cliente não localiza a senha de instalação do A1; tentativas esgotadas (" + marker + ").",
                "(51) 99999-0000", "(51) 3333-0000", "financeiro@paoquente.com.br");
        browser.click(By.id("walk:save"));
        String number = browser.waiting(Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertTrue(number.matches("\\d+"), "demand number shown in the frame: " + number);
        assertEquals(1, Env.sandboxTicketsWith(marker), "exactly one ticket reached Qualitor");

        browser.driver().switchTo().defaultContent();
        String told = browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sopdesk-demands [data-demand='" + number + "']"))).getText();
        assertTrue(told.contains(number) && told.contains("perda-de-senha"), "the screen learnt the new demand from the frame: " + told);
        browser.screenshot("framed-demo"); // docs/images/framed-demo.png comes from this
    }

    @Test
    void aThirdSiteCanNeitherFrameSopDeskNorWriteThroughItsApi() throws Exception {
        // an administrator signed in to SOP Desk in this browser, over HTTPS: the cookie goes cross-site
        browser.open(SOPDESK + "login.xhtml");
        browser.type(By.id("login:username"), Env.ADMIN);
        browser.type(By.id("login:password"), Env.ADMIN_PASSWORD);
        browser.click(By.id("login:submit"));
        browser.waitForPage();
        // the form post below from SOP Desk's own page gets past the origin check (a bundle the catalog refuses: 422)
        String own = formPost();
        assertTrue(own.contains("\"message\"") && !own.contains("sopdesk.embed.origins"), "SOP Desk's own page reaches the catalog: " + own);

        browser.open(screen("127.0.0.2"));
        browser.click(By.id("procedures"));
        String refusal = browser.waiting(Duration.ofSeconds(15)).until(d -> browser.console().stream()
                .filter(m -> m.contains("frame-ancestors") && m.contains("localhost:" + Env.HTTPS_PORT)).findFirst().orElse(null));
        assertTrue(refusal.contains("violates") && refusal.contains("blocked"), refusal);
        browser.driver().switchTo().frame("sopdesk-frame");
        assertTrue(browser.all(By.id("login:username")).isEmpty() && browser.all(By.id("current-user")).isEmpty(), "nothing of SOP Desk inside");
        browser.driver().switchTo().defaultContent();

        // the classic forged write: a text/plain form of the third site's page, with the administrator's cookie, no preflight
        String forged = formPost();
        assertTrue(forged.contains("sopdesk.embed.origins"), "refused for its origin, naming the setting: " + forged);
        assertFalse(Env.adminApi("GET", "admin/sops", null).body().contains("forjado-pelo-terceiro"), "nothing was published");
    }

    /** Submits a text/plain form from the page now open to the SOP catalog's API, and reads the answer it navigated to. */
    private String formPost() {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.createElement('form'); f.method = 'POST'; f.action = arguments[0]; f.enctype = 'text/plain';"
                        + "var i = document.createElement('input'); i.type = 'hidden'; i.name = '{\"id\":\"forjado-pelo-terceiro\",\"x\":\"';"
                        + "i.value = '\"}'; f.appendChild(i); document.body.appendChild(f); f.submit();",
                SOPDESK + "api/admin/sops");
        browser.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(SOPDESK + "api/admin/sops"));
        browser.waitForPage();
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
