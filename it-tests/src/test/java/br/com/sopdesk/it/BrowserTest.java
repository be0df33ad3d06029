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

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
