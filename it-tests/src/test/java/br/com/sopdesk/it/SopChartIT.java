package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.SopBundleJson;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The agent sees the whole SOP as a flow chart beside the walk ("Visão geral do procedimento"): one
 * box per node, the path walked so far highlighted and redrawn as the agent answers, without the
 * overview closing or the walk's keys changing; drawn without inline styles or scripts, named for
 * screen readers, given as text too, and passing axe.
 */
@BlackBox
class SopChartIT extends BrowserTest {

    static final String SOP = "perda-de-senha";

    private final AxeScan axe = new AxeScan();

    static SopBundle published(String id) throws Exception {
        HttpResponse<String> r = Env.agentApi("GET", "sops/" + id, null);
        assertEquals(200, r.statusCode(), r.body());
        return SopBundleJson.read(r.body());
    }

    Set<String> boxes(String cssClass) {
        return browser.all(By.cssSelector("#sop-chart svg.sop-chart-drawing g.sop-chart-box" + cssClass)).stream()
                .map(b -> b.getAttribute("data-chart-node")).collect(Collectors.toSet());
    }

    Set<String> walkedEdges() {
        return browser.all(By.cssSelector("#sop-chart svg.sop-chart-drawing g.sop-chart-edge.walked")).stream()
                .map(e -> e.getAttribute("data-from") + "→" + e.getAttribute("data-to")).collect(Collectors.toSet());
    }

    boolean overviewOpen() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("return document.getElementById('overview').open;"));
    }

    @Test
    void theAgentOpensTheOverviewAndSeesTheWalkedPathHighlightedAsTheyAnswer() throws Exception {
        SopBundle bundle = published(SOP);
        Set<String> nodes = bundle.nodes().stream().map(SopNode::id).collect(Collectors.toSet());
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=" + SOP);
        assertFalse(browser.driver().findElement(By.id("sop-chart")).isDisplayed(), "closed until the agent opens it");

        browser.click(By.id("overview-toggle"));
        browser.find(By.cssSelector("#sop-chart svg.sop-chart-drawing"));
        assertEquals(nodes, boxes(""), "one box per node");
        assertEquals(nodes.size(), browser.all(By.cssSelector("#sop-chart svg.sop-chart-drawing g.sop-chart-box")).size());
        assertEquals(Set.of(bundle.start()), boxes(".walked"), "only the start is walked before any answer");
        assertEquals(Set.of(bundle.start()), boxes(".current"));
        assertTrue(walkedEdges().isEmpty());
        assertTrue(browser.text(By.cssSelector("#sop-chart [data-chart-node='resolvido']")).contains("Resolvido"),
                "an outcome says what it is in words, not by colour alone");
        assertTrue(browser.text(By.cssSelector("#sop-chart [data-chart-node='escalar']")).contains("Escalar"));

        answer("tipo", "A1");
        browser.find(By.cssSelector("[data-node='a1-esgotou']"));
        assertTrue(overviewOpen(), "the overview stays open through the walk's update");
        assertEquals(Set.of("tipo", "a1-documentacao", "a1-esgotou"), boxes(".walked"), "the answered path highlighted");
        assertEquals(Set.of("a1-esgotou"), boxes(".current"));
        assertEquals(Set.of("tipo→a1-documentacao", "a1-documentacao→a1-esgotou"), walkedEdges());
        assertTrue(browser.driver().findElement(By.cssSelector("#sop-chart g[data-chart-node='a1-esgotou']")).getAttribute("class")
                .contains("current"));

        // the walk's keys still answer with the overview open: digit 2 is "Não: encontrou a senha"
        new Actions(browser.driver()).sendKeys("2").perform();
        browser.waitForAjax();
        browser.find(By.id("walk:solved"));
        assertEquals(Set.of("tipo", "a1-documentacao", "a1-esgotou", "resolvido"), boxes(".walked"));
        assertEquals(Set.of("resolvido"), boxes(".current"));
        assertTrue(walkedEdges().contains("a1-esgotou→resolvido"), walkedEdges().toString());

        // changing an earlier answer takes the highlight off the branch left
        answer("tipo", "A3");
        browser.find(By.cssSelector("[data-node='a3-resolveu']"));
        assertEquals(Set.of("tipo", "a3-desbloqueio", "a3-resolveu"), boxes(".walked"));
        assertEquals(Set.of("tipo→a3-desbloqueio", "a3-desbloqueio→a3-resolveu"), walkedEdges());
    }

    @Test
    void theChartIsNamedGivenAsTextDrawnWithoutInlineStylesAndPassesAxe() throws Exception {
        SopBundle bundle = published(SOP);
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=" + SOP);
        browser.click(By.id("overview-toggle"));
        WebElement drawing = browser.find(By.cssSelector("#sop-chart svg.sop-chart-drawing"));
        assertEquals("img", drawing.getDomAttribute("role"));
        String name = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].getAttribute('aria-labelledby').split(' ').map(function (id) {"
                        + " return document.getElementById(id).textContent; }).join(' ');", drawing);
        assertTrue(name.startsWith("Fluxograma do SOP " + bundle.title()), name);
        assertNotNull(drawing.getDomAttribute("viewBox"), "scales with its container");

        String legend = browser.text(By.cssSelector("#sop-chart .sop-chart-legend"));
        for (String word : List.of("Passo", "Pergunta", "Resolvido", "Escalar", "Reiterar", "Reiniciar", "Outro SOP", "caminho percorrido")) {
            assertTrue(legend.contains(word), "the legend names " + word + ": " + legend);
        }

        browser.click(By.xpath("//*[@id='sop-chart']//summary[normalize-space(.)='Fluxograma em texto']"));
        List<WebElement> items = browser.all(By.cssSelector("#sop-chart .sop-chart-text li[data-chart-item]"));
        assertEquals(bundle.nodes().size(), items.size(), "every node in the text alternative");
        String start = browser.text(By.cssSelector("#sop-chart li[data-chart-item='" + bundle.start() + "']"));
        assertTrue(start.contains(bundle.node(bundle.start()).title()) && start.contains("você está aqui"), start);
        assertTrue(start.contains("→"), "and where each answer leads: " + start);

        assertTrue(browser.all(By.cssSelector("#sop-chart [style], #sop-chart script")).isEmpty(), "no inline style or script (CSP)");
        assertTrue(browser.console().stream().noneMatch(m -> m.contains("Content Security Policy")), browser.console().toString());
        axe.check(browser, "walk: the overview open, with its text");
        answer("tipo", "A3");
        browser.find(By.cssSelector("[data-node='a3-resolveu']"));
        axe.check(browser, "walk: the overview after an answer");
        axe.assertNoSeriousViolations();
    }
}
