package br.com.sopdesk.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the browser tests: a fresh headless Chromium per test, closed afterwards. */
@ExtendWith(Browser.OnFailure.class)
abstract class BrowserTest {

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    /** Picks the option of a SOP question by the start of its label. */
    void answer(String question, String labelStart) {
        browser.click(org.openqa.selenium.By.xpath("//*[contains(@class,'question-" + question
                + "')]//label[starts-with(normalize-space(.),'" + labelStart + "')]"));
    }

    /** Fills the ticket form of an escalating SOP (the document comes separately, often from the URL). */
    void fillIntake(String name, String description, String phone1, String phone2, String email) {
        browser.type(org.openqa.selenium.By.id("walk:customerName"), name);
        browser.type(org.openqa.selenium.By.id("walk:description"), description);
        browser.type(org.openqa.selenium.By.id("walk:triedSolution"), "Passos do SOP feitos com o cliente, sem resolver.");
        browser.type(org.openqa.selenium.By.id("walk:phone1"), phone1);
        browser.type(org.openqa.selenium.By.id("walk:phone2"), phone2);
        browser.type(org.openqa.selenium.By.id("walk:email"), email);
    }

    /** Fills one of the SOP's own fields of the ticket form by its name. */
    void fillField(String name, String value) {
        browser.type(org.openqa.selenium.By.cssSelector("[data-field='" + name + "'] input"), value);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
