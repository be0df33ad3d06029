package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administration pages: publishing a SOP version (a bad one refused with its line), the audit
 * trail, and the connection to Qualitor proved from the page.
 */
@BlackBox
class AdminPageIT extends BrowserTest {

    @Test
    void adminPublishesAVersionAndSeesItInTheAuditTrail() {
        String id = "pagina-" + UUID.randomUUID().toString().substring(0, 8);
        String json = "{\n\"id\": \"" + id + "\",\n\"version\": 1,\n\"seed\": \"998\",\n\"title\": \"Publicado pela página\",\n\"start\": \"fim\",\n"
                + "\"nodes\": [{\"id\": \"fim\", \"kind\": \"OUTCOME\", \"outcome\": \"SOLVED\", \"title\": \"Fim\"}]\n}";
        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.click(By.id("session:nav-admin"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("admin:categories")).contains("perda-de-senha"), "which SOPs use each category");

        browser.type(By.id("admin:bundle"), json.replace("\"start\": \"fim\"", "\"start\": \"inicio\""));
        browser.click(By.id("admin:publish"));
        String problems = browser.text(By.id("admin:bundle-problems"));
        assertTrue(problems.contains("linha 6") && problems.contains("'inicio' não existe"), problems);

        browser.type(By.id("admin:bundle"), json);
        browser.click(By.id("admin:publish"));
        assertTrue(browser.text(By.id("admin:messages")).contains("SOP " + id + " publicado na versão 1"));
        assertTrue(browser.text(By.id("admin:sops")).contains(id));
        browser.click(By.id("admin-nav-audit"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("audit:entries")).contains("SOP " + id + " v1"));
    }

    @Test
    void adminChecksTheQualitorConnectionFromThePageAndSeesEachCheckWithQualitorsNames() {
        browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
        browser.click(By.id("session:nav-admin"));
        browser.waitForPage();
        browser.click(By.id("admin-nav-qualitor"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("qualitor:settings")).contains("qualitor.wsdl-file"), "every setting is listed");
        browser.click(By.id("qualitor:check"));
        String results = browser.text(By.id("qualitor:checks"));
        assertTrue(results.contains("Perda de senha") && results.contains("8.20"), "Qualitor's own names and version: " + results);
        // other tests publish SOPs with codes of their own (not checkable, so "não verificado"); nothing may fail
        assertFalse(results.contains("falhou"), results);

        // the names read back stand beside the codes on the categories' list
        browser.click(By.id("admin-nav-catalog"));
        browser.waitForPage();
        String row = browser.text(By.xpath("//*[@id='admin:categories']//tbody/tr[td[normalize-space(.)='32']]"));
        assertTrue(row.contains("Perda de senha") && row.contains("lido em"), row);
    }

    @Test
    void deactivatingACategoryThatSopsInUseClassifyWithSaysWhichSops() throws Exception {
        String code = "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sop = "desativa-" + code.toLowerCase();
        assertEquals(200, Env.adminApi("PUT", "admin/categories/" + code, "{\"name\": \"Desativável\", \"active\": true}").statusCode());
        String bundle = "{\"id\": \"" + sop + "\", \"version\": 1, \"seed\": \"997\", \"title\": \"Usa " + code + "\", \"start\": \"fim\","
                + " \"nodes\": [{\"id\": \"fim\", \"kind\": \"OUTCOME\", \"outcome\": \"ESCALATE\", \"title\": \"Escalar\"}],"
                + " \"qualitor\": {\"ticketType\": \"5\", \"category\": \"" + code + "\", \"location\": \"4\", \"severity\": \"2\"}}";
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle).statusCode());
        try {
            browser.login(Env.ADMIN, Env.ADMIN_PASSWORD);
            browser.open(Env.APP + "admin/index.xhtml");
            By toggle = By.xpath("//*[@id='admin:categories']//tbody/tr[td[normalize-space(.)='" + code + "']]//button[contains(@id,':toggle')]");
            String row = browser.text(By.xpath("//*[@id='admin:categories']//tbody/tr[td[normalize-space(.)='" + code + "']]"));
            assertTrue(row.contains("Ainda não confirmado"), "no reference demand has read this code: " + row);
            browser.click(toggle);
            String said = browser.text(By.id("admin:messages"));
            assertTrue(said.contains("categoria " + code + " está inativa") && said.contains(sop), said);
        } finally {
            Env.adminApi("POST", "admin/sops/" + sop + "/retire", "{\"reason\": \"teste encerrado\"}");
        }
    }

    @Test
    void agentsCannotOpenTheAdministration() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        assertTrue(browser.all(By.id("session:nav-admin")).isEmpty(), "no admin link for agents");
        browser.open(Env.APP + "admin/index.xhtml");
        assertTrue(browser.driver().getPageSource().contains("403") || browser.driver().getTitle().contains("403")
                || browser.driver().getPageSource().toLowerCase().contains("forbidden"), browser.driver().getPageSource());
    }
}
