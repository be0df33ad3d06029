package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in: the pages are closed to anonymous users, a wrong password is refused plainly. */
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
