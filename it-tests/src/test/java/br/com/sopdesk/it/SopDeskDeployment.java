package br.com.sopdesk.it;

import br.com.sopdesk.it.probe.Probe;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the run deploys: the EAR the build made, as it is, with one test module added for the
 * in-container tests (the classes of {@code br.com.sopdesk.it.inside}, a CDI bean archive so
 * {@code @Inject} reaches the application's beans, and the ejb module's ICP-Brasil certificate
 * builder), and one probe bean added to the EJB module ({@link Probe}). Never a second copy of the
 * application beside it.
 */
public final class SopDeskDeployment {

    /** The test module's name; its context root is {@code /sopdesk-tests}. */
    static final String TEST_MODULE = "sopdesk-tests.war";
    private static final String EJB_MODULE = "sopdesk-ejb.jar";

    private SopDeskDeployment() {
    }

    @Deployment(testable = true)
    public static EnterpriseArchive application() {
        File built = new File(System.getProperty("sopdesk.ear", "../ear/target/sopdesk.ear"));
        if (!built.isFile()) {
            throw new IllegalStateException("no EAR at " + built.getAbsolutePath() + ": build the ear module first");
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
        WebArchive tests = ShrinkWrap.create(WebArchive.class, TEST_MODULE)
                .addPackage("br.com.sopdesk.it.inside")
                .addClasses(InsideServer.class, OneDeployment.class)
                .addClass("br.com.sopdesk.certificate.control.IcpCertificates")
                .addAsWebInfResource(new StringAsset("""
                        <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
                        """), "beans.xml")
                // bounded waits inside the server too
                .addAsLibraries(jarOf(Awaitility.class), jarOf(Matcher.class));
        ear.addAsModule(Testable.archiveToTest(tests));
        // a module's TimerService lists that module's timers only: the probe goes into the EJB module
        JavaArchive ejb = ear.getAsType(JavaArchive.class, EJB_MODULE);
        ear.delete(EJB_MODULE);
        ear.addAsModule(ejb.addPackage(Probe.class.getPackage()));
        // application.xml lists the modules to deploy: the test module joins them, with its context root
        String module = "<module>\n    <web>\n      <web-uri>" + TEST_MODULE + "</web-uri>\n      <context-root>/sopdesk-tests</context-root>\n"
                + "    </web>\n  </module>\n  <module>";
        ear.setApplicationXML(new StringAsset(applicationXml(ear).replaceFirst("<module>", module)));
        return ear;
    }

    /** The jar the test JVM loaded {@code type} from. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String applicationXml(EnterpriseArchive ear) {
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
