package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Hostile input: markup and quotes typed into the free-text fields come back as text (no script
 * runs, no alert opens, the characters are shown as typed); SQL fragments typed into the search
 * fields are searched for like any words.
 */
class HostileInputIT extends BrowserTest {

    static final String MARKUP = "<script>alert('xss')</script><img src=x onerror=alert(\"xss\")> \"aspas\" 'apóstrofo' & </textarea>";
    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE audit_entry; --", "%' UNION SELECT password_hash FROM user_account --", "\\_%");

    private void assertNoScriptRan() {
        try {
            String text = browser.driver().switchTo().alert().getText();
            fail("a script ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertTrue(browser.all(By.cssSelector("img[src='x']")).isEmpty(), "the markup became an element");
    }

    private void assertNoServerError() {
        String page = browser.driver().getPageSource();
        assertFalse(page.contains("Algo deu errado") || page.contains("HTTP Status 500") || page.contains("Internal Server Error"),
                "error page: " + browser.driver().getCurrentUrl());
    }

    @Test
    void searchAndIntakeFieldsEchoMarkupAsText() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.type(By.id("search:q"), MARKUP);
        browser.waitForAjax();
        browser.find(By.id("no-results"));
        assertNoScriptRan();
        assertEquals(MARKUP, browser.find(By.id("search:q")).getAttribute("value"));

        browser.open(Env.APP + "app/sop.xhtml?id=perda-de-senha");
        answer("tipo", "A1 (arquivo)");
        answer("a1-esgotou", "Sim");
        browser.type(By.id("walk:document"), "11.222.333/0001-81");
        fillIntake(MARKUP, MARKUP, MARKUP, "(51) 3333-0000", MARKUP);
        browser.click(By.id("walk:save"));
        assertNoScriptRan();
        assertNoServerError();
        for (String field : List.of("walk:customerName", "walk:description", "walk:email")) {
            assertEquals(MARKUP, browser.find(By.id(field)).getAttribute("value"), field + " shown as typed");
        }
        assertTrue(browser.driver().getPageSource().contains("&lt;script&gt;") || browser.driver().getPageSource().contains("&lt;script"),
                "the markup is escaped in the page");
    }

    @Test
    void sqlInSearchFieldsIsJustText() throws Exception {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        for (String sql : SQL) {
            browser.type(By.id("search:q"), sql);
            browser.waitForAjax();
            assertNoServerError();
            assertTrue(browser.all(By.id("no-results")).size() + browser.all(By.cssSelector(".sop-card")).size() > 0, sql);
            int api = Env.agentApi("GET", "sops?q=" + URLEncoder.encode(sql, StandardCharsets.UTF_8), null).statusCode();
            assertEquals(200, api, "API search for " + sql);
            int audit = Env.adminApi("GET", "admin/audit?q=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)
                    + "&actor=" + URLEncoder.encode(sql, StandardCharsets.UTF_8) + "&action=" + URLEncoder.encode(sql, StandardCharsets.UTF_8), null).statusCode();
            assertEquals(200, audit, "audit search for " + sql);
        }
        assertEquals(200, Env.adminApi("GET", "admin/audit?limit=1", null).statusCode(), "the audit table is still there");
    }

    @Test
    void administrationFieldsEchoMarkupAsText() {
        String code = "X" + (System.nanoTime() % 100000);
        String user = "hostil-" + UUID.randomUUID().toString().substring(0, 6);
        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.click(By.id("session:nav-admin"));
        browser.waitForPage();

        browser.type(By.id("admin:newCode"), code);
        browser.type(By.id("admin:newName"), MARKUP);
        browser.click(By.id("admin:createCategory"));
        assertNoScriptRan();
        assertTrue(browser.text(By.id("admin:categories")).contains(MARKUP), "category name shown as typed");

        browser.click(By.id("admin-nav-users"));
        browser.waitForPage();
        browser.type(By.id("users:newUsername"), user);
        browser.type(By.id("users:newDisplayName"), MARKUP);
        browser.type(By.id("users:newPassword"), "senha-hostil-123");
        browser.click(By.id("users:create"));
        assertNoScriptRan();
        assertTrue(browser.text(By.id("users:accounts")).contains(MARKUP), "display name shown as typed");

        browser.click(By.id("admin-nav-audit"));
        browser.waitForPage();
        assertNoScriptRan();
        assertTrue(browser.text(By.id("audit:entries")).contains(MARKUP), "audit detail shown as typed");
        for (String text : List.of(MARKUP, SQL.get(0), SQL.get(1))) {
            browser.type(By.id("audit:text"), text);
            browser.click(By.id("audit:search"));
            assertNoScriptRan();
            assertNoServerError();
        }
        browser.type(By.id("audit:text"), "categoria " + code);
        browser.click(By.id("audit:search"));
        assertTrue(browser.text(By.id("audit:entries")).contains("categoria.criada"), "the search finds the new category");
    }
}
