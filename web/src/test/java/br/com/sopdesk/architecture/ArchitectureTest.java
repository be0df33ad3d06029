package br.com.sopdesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.qualitor.QualitorClient;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The architecture the style guide describes, checked on every build against the main classes of
 * web, ejb and the connector (this module's tests see all three): features that do not depend on
 * each other in a cycle, boundary to control to entity only, and Qualitor's wire types kept in the
 * connector and its gateway. No known break is allowed.
 */
@AnalyzeClasses(packages = "br.com.sopdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "br.com.sopdesk.";

    /** The connector's classes: everything in its own jar (or classes folder), whatever their package. */
    static final Set<String> CONNECTOR = new ClassFileImporter()
            .importLocations(List.of(Location.of(QualitorClient.class.getProtectionDomain().getCodeSource().getLocation())))
            .stream().map(JavaClass::getName).filter(n -> n.startsWith(ROOT)).collect(Collectors.toUnmodifiableSet());

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInACycle =
            slices().matching("br.com.sopdesk.(*)..").namingSlices("feature $1").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entitiesDependOnNoControlNorBoundary = noClasses()
            .that().resideInAPackage("br.com.sopdesk.*.entity..")
            .should().dependOnClassesThat().resideInAnyPackage("br.com.sopdesk.*.control..", "br.com.sopdesk.*.boundary..", "br.com.sopdesk.api..");

    @ArchTest
    static final ArchRule controlsDependOnNoBoundary = noClasses()
            .that().resideInAPackage("br.com.sopdesk.*.control..")
            .should().dependOnClassesThat().resideInAnyPackage("br.com.sopdesk.*.boundary..", "br.com.sopdesk.api..");

    /**
     * The gateway is ejb's {@code qualitor.control} ({@code QualitorGateway}, {@code QualitorCalls},
     * {@code QualitorConnection}, settings, setup check, sending pauses): what calls the connector and
     * answers the rest of SOP Desk in its own types.
     */
    @ArchTest
    static final ArchRule qualitorWireTypesStayInTheConnectorAndItsGateway = noClasses()
            .that(describe("are outside the Qualitor connector and its gateway",
                    c -> !CONNECTOR.contains(c.getName()) && !inGateway(c)))
            .should().dependOnClassesThat(describe("are the Qualitor connector's wire types", c -> CONNECTOR.contains(c.getName())));

    @ArchTest
    static void theRulesSeeWebEjbAndTheConnector(JavaClasses classes) {
        assertAll(Set.of("br.com.sopdesk.api.TicketResource", "br.com.sopdesk.ticket.control.TicketService",
                        "br.com.sopdesk.qualitor.QualitorClient", "br.com.sopdesk.qualitor.control.QualitorGateway").stream()
                .map(n -> () -> assertTrue(classes.contain(n), n + " is not among the analysed classes")));
        assertTrue(CONNECTOR.contains("br.com.sopdesk.qualitor.TicketDraft"), "the connector's classes were not found");
        assertFalse(CONNECTOR.contains("br.com.sopdesk.qualitor.control.QualitorGateway"), "the gateway was taken for the connector");
    }

    private static boolean inGateway(JavaClass c) {
        return c.getPackageName().equals("br.com.sopdesk.qualitor.control");
    }
}
