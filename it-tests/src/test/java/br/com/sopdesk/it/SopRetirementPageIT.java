package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administration page compares two versions of a SOP side by side and retires it with a reason;
 * the agent no longer finds it, and a link to it says it was retired and offers the search.
 */
@BlackBox
class SopRetirementPageIT extends BrowserTest {

    /** A small SOP; version 2 adds a step and retargets the question's "Não" to it. */
    static String bundle(String id, int version) {
        String extra = version > 1 ? "{\"id\": \"confere\", \"kind\": \"STEP\", \"title\": \"Confira o cadastro\", \"next\": \"sobe\"}," : "";
        return """
                {"id": "%s", "version": %d, "seed": "996", "title": "Retiravel %s", "keywords": ["%s"], "start": "q",
                 "nodes": [
                   {"id": "q", "kind": "QUESTION", "title": "Resolveu?",
                    "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "%s"}]},
                   %s
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}],
                 "qualitor": {"ticketType": "5", "category": "35", "location": "4", "severity": "2"}}
                """.formatted(id, version, id, id, version > 1 ? "confere" : "sobe", extra);
    }

    static By inRow(String sopId, String button) {
        return By.xpath("//tbody/tr[td[normalize-space(.)='" + sopId + "']]//button[contains(@id,':" + button + "')]");
    }

    @Test
    void adminComparesAndRetiresASopAndTheAgentNoLongerFindsIt() throws Exception {
        String id = "retiravel" + UUID.randomUUID().toString().substring(0, 8);
        for (int v = 1; v <= 2; v++) {
            HttpResponse<String> r = Env.adminApi("POST", "admin/sops", bundle(id, v));
            assertEquals(201, r.statusCode(), r.body());
        }
        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.click(By.id("session:nav-admin"));
        browser.waitForPage();

        browser.click(inRow(id, "compare"));
        String changes = browser.text(By.id("admin:changes"));
        assertTrue(changes.contains("Nó incluído") && changes.contains("confere"), changes);
        assertTrue(changes.contains("Opção leva a outro nó") && changes.contains("sobe") , changes);
        assertEquals(1, browser.all(By.cssSelector(".diff-newer .diff-added[data-node='confere']")).size(), "the new node marked in v2");
        assertEquals(1, browser.all(By.cssSelector(".diff-older .diff-changed[data-node='q']")).size(), "the retargeted question marked in v1");
        assertEquals(1, browser.all(By.cssSelector(".diff-newer .diff-changed[data-node='q']")).size(), "and in v2");

        browser.click(inRow(id, "retire"));
        browser.click(By.id("admin:confirmRetirement"));
        assertTrue(browser.text(By.id("admin:reason-message")).contains("Informe o motivo"), "a reason is required");
        browser.type(By.id("admin:reason"), "Substituído por um SOP novo");
        browser.click(By.id("admin:confirmRetirement"));
        assertTrue(browser.text(By.id("admin:messages")).contains("SOP " + id + " retirado"), browser.text(By.id("admin:messages")));
        assertTrue(browser.find(By.xpath("//tbody/tr[td[normalize-space(.)='" + id + "']]")).getText().contains("Retirado"));

        Browser agent = new Browser();
        try {
            agent.login(Env.AGENT, Env.AGENT_PASSWORD);
            agent.search(id);
            agent.find(By.id("no-results"));
            assertTrue(agent.all(By.cssSelector("[data-sop='" + id + "']")).isEmpty(), "gone from the agent's search");

            agent.open(Env.APP + "app/sop.xhtml?id=" + id + "&cnpj=11.222.333/0001-81");
            String notice = agent.text(By.id("retired-text"));
            assertTrue(notice.contains("Retiravel " + id) && notice.contains("foi retirado"), notice);
            assertTrue(agent.driver().getCurrentUrl().contains("app/index.xhtml") && agent.driver().getCurrentUrl().contains("cnpj="),
                    "the search, keeping the customer: " + agent.driver().getCurrentUrl());
            agent.find(By.id("search:q"));
        } finally {
            agent.close();
        }
    }
}
