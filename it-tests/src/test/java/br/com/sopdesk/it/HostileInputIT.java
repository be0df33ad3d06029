package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import br.com.sopdesk.certificate.control.IcpCertificates;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Hostile input: markup and quotes typed into the free-text fields come back as text (no script
 * runs, no alert opens, the characters are shown as typed); SQL fragments typed into the search
 * fields are searched for like any words. Every free text a person can put into SOP Desk is
 * covered: search, intake and the SOP's own fields, reiteration reasons (agent and supervisor),
 * a supervisor's acknowledgement comment, category, user, SLA policy names, the texts of a SOP
 * bundle an administrator publishes, and the holder's name inside an uploaded certificate.
 */
@BlackBox
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
        browser.search(MARKUP);
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
            browser.search(sql);
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

    @Test
    void theSopsOwnFieldsAndTheAgentsReiterationReasonEchoMarkupAsText() throws Exception {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=token-em-branco&cnpj=12.ABC.345/01DE-35");
        answer("midia-em-branco", "Não: a mídia está em branco");
        fillIntake("Comércio Alfanumérico S.A.", "SafeSign não mostra cadeias, chave pública nem certificado no token.",
                "(11) 98888-7777", "telefone inválido", "ti@alfa.com.br");
        browser.type(By.id("walk:extra:0:field"), MARKUP);
        browser.click(By.id("walk:save"));
        assertNoScriptRan();
        assertNoServerError();
        assertEquals(MARKUP, browser.find(By.id("walk:extra:0:field")).getAttribute("value"), "the SOP's own field shown as typed");
        browser.type(By.id("walk:phone2"), "(11) 3222-1111");
        browser.click(By.id("walk:save"));
        String number = browser.waiting(java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertNoScriptRan();

        browser.open(Env.APP + "app/sop.xhtml?id=reiterar-demanda&chamado=" + number);
        answer("aberta", "Sim");
        browser.type(By.id("walk:reason"), MARKUP);
        browser.click(By.id("walk:act"));
        assertNoScriptRan();
        assertNoServerError();
        assertTrue(browser.text(By.id("demand-done")).contains(number));

        signInAgain(Env.ADMIN, Env.ADMIN_PASSWORD);
        // the customer's reason goes to Qualitor; the append-only trail keeps only its length
        auditShows("demanda " + number, "motivo informado (" + MARKUP.strip().length() + " caracteres)");
        assertFalse(browser.text(By.id("audit:entries")).contains("apóstrofo"), "the reason's text stays out of the audit trail");
    }

    @Test
    void aSupervisorsCommentAndReasonAndAPolicyNameEchoMarkupAsText() throws Exception {
        ShortClocks.Alerted t = ShortClocks.ticketWithAlert(MARKUP);
        HttpResponse<String> ack = Env.api("POST", "sla/alerts/" + t.alertId() + "/ack", SUPERVISOR, SUPERVISOR_PASSWORD,
                "{\"comment\":" + Tickets.quote(MARKUP) + "}", null);
        assertEquals(200, ack.statusCode(), ack.body());

        browser.login(SUPERVISOR, SUPERVISOR_PASSWORD);
        browser.open(Env.APP + "supervisor/");
        browser.click(By.xpath("//*[@id='board:standing']//label[normalize-space(.)='Todos']"));
        browser.everyRow("board:clocks");
        String row = "//tbody[@id='board:clocks_data']/tr[.//span[@class='demand' and text()='" + t.demand() + "']]";
        browser.click(By.xpath(row + "//div[contains(@class,'ui-row-toggler')]"));
        browser.waiting(java.time.Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#board\\:clocks ol.timeline")).size() > 0);
        assertNoScriptRan();
        assertTrue(browser.text(By.cssSelector("#board\\:clocks ol.timeline")).contains(MARKUP), "the acknowledgement comment on the timeline");

        browser.click(By.xpath(row + "//button[contains(@id,'reiterate')]"));
        browser.type(By.id("board:reason"), MARKUP);
        browser.click(By.id("board:confirmReiterate"));
        assertNoScriptRan();
        assertNoServerError();
        assertTrue(browser.text(By.id("board:messages")).contains(t.demand()), browser.text(By.id("board:messages")));

        signInAgain(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.click(By.id("session:nav-sla-admin"));
        browser.waitForPage();
        assertNoScriptRan();
        assertTrue(browser.text(By.id("sla:policies")).contains(MARKUP), "the SLA policy's name shown as typed");
        auditShows("pelo painel de SLA", "motivo informado (" + MARKUP.strip().length() + " caracteres)");
    }

    @Test
    void aPublishedSopsTextsEchoMarkupAsText() throws Exception {
        String word = "hostilsop" + UUID.randomUUID().toString().substring(0, 6);
        String id = "hostil-" + word.substring(9);
        String bundle = """
                {
                  "id": "%s", "version": 1, "seed": "998", "title": %s, "summary": %s, "keywords": ["%s"],
                  "start": "passo",
                  "nodes": [
                    {"id": "passo", "kind": "STEP", "title": %s, "text": %s, "checks": [%s], "next": "q"},
                    {"id": "q", "kind": "QUESTION", "title": "Resolveu?", "text": %s,
                     "options": [{"value": "sim", "label": %s, "next": "fim"}, {"value": "nao", "label": "Não", "next": "fim"}]},
                    {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim", "text": %s}
                  ],
                  "qualitor": {"ticketType": "5", "category": "35", "location": "4", "severity": "2", "titleTemplate": "Hostil"}
                }
                """.formatted(id, Tickets.quote(word + " " + MARKUP), Tickets.quote(MARKUP), word, Tickets.quote(MARKUP), Tickets.quote(MARKUP),
                Tickets.quote(MARKUP), Tickets.quote(MARKUP), Tickets.quote("Sim " + MARKUP), Tickets.quote(MARKUP));
        HttpResponse<String> published = Env.adminApi("POST", "admin/sops", bundle);
        assertEquals(201, published.statusCode(), published.body());

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.search(word);
        assertNoScriptRan();
        assertTrue(browser.text(By.cssSelector("[data-sop='" + id + "']")).contains(MARKUP), "title and summary shown as typed");
        browser.open(Env.APP + "app/sop.xhtml?id=" + id);
        assertNoScriptRan();
        assertNoServerError();
        assertTrue(browser.text(By.id("sop-title")).contains(MARKUP));
        String walk = browser.text(By.id("walk"));
        assertTrue(walk.contains(MARKUP), "step title, text and checks shown as typed: " + walk);
        answer("q", "Sim");
        assertNoScriptRan();
        assertTrue(browser.text(By.cssSelector("[data-node='fim']")).contains(MARKUP), "the outcome's text shown as typed");
    }

    @Test
    void theHolderNameInsideAnUploadedCertificateEchoesAsText() throws Exception {
        IcpCertificates.Holder h = new IcpCertificates.Holder();
        h.commonName = MARKUP + ":52998224725";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("certificado-hostil", ".cer");
        java.nio.file.Files.write(file, IcpCertificates.der(IcpCertificates.holder(h)));
        try {
            browser.login(Env.AGENT, Env.AGENT_PASSWORD);
            browser.open(Env.APP + "app/sop.xhtml?id=sem-matricula-cei");
            browser.driver().findElement(By.id("walk:certificate-file_input")).sendKeys(file.toAbsolutePath().toString());
            browser.waiting(java.time.Duration.ofSeconds(20))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("cert-holder")));
            browser.waitForAjax();
            assertNoScriptRan();
            assertNoServerError();
            assertEquals(MARKUP, browser.text(By.id("cert-holder")), "the attacker's common name shown as text");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static final String SUPERVISOR = "supervisor";
    private static final String SUPERVISOR_PASSWORD = "supervisor-demo";

    private void signInAgain(String user, String password) {
        browser.driver().manage().deleteAllCookies();
        browser.login(user, password);
    }

    /** The audit page, searched for {@code search}, shows {@code text} as typed, and no script ran. */
    private void auditShows(String search, String text) {
        browser.click(By.id("session:nav-admin"));
        browser.waitForPage();
        browser.click(By.id("admin-nav-audit"));
        browser.waitForPage();
        browser.type(By.id("audit:text"), search);
        browser.click(By.id("audit:search"));
        assertNoScriptRan();
        assertTrue(browser.text(By.id("audit:entries")).contains(text), "audit entry shown as typed: " + browser.text(By.id("audit:entries")));
    }
}
