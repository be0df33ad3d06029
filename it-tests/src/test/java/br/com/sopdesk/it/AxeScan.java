package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Deque's axe-core run in the page a browser test has reached, state after state, with every rule
 * axe has (WCAG 2.0/2.1 A and AA and its best practices). The serious and critical violations of all
 * the states are gathered and fail the test at the end, each with its rule, axe's help and the
 * nodes' selectors, so one run shows everything to fix; the moderate and minor ones are printed.
 * Also checks what axe cannot: the page's title names the page (its h1) before the application.
 */
final class AxeScan {

    private static final Set<String> FAILING = Set.of("serious", "critical");

    private final List<String> failures = new ArrayList<>();

    /** Runs axe on what {@code browser} shows now; {@code state} names it in the messages. */
    void check(Browser browser, String state) {
        browser.waitForAjax();
        // legacy mode: axe runs whole in the page. The default opens an about:blank window to merge
        // the frames' results, which times out on a loaded machine; the pages have no frames.
        Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver());
        if (results.isErrored()) {
            failures.add("[" + state + "] axe could not run: " + results.getErrorMessage());
            return;
        }
        for (Rule rule : results.getViolations()) {
            String line = "[" + state + "] " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getHelpUrl()
                    + nodes(rule);
            if (FAILING.contains(rule.getImpact())) {
                failures.add(line);
            } else {
                System.out.println("axe, not failing: " + line);
            }
        }
        titleNamesThePage(browser, state);
    }

    private void titleNamesThePage(Browser browser, String state) {
        String title = browser.driver().getTitle();
        List<org.openqa.selenium.WebElement> h1 = browser.all(By.tagName("h1"));
        if (h1.size() != 1) {
            failures.add("[" + state + "] one h1 per page, found " + h1.size());
            return;
        }
        String heading = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].textContent.replace(/\\s+/g, ' ').trim();", h1.get(0));
        if (!title.startsWith(heading)) {
            failures.add("[" + state + "] the title \"" + title + "\" does not begin with the page's heading \"" + heading + "\"");
        }
    }

    private static String nodes(Rule rule) {
        StringBuilder s = new StringBuilder();
        for (CheckedNode node : rule.getNodes()) {
            s.append("\n      at ").append(node.getTarget());
            if (node.getFailureSummary() != null) {
                s.append(" — ").append(node.getFailureSummary().replace('\n', ' '));
            }
        }
        return s.toString();
    }

    /** Fails with every serious or critical violation seen in the states checked so far. */
    void assertNoSeriousViolations() {
        assertTrue(failures.isEmpty(), failures.size() + " accessibility problem(s):\n" + String.join("\n", failures));
    }
}
