package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.interactions.Actions;

/**
 * An agent on a call with the headset on: signs in, finds SOP 000 and walks it to a demand number
 * with key presses alone (no click), and focus is where the next thing to do is after every step:
 * the question, the checklist, the certificate, the fields, the first invalid one, the result. The
 * shortcuts overlay opens with "?" and closes with Esc; the supervisor's dashboard refresh pauses
 * and its dialogs close with Esc. H2 pass only (excluded in it-tests-pg).
 */
@BlackBox
class KeyboardWalkIT extends BrowserTest {

    /** What has focus: a path node by its id, a SOP card's link by its SOP, else the element's id. */
    private static final String FOCUSED = """
            var e = document.activeElement;
            if (!e || e === document.body) return 'body';
            if (e.getAttribute('data-node')) return 'node:' + e.getAttribute('data-node');
            var card = e.closest('.sop-card');
            if (card && e.tagName === 'A') return 'sop:' + card.getAttribute('data-sop');
            return e.id || e.tagName;""";

    @Test
    void anAgentWalksSop000ToADemandNumberWithKeysAlone() {
        signInWithKeys();

        press("perda de senha");
        // the results of exactly this text (the search runs 250 ms after the last key; an earlier
        // partial query's results, replaced under the arrow key, would swallow it)
        browser.waiting(Duration.ofSeconds(10)).until(d -> "perda de senha".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var r = document.getElementById('search:results'); return r && r.getAttribute('data-query');")));
        browser.waitForAjax();
        browser.waiting(Duration.ofSeconds(10)).until(d -> "perda-de-senha".equals(
                d.findElements(By.cssSelector(".sop-card")).stream().findFirst().map(c -> c.getAttribute("data-sop")).orElse("")));
        press(Keys.ARROW_DOWN);
        awaitFocus("sop:perda-de-senha", "the arrow goes from the search to the first SOP found");
        press(Keys.ARROW_UP);
        awaitFocus("search:q", "and back to the search");
        press(Keys.ENTER);
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("id=perda-de-senha"));
        browser.waitForPage();
        awaitFocus("node:tipo", "the first question on arrival");

        press("1");
        awaitFocus("node:a1-documentacao", "the step the answer led to, with its checklist");
        assertTrue(focusedText().contains("O cliente está com a documentação da emissão em mãos?"), focusedText());
        press(Keys.ENTER);
        awaitFocus("node:a1-esgotou", "Enter goes on to the next question");
        press("1");
        awaitFocus("node:escalar", "the outcome with its checklist");
        assertTrue(focusedText().contains("dois telefones de contato diferentes"), focusedText());
        press(Keys.ENTER);
        awaitFocus("walk:certificate", "then the certificate panel");
        press(Keys.ENTER);
        awaitFocus("walk:document", "then the first field of the form");

        press("11.222.333/0001-81", Keys.TAB);
        awaitFocus("walk:customerName", "every field in the form's order");
        press("Padaria Pão Quente Ltda", Keys.TAB);
        awaitFocus("walk:description", "description");
        press("Cliente perdeu a senha de instalação do A1.", Keys.TAB);
        awaitFocus("walk:triedSolution", "what was tried");
        press("Senha anotada na documentação tentada; tentativas esgotadas.", Keys.TAB);
        awaitFocus("walk:phone1", "first phone");
        press("(51) 99999-0000", Keys.TAB);
        awaitFocus("walk:phone2", "second phone");
        press("(51) 3333-0000", Keys.TAB);
        awaitFocus("walk:email", "e-mail, left empty");
        press(Keys.TAB);
        awaitFocus("walk:extra:1:field", "the SOP's own optional field (issuance date)");
        press(Keys.TAB);
        awaitFocus("walk:save", "then save");

        press(Keys.ENTER);
        awaitFocus("walk:email", "a refused save: the first invalid field, not the top of the page");
        assertTrue(browser.text(By.id("walk:email-message")).length() > 0, "the e-mail's error shows beside it");

        press("ti@padaria.com.br", Keys.chord(Keys.CONTROL, Keys.ENTER));
        awaitFocus("walk:result", Duration.ofSeconds(30), "the result after saving");
        String number = browser.waiting(Duration.ofSeconds(30)).until(d -> {
            var shown = d.findElements(By.id("demand-number"));
            return shown.isEmpty() || !shown.get(0).isDisplayed() ? null : shown.get(0).getText();
        });
        assertTrue(number.matches("\\d+"), number);

        press("n");
        awaitFocus("walk:new-call", "n goes to \"Novo atendimento\"");
        press(Keys.ENTER);
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.id("demand-number")).isEmpty());
        browser.waitForPage();
        awaitFocus("node:tipo", "a new call starts at the first question");
        press("t");
        browser.waiting(Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(js("return !!document.activeElement.closest('[id=\"walk:switchTo\"]');")));
    }

    @Test
    void questionMarkOpensTheShortcutsOutsideTextFieldsAndEscapeClosesThem() {
        signInWithKeys();
        press("?");
        assertEquals("?", browser.find(By.id("search:q")).getAttribute("value"), "in the search, ? is typed");
        assertTrue(browser.all(By.cssSelector("#keys-help:not([hidden])")).isEmpty(), "the overlay stays closed while typing");

        browser.open(Env.APP + "app/sop.xhtml?id=perda-de-senha");
        awaitFocus("node:tipo", "arrival");
        press("?");
        browser.waiting(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("keys-help")).isDisplayed());
        assertTrue(browser.text(By.id("keys-help")).contains("Atalhos do teclado"), browser.text(By.id("keys-help")));
        assertTrue(browser.text(By.id("keys-help")).contains("Escolhe a opção correspondente da pergunta em aberto"));
        for (int i = 0; i < 4; i++) {
            press(Keys.TAB);
            assertTrue(focusInside("keys-help"), "Tab stays inside the overlay, at " + focused());
        }
        press(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertTrue(focusInside("keys-help"), "Shift+Tab too, at " + focused());
        press("1");
        assertTrue(browser.all(By.cssSelector("[data-node='a1-documentacao']")).isEmpty(), "no shortcut acts behind the overlay");

        press(Keys.ESCAPE);
        browser.waiting(Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("keys-help")).isDisplayed());
        awaitFocus("node:tipo", "Esc closes the overlay and focus returns where it was");
    }

    @Test
    void theDashboardRefreshPausesWithoutMovingFocusAndItsDialogCloseOnEscape() throws Exception {
        var created = Env.agentApi("POST", "tickets", Tickets.validLostPassword(Env.freshCnpj()));
        assertEquals(201, created.statusCode(), created.body());
        String ticket = Env.field(created.body(), "id");
        await("the new demand's SLA clock").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Env.api("GET", "tickets/" + ticket + "/clock", "supervisor", "supervisor-demo", null, null).statusCode() == 200);
        browser.login("supervisor", "supervisor-demo");
        browser.open(Env.APP + "supervisor/index.xhtml");

        press("p");
        awaitFocus("board:refresh-toggle", "p goes to the refresh toggle");
        assertEquals(Boolean.TRUE, js("return PrimeFaces.widgets['widget_board_poll'].isActive();"), "refreshing at first");
        press(Keys.ENTER);
        browser.waiting(Duration.ofSeconds(10)).until(d -> String.valueOf(js("return document.getElementById('board:refresh-state').textContent;"))
                .contains("pausada"));
        awaitFocus("board:refresh-toggle", "focus stays on the toggle after its update");
        assertEquals(Boolean.FALSE, js("return PrimeFaces.widgets['widget_board_poll'].isActive();"), "paused");
        assertEquals("status", browser.find(By.xpath("//*[@id='board:refresh-state']/..")).getAttribute("role"), "the state is announced");

        // every standing, so the new demand's clock is listed with its "Reiterar" button
        browser.click(By.xpath("//*[@id='board:standing']//label[normalize-space(.)='Todos']"));
        String opener = browser.find(By.cssSelector("[id$=':reiterate']")).getAttribute("id");
        browser.find(By.id(opener)).sendKeys(Keys.ENTER);
        // the dialog is re-rendered with the clock chosen before it shows
        browser.waiting(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("board:reiterateDialog")).isDisplayed());
        browser.waiting(Duration.ofSeconds(5)).until(d -> focusInside("board:reiterateDialog"));
        for (int i = 0; i < 5; i++) {
            press(Keys.TAB);
            assertTrue(focusInside("board:reiterateDialog"), "Tab stays inside the dialog, at " + focused());
        }
        press(Keys.ESCAPE);
        browser.waiting(Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("board:reiterateDialog")).isDisplayed());
        String why = String.valueOf(js("var w = PF('reiterateDialog'); var o = w && w.focusedElementBeforeDialogOpened;"
                + " return 'patched=' + !!PrimeFaces.widget.Dialog.prototype.sopdeskKeys + ' opener=' + (o ? o.id + ' connected=' + o.isConnected : o);"));
        awaitFocus(opener, "back on the Reiterar button that opened the dialog (" + why + ")");
    }

    @Test
    void enterInAnAdministrationFieldPressesThatFormsOwnButtonNotTheFirstInTheForm() {
        String code = "K" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.open(Env.APP + "admin/index.xhtml");
        // the categories' own "Ativa" toggles come first in the form: Enter must not press one of them
        browser.type(By.id("admin:newCode"), code);
        browser.find(By.id("admin:newName")).sendKeys("Criada pelo teclado", Keys.ENTER);
        browser.waiting(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("admin:messages")).getText().contains("Categoria " + code + " salva"));
        browser.waitForAjax();
        assertTrue(browser.text(By.id("admin:categories")).contains("Criada pelo teclado"), "the category created by Enter");

        browser.open(Env.APP + "admin/qualitor.xhtml");
        By team = By.xpath("//tbody/tr[td[normalize-space(.)='" + code + "']]//input[contains(@id,':team')]");
        browser.find(team).sendKeys("EQ9", Keys.ENTER);
        browser.waiting(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("qualitor:messages")).getText()
                .contains("Equipe da categoria " + code + " salva"));
        assertTrue(!browser.text(By.id("qualitor:messages")).contains("Configurações salvas"), "only that row's button, not the settings' save");
    }

    /** Signs in by typing and Enter, and lands on the SOP list with focus in its search. */
    private void signInWithKeys() {
        browser.open(Env.APP + "login.xhtml");
        awaitFocus("login:username", "the user name on arrival");
        press(Env.AGENT, Keys.TAB);
        awaitFocus("login:password", "then the password");
        press(Env.AGENT_PASSWORD, Keys.ENTER);
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/app/"));
        browser.waitForPage();
        awaitFocus("search:q", "the search on arrival");
    }

    private void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private String focused() {
        return String.valueOf(js(FOCUSED));
    }

    private String focusedText() {
        return String.valueOf(js("return document.activeElement.innerText;"));
    }

    private boolean focusInside(String id) {
        return Boolean.TRUE.equals(js("var c = document.getElementById('" + id + "'); return !!c && c.contains(document.activeElement);"));
    }

    private void awaitFocus(String expected, String why) {
        awaitFocus(expected, Duration.ofSeconds(10), why);
    }

    /** Waits for focus to land on {@code expected} (Ajax updates and the script's move take a moment). */
    private void awaitFocus(String expected, Duration timeout, String why) {
        try {
            browser.waiting(timeout).until(d -> expected.equals(focused()));
        } catch (TimeoutException e) {
            assertEquals(expected, focused(), why);
        }
    }
}
