package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the SOPs achieve: an agent of its own walks the lost-password seed SOP three times (left
 * at its second question when the next walk starts, solved, escalated to a demand number) and the
 * supervisor's page counts exactly those walks more than before, with where the first was
 * abandoned; administrators open the page too, agents are refused it.
 */
@BlackBox
class WalkInsightsIT extends BrowserTest {

    static final String SOP = "perda-de-senha";
    static final String PAGE = "supervisor/insights.xhtml?days=7&sop=" + SOP;

    /**
     * The figures of the SOP's row and its funnel's count at the node the first walk stops at, as
     * the page shows them; zeros while the SOP has no walk in the period (no row).
     */
    static Map<String, Integer> figures(Browser page) {
        page.open(Env.APP + PAGE);
        page.find(By.id("insights:figures"));
        Map<String, Integer> out = new LinkedHashMap<>();
        String row = "//tr[.//span[@data-sop='" + SOP + "']]";
        boolean walked = !page.all(By.xpath(row)).isEmpty();
        for (String figure : new String[] {"started", "solved", "escalated", "demand", "abandoned"}) {
            out.put(figure, walked ? Integer.parseInt(page.text(By.xpath(row + "//span[@class='" + figure + "']"))) : 0);
        }
        var funnel = page.all(By.xpath("//*[@data-node='a1-esgotou']/ancestor::tr//span[@class='walks']"));
        out.put("abandoned at a1-esgotou", funnel.isEmpty() ? 0 : Integer.parseInt(funnel.get(0).getText().strip()));
        return out;
    }

    @Test
    void theSupervisorSeesTheWalksOfAnAgentCountedByHowTheyEnded() throws Exception {
        String agent = "agente-insights-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "senha-dos-resultados-1";
        HttpResponse<String> created = Env.adminApi("POST", "admin/users", "{\"username\":\"" + agent + "\",\"displayName\":\"Agente dos resultados\","
                + "\"password\":\"" + password + "\",\"roles\":[\"agent\"]}");
        assertEquals(201, created.statusCode(), created.body());

        Browser supervisor = new Browser();
        try {
            supervisor.login("supervisor", "supervisor-demo");
            Map<String, Integer> before = figures(supervisor);

            browser.login(agent, password);
            // left at its second question: the agent opens the SOP again before an outcome
            browser.open(Env.APP + "app/sop.xhtml?id=" + SOP);
            answer("tipo", "A1");
            browser.find(By.cssSelector(".question-a1-esgotou"));
            // solved on the call
            browser.open(Env.APP + "app/sop.xhtml?id=" + SOP);
            answer("tipo", "A1");
            answer("a1-esgotou", "Não");
            browser.find(By.id("walk:solved"));
            // escalated: the ticket reaches Qualitor with a demand number
            browser.open(Env.APP + "app/sop.xhtml?id=" + SOP + "&cnpj=" + Env.freshCnpj());
            answer("tipo", "A1");
            answer("a1-esgotou", "Sim");
            fillIntake("Comércio dos Resultados Ltda.", "Cliente perdeu a senha do certificado A1 e esgotou as tentativas.",
                    "(51) 99999-0000", "(51) 3333-0000", "ti@resultados.com.br");
            browser.click(By.id("walk:save"));
            String number = browser.waiting(Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
            assertTrue(number.matches("\\d+"), number);

            Map<String, Integer> after = figures(supervisor);
            Map<String, Integer> added = new LinkedHashMap<>();
            after.forEach((k, v) -> added.put(k, v - before.get(k)));
            assertEquals(Map.of("started", 3, "solved", 1, "escalated", 1, "demand", 0, "abandoned", 1, "abandoned at a1-esgotou", 1), added,
                    "before " + before + ", after " + after);
            assertTrue(supervisor.all(By.cssSelector("#insights\\:categories span.category")).size() >= 1, "the escalation's category is listed");
            assertTrue(supervisor.text(By.tagName("h1")).contains("Resultados dos SOPs"));
            assertTrue(!supervisor.all(By.cssSelector("#insights\\:funnel canvas")).isEmpty(), "the funnel chart is drawn");
        } finally {
            supervisor.close();
        }

        assertEquals(200, PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD).get(PAGE).statusCode(), "administrators open it too");
        assertEquals(403, PageSession.signedIn(agent, password).get(PAGE).statusCode(), "agents are refused it");
    }
}
