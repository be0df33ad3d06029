package br.com.sopdesk.it;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Turns Arquillian's deployment per test class into one per run (see {@link OneDeployment}): at the
 * suite's start, once the container is reached, it generates and deploys {@link SopDeskDeployment};
 * each test class is then handed that same deployment (so an in-container class finds its test
 * module and protocol) instead of generating, deploying and undeploying its own; at the suite's end
 * the deployment is undeployed. Registered as a service in {@code META-INF/services}.
 */
public class OneDeploymentPerRun implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Run.class);
    }

    /** The observer: one instance per Arquillian runner, which {@link OneDeployment} keeps for the run. */
    public static class Run {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> scenario;

        @Inject
        private Instance<ClassContext> classContext;

        @Inject
        private Event<GenerateDeployment> generate;

        @Inject
        private Event<DeployManagedDeployments> deploy;

        @Inject
        private Event<UnDeployManagedDeployments> undeploy;

        private DeploymentScenario deployed;
        /** True while this observer itself drives a step (which then goes through). */
        private boolean own;

        public void deployOnce(@Observes EventContext<BeforeSuite> suite) {
            suite.proceed(); // the containers are set up and reached
            inDeploymentClass(() -> {
                generate.fire(new GenerateDeployment(new TestClass(SopDeskDeployment.class)));
                deployed = scenario.get();
                deploy.fire(new DeployManagedDeployments());
            });
        }

        public void undeployOnce(@Observes EventContext<AfterSuite> suite) {
            try {
                if (deployed != null) {
                    inDeploymentClass(() -> undeploy.fire(new UnDeployManagedDeployments()));
                }
            } finally {
                suite.proceed();
            }
        }

        /** A test class gets the run's deployment instead of generating its own. */
        public void shareDeployment(@Observes EventContext<GenerateDeployment> generation) {
            if (own) {
                generation.proceed();
            } else {
                scenario.set(deployed);
            }
        }

        public void deployOnlyOnce(@Observes EventContext<DeployManagedDeployments> deployment) {
            if (own) {
                deployment.proceed();
            }
        }

        public void undeployOnlyAtTheEnd(@Observes EventContext<UnDeployManagedDeployments> undeployment) {
            if (own) {
                undeployment.proceed();
            }
        }

        private void inDeploymentClass(Runnable step) {
            ClassContext context = classContext.get();
            context.activate(SopDeskDeployment.class);
            own = true;
            try {
                step.run();
            } finally {
                own = false;
                context.deactivate();
            }
        }
    }
}
