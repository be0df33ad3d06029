package br.com.sopdesk.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link StandaloneSandbox} per test class, reset before each test; register it as a static
 * field with {@code @RegisterExtension}.
 */
final class RunningSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private StandaloneSandbox sandbox;
    private WireClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = StandaloneSandbox.start();
        client = new WireClient(sandbox);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.close();
    }

    StandaloneSandbox sandbox() {
        return sandbox;
    }

    WireClient client() {
        return client;
    }
}
