package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The on-screen SOP editor: an administrator builds a SOP from nothing (a question, a solved and an
 * escalating outcome, a required field), sees the problems at their node while editing, saves a
 * draft, previews it as the agent would walk it, publishes it, and the agent walks it to a demand
 * number; then a second version, the two compared, and the SOP retired out of the agents' search. Two editors saving the same
 * draft: the second is refused with who saved it and when.
 */
@BlackBox
class SopEditorIT extends BrowserTest {

    static String uniqueId() {
        return "tela" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Types into a field with an Ajax check on change, then leaves it (the change fires) and waits for the check. */
    static void typeAndLeave(Browser b, String id, String text) {
        b.type(By.id(id), text);
        b.find(By.id(id)).sendKeys(Keys.TAB);
        b.waitForAjax();
    }

    /** Chooses an item of a PrimeFaces menu by its label's start, waiting out the menu's opening animation. */
    static void pick(Browser b, String menuId, String labelStart) {
        b.waiting(Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(d -> {
            if (!d.findElement(By.id(menuId + "_panel")).isDisplayed()) {
                d.findElement(By.id(menuId)).click();
                return false;
            }
            d.findElement(By.xpath("//*[@id='" + menuId + "_panel']//li[starts-with(@data-label,'" + labelStart + "')]")).click();
            return d.findElement(By.id(menuId + "_label")).getText().startsWith(labelStart);
        });
        b.waitForAjax();
    }

    static String node(int index, String part) {
        return "editor:nodes:" + index + ":" + part;
    }

    @Test
    void anAdministratorBuildsASopFromNothingPublishesItAndTheAgentWalksItToADemandNumber() {
        String id = uniqueId();
        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.click(By.id("session:nav-admin"));
        browser.waitForPage();
        browser.click(By.id("admin:newSop"));
        browser.waitForPage();

        typeAndLeave(browser, "editor:sopId", id);
        typeAndLeave(browser, "editor:sopTitle", "SOP de tela " + id);
        typeAndLeave(browser, "editor:keywords", id + ", instalação");
        typeAndLeave(browser, node(0, "nodeTitle"), "O cliente conseguiu instalar?");
        browser.click(By.id("editor:addOutcome"));
        browser.click(By.id("editor:addOutcome"));
        typeAndLeave(browser, node(1, "nodeTitle"), "Resolvido no atendimento");
        typeAndLeave(browser, node(2, "nodeTitle"), "Escalar ao Relacionamento");
        pick(browser, node(2, "outcome"), "Abre chamado");

        typeAndLeave(browser, node(0, "options:0:value"), "sim");
        typeAndLeave(browser, node(0, "options:0:label"), "Sim");
        typeAndLeave(browser, node(0, "options:1:value"), "nao");
        typeAndLeave(browser, node(0, "options:1:label"), "Não");
        pick(browser, node(0, "options:0:target"), "outcome");
        String atQuestion = browser.text(By.id(node(0, "nodeProblems")));
        assertTrue(atQuestion.contains("a opção 'Não' da pergunta 'question' não leva a nenhum nó"), "shown at its node: " + atQuestion);
        assertNotNull(browser.find(By.id("editor:publish")).getAttribute("disabled"), "no publishing while problems remain");
        pick(browser, node(0, "options:1:target"), "outcome-2");

        String summary = browser.text(By.id("editor:summary"));
        assertTrue(summary.contains("ticketType e category"), "the escalation still lacks its classification: " + summary);
        pick(browser, "editor:category", "35 · Mídias");
        typeAndLeave(browser, "editor:ticketType", "5");
        typeAndLeave(browser, "editor:location", "4");
        typeAndLeave(browser, "editor:severity", "2");

        browser.click(By.id("editor:addField"));
        typeAndLeave(browser, "editor:fields:0:fieldName", "protocolo");
        typeAndLeave(browser, "editor:fields:0:fieldLabel", "Protocolo da autoridade de registro");
        browser.click(By.cssSelector("[id='editor:fields:0:fieldRequired'] .ui-chkbox-box"));
        assertTrue(browser.text(By.id("editor:summary")).contains("Nenhum problema"), browser.text(By.id("editor:summary")));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('editor:sop-editor-chart').scrollIntoView({block: 'start'}); window.scrollBy(0, -60);");
        browser.screenshot("sop-editor"); // docs/images/sop-editor.png comes from this: the chart, then the first node

        browser.click(By.id("editor:save"));
        assertTrue(browser.text(By.id("editor:messages")).contains("Rascunho salvo"), browser.text(By.id("editor:messages")));

        // preview: the draft walked on the agents' page exactly as an agent would, with nothing to save
        browser.click(By.id("editor:preview"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("preview-banner")).contains("Pré-visualização do rascunho"), browser.text(By.id("preview-banner")));
        assertEquals("SOP de tela " + id, browser.text(By.id("sop-title")));
        answer("question", "Não");
        browser.find(By.id("walk:customerName"));
        assertTrue(browser.all(By.id("walk:save")).isEmpty(), "a preview saves nothing");
        assertTrue(browser.text(By.id("walk:preview-no-save")).contains("nada é enviado"));
        assertTrue(agentSearchFinds(id) == 0, "a draft is not in the agents' search");
        browser.click(By.xpath("//*[@id='preview-banner']//a"));
        browser.waitForPage();
        browser.click(By.id("editor:publish"));
        browser.waitForPage();
        String published = browser.text(By.id("admin:messages"));
        assertTrue(published.contains("SOP " + id + " publicado na versão 1"), published);
        assertTrue(browser.all(By.xpath("//*[@id='admin:drafts']//td[normalize-space(.)='" + id + "']")).isEmpty(), "the draft is gone");

        Browser agent = new Browser();
        try {
            agent.login(Env.AGENT, Env.AGENT_PASSWORD);
            agent.search(id);
            agent.find(By.cssSelector("[data-sop='" + id + "']"));
            agent.open(Env.APP + "app/sop.xhtml?id=" + id + "&cnpj=11.222.333/0001-81");
            agent.click(By.xpath("//*[contains(@class,'question-question')]//label[starts-with(normalize-space(.),'Não')]"));
            agent.type(By.id("walk:customerName"), "Loja Editor de Tela Ltda");
            agent.type(By.id("walk:description"), "Cliente não conseguiu instalar o certificado seguindo o SOP.");
            agent.type(By.id("walk:triedSolution"), "Passos do SOP feitos com o cliente, sem resolver.");
            agent.type(By.id("walk:phone1"), "(51) 99999-0000");
            agent.type(By.id("walk:phone2"), "(51) 3333-0000");
            agent.type(By.id("walk:email"), "contato@editordetela.com.br");
            agent.click(By.id("walk:save"));
            assertTrue(agent.text(By.cssSelector("[data-field='protocolo']")).contains("Protocolo da autoridade de registro"),
                    "the required field is asked and refused while empty");
            agent.type(By.cssSelector("[data-field='protocolo'] input"), "778899");
            agent.click(By.id("walk:save"));
            String number = agent.waiting(Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
            assertTrue(number.matches("\\d+"), "demand number shown: " + number);
        } finally {
            agent.close();
        }

        // edit it: version 2 renames the escalation; the versions compared show it; retired, agents no longer find it
        browser.open(Env.APP + "admin/sop-editor.xhtml?sop=" + id);
        typeAndLeave(browser, node(2, "nodeTitle"), "Escalar à equipe de instalação");
        browser.click(By.id("editor:publish"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("admin:messages")).contains("SOP " + id + " publicado na versão 2"), browser.text(By.id("admin:messages")));
        browser.click(SopRetirementPageIT.inRow(id, "compare"));
        String changes = browser.text(By.id("admin:changes"));
        assertTrue(changes.contains("Escalar ao Relacionamento") && changes.contains("Escalar à equipe de instalação"), changes);
        browser.click(SopRetirementPageIT.inRow(id, "retire"));
        browser.type(By.id("admin:reason"), "SOP de teste da tela, substituído");
        browser.click(By.id("admin:confirmRetirement"));
        assertTrue(browser.text(By.id("admin:messages")).contains("SOP " + id + " retirado"), browser.text(By.id("admin:messages")));
        assertEquals(0, agentSearchFinds(id), "gone from the agents' search");
    }

    /** How many SOP cards the agent's search shows for these words. */
    private static int agentSearchFinds(String words) {
        Browser agent = new Browser();
        try {
            agent.login(Env.AGENT, Env.AGENT_PASSWORD);
            agent.search(words);
            return agent.all(By.cssSelector("[data-sop='" + words + "']")).size();
        } finally {
            agent.close();
        }
    }

    @Test
    void aSecondEditorSavingADraftSomeoneSavedSinceIsRefusedWithWhoAndWhen() throws Exception {
        String id = uniqueId();
        HttpResponse<String> r = Env.adminApi("POST", "admin/sops", SopRetirementPageIT.bundle(id, 1));
        assertEquals(201, r.statusCode(), r.body());

        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.open(Env.APP + "admin/sop-editor.xhtml?sop=" + id);
        assertTrue(browser.text(By.id("editing")).contains("Versão 2, a partir da versão 1"), browser.text(By.id("editing")));
        browser.click(By.id("editor:save"));
        assertTrue(browser.text(By.id("editor:messages")).contains("Rascunho salvo"));

        Browser other = new Browser();
        try {
            other.login(Env.ADMIN, Env.ADMIN_PASSWORD);
            other.open(Env.APP + "admin/index.xhtml");
            other.click(By.xpath("//*[@id='admin:drafts']//tr[td[normalize-space(.)='" + id + "']]//a[contains(@id,':openDraft')]"));
            other.waitForPage();
            assertEquals("Retiravel " + id, other.find(By.id("editor:sopTitle")).getAttribute("value"));

            typeAndLeave(browser, "editor:sopTitle", "Título da primeira aba");
            browser.click(By.id("editor:save"));
            assertTrue(browser.text(By.id("editor:messages")).contains("Rascunho salvo"));

            typeAndLeave(other, "editor:sopTitle", "Título da segunda aba");
            other.click(By.id("editor:save"));
            String refused = other.text(By.id("editor:messages"));
            assertTrue(refused.contains("O rascunho foi salvo por admin em") && refused.contains("nada foi gravado"), refused);
            assertEquals("Título da segunda aba", other.find(By.id("editor:sopTitle")).getAttribute("value"), "the refused editor keeps its changes");

            other.open(Env.APP + "admin/index.xhtml");
            other.click(By.xpath("//*[@id='admin:drafts']//tr[td[normalize-space(.)='" + id + "']]//a[contains(@id,':openDraft')]"));
            other.waitForPage();
            assertEquals("Título da primeira aba", other.find(By.id("editor:sopTitle")).getAttribute("value"), "never a silent overwrite");
            other.click(By.id("editor:discard"));
            other.waitForPage();
            assertTrue(other.text(By.id("admin:messages")).contains("Rascunho descartado"), other.text(By.id("admin:messages")));
            assertTrue(other.all(By.xpath("//*[@id='admin:drafts']//td[normalize-space(.)='" + id + "']")).isEmpty(), "the draft is gone");
        } finally {
            other.close();
        }
    }
}
