package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Signing in: the pages are closed to anonymous users, a wrong password is refused plainly, and a
 * sign-in gives the session a new id (a session id planted before it is worth nothing after).
 */
@BlackBox
class LoginIT extends BrowserTest {

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        browser.open(Env.APP + "app/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"), browser.driver().getCurrentUrl());
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        browser.login(Env.AGENT, "not-the-password");
        assertTrue(browser.text(By.id("login:messages")).contains("Usuário ou senha inválidos"));
        assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"));
    }

    @Test
    void signingInChangesTheSessionId() throws Exception {
        PageSession visitor = new PageSession();
        visitor.get("login.xhtml");
        String before = visitor.sessionId();
        assertNotNull(before, "the login page has a session (its view state)");
        assertEquals(302, visitor.login(Env.AGENT, Env.AGENT_PASSWORD).statusCode());
        String after = visitor.sessionId();
        assertNotEquals(before, after, "a new session id at sign-in");
        assertEquals(200, visitor.get("app/index.xhtml").statusCode());

        java.net.http.HttpResponse<String> withOldId = Env.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Env.APP + "app/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + before).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, withOldId.statusCode(), "the id from before the sign-in does not open the pages");
        assertTrue(withOldId.headers().firstValue("Location").orElse("").contains("login.xhtml"));
    }

    @Test
    void englishIsSelectableAndKeepsTheOpenSop() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=token-em-branco");
        browser.click(By.id("session:lang-en"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("sop-title")).contains("token em branco"), "same SOP after switching");
        assertTrue(browser.text(By.id("session:nav-sops")).contains("Procedures"), "header in English");
        browser.click(By.id("session:lang-pt"));
        browser.waitForPage();
        assertTrue(browser.text(By.id("session:nav-sops")).contains("Procedimentos"));
    }

    @Test
    void agentSeesTheSopListAndTheirName() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        assertEquals(Env.AGENT, browser.text(By.id("current-user")));
        assertTrue(browser.text(By.id("search:results")).contains("perda de senha"));
    }
}
