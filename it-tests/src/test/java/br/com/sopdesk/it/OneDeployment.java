package br.com.sopdesk.it;

import java.lang.reflect.Method;
import org.jboss.arquillian.test.spi.LifecycleMethodExecutor;
import org.jboss.arquillian.test.spi.TestMethodExecutor;
import org.jboss.arquillian.test.spi.TestResult;
import org.jboss.arquillian.test.spi.TestRunnerAdaptor;
import org.jboss.arquillian.test.spi.TestRunnerAdaptorBuilder;
import org.jboss.arquillian.test.spi.event.suite.TestLifecycleEvent;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The run's one deployment of SOP Desk. The application must exist once on the server (its context
 * root, its Flyway migrations, its EJB timers), while Arquillian deploys per test class by default.
 * So one Arquillian runner serves the whole run, whatever engine the class runs on (Jupiter, jqwik):
 * the first class that needs the application starts it, which deploys {@link SopDeskDeployment} at
 * the suite's start ({@link OneDeploymentPerRun}); Arquillian's JUnit 5 extension is handed the same
 * runner for the in-container classes; the application is undeployed when the whole test plan ends
 * ({@link RunEnd}). A failed deployment fails every class with its cause, without trying again.
 */
public final class OneDeployment implements BeforeAllCallback {

    /** The configuration parameter Arquillian sets when it runs a class inside the server. */
    private static final String INSIDE = "insideArquillian";

    private static TestRunnerAdaptor runner;
    private static Exception failure;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (context.getConfigurationParameter(INSIDE).map(Boolean::parseBoolean).orElse(false)) {
            return; // inside the server: the deployment is where this runs
        }
        ensure();
    }

    /** Deploys the application unless this run already did; throws what a failed deployment threw. */
    public static synchronized void ensure() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("SOP Desk could not be deployed for this run (see the first failure)", failure);
        }
        if (runner != null) {
            return;
        }
        // arquillian.xml reads the admin port of the run's domain from here
        System.setProperty("sopdesk.it.adminPort", String.valueOf(Env.PORTBASE + 48));
        TestRunnerAdaptor built = TestRunnerAdaptorBuilder.build();
        try {
            built.beforeSuite();
        } catch (Exception e) {
            failure = e;
            built.shutdown();
            throw e;
        }
        runner = built;
        TestRunnerAdaptorBuilder.set(new Shared(built));
    }

    /** Undeploys the application, once every class of the run has run. */
    static synchronized void end() throws Exception {
        if (runner == null) {
            return;
        }
        try {
            runner.afterSuite();
        } finally {
            runner.shutdown();
            runner = null;
            TestRunnerAdaptorBuilder.set(null);
        }
    }

    /** Ends the deployment after the last engine of the test plan (registered as a service). */
    public static final class RunEnd implements TestExecutionListener {
        @Override
        public void testPlanExecutionFinished(TestPlan testPlan) {
            try {
                end();
            } catch (Exception e) {
                throw new IllegalStateException("undeploying SOP Desk at the end of the run", e);
            }
        }
    }

    /**
     * The run's runner as Arquillian's JUnit 5 extension sees it: the suite's start and end belong to
     * the run, not to the Jupiter engine, so they pass; the rest goes through.
     */
    private record Shared(TestRunnerAdaptor runner) implements TestRunnerAdaptor {

        @Override
        public void beforeSuite() {
        }

        @Override
        public void afterSuite() {
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void beforeClass(Class<?> testClass, LifecycleMethodExecutor executor) throws Exception {
            runner.beforeClass(testClass, executor);
        }

        @Override
        public void afterClass(Class<?> testClass, LifecycleMethodExecutor executor) throws Exception {
            runner.afterClass(testClass, executor);
        }

        @Override
        public void before(Object testInstance, Method testMethod, LifecycleMethodExecutor executor) throws Exception {
            runner.before(testInstance, testMethod, executor);
        }

        @Override
        public void after(Object testInstance, Method testMethod, LifecycleMethodExecutor executor) throws Exception {
            runner.after(testInstance, testMethod, executor);
        }

        @Override
        public TestResult test(TestMethodExecutor testMethodExecutor) throws Exception {
            return runner.test(testMethodExecutor);
        }

        @Override
        public <T extends TestLifecycleEvent> void fireCustomLifecycle(T event) throws Exception {
            runner.fireCustomLifecycle(event);
        }
    }
}
