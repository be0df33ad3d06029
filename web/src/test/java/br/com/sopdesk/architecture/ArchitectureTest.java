package br.com.sopdesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.qualitor.QualitorClient;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The architecture the style guide describes, checked on every build against the main classes of
 * web, ejb and the connector (this module's tests see all three): features that do not depend on
 * each other in a cycle, boundary to control to entity only, and Qualitor's wire types kept in the
 * connector and its gateway. Today's known breaks are named in {@link KnownViolations}.
 */
@AnalyzeClasses(packages = "br.com.sopdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "br.com.sopdesk.";

    /** The connector's classes: everything in its own jar (or classes folder), whatever their package. */
    static final Set<String> CONNECTOR = new ClassFileImporter()
            .importLocations(List.of(Location.of(QualitorClient.class.getProtectionDomain().getCodeSource().getLocation())))
            .stream().map(JavaClass::getName).filter(n -> n.startsWith(ROOT)).collect(Collectors.toUnmodifiableSet());

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInACycle = withKnownCycleEdgesIgnored(
            slices().matching("br.com.sopdesk.(*)..").namingSlices("feature $1").should().beFreeOfCycles());

    @ArchTest
    static final ArchRule entitiesDependOnNoControlNorBoundary = noClasses()
            .that().resideInAPackage("br.com.sopdesk.*.entity..")
            .should().dependOnClassesThat().resideInAnyPackage("br.com.sopdesk.*.control..", "br.com.sopdesk.*.boundary..", "br.com.sopdesk.api..");

    @ArchTest
    static final ArchRule controlsDependOnNoBoundary = noClasses()
            .that().resideInAPackage("br.com.sopdesk.*.control..")
            .should().dependOnClassesThat().resideInAnyPackage("br.com.sopdesk.*.boundary..", "br.com.sopdesk.api..");

    /**
     * The gateway is {@code QualitorGateway} and {@code QualitorConnection} (ejb, beside the
     * connector's package) and {@code qualitor.control} (settings, setup check, sending pauses):
     * what calls the connector and answers the rest of SOP Desk.
     */
    @ArchTest
    static final ArchRule qualitorWireTypesStayInTheConnectorAndItsGateway = noClasses()
            .that(describe("are outside the Qualitor connector and its gateway",
                    c -> !CONNECTOR.contains(c.getName()) && !inGateway(c) && !KnownViolations.WIRE_TYPE_USERS.stream().anyMatch(n -> isOrIsIn(n, c))))
            .should().dependOnClassesThat(describe("are the Qualitor connector's wire types", c -> CONNECTOR.contains(c.getName())));

    @ArchTest
    static void theRulesSeeWebEjbAndTheConnector(JavaClasses classes) {
        assertAll(Set.of("br.com.sopdesk.api.TicketResource", "br.com.sopdesk.ticket.control.TicketService",
                        "br.com.sopdesk.qualitor.QualitorClient", "br.com.sopdesk.qualitor.QualitorGateway").stream()
                .map(n -> () -> assertTrue(classes.contain(n), n + " is not among the analysed classes")));
        assertTrue(CONNECTOR.contains("br.com.sopdesk.qualitor.TicketDraft"), "the connector's classes were not found");
        assertFalse(CONNECTOR.contains("br.com.sopdesk.qualitor.QualitorGateway"), "the gateway was taken for the connector");
    }

    /** An allowed cycle edge that no longer exists must leave the list, so the list only shrinks. */
    @ArchTest
    static void everyKnownCycleEdgeStillExists(JavaClasses classes) {
        Map<String, Set<String>> reached = KnownViolations.CYCLE_EDGES.keySet().stream().collect(Collectors.toMap(Function.identity(),
                origin -> classes.stream().filter(c -> isOrIsIn(origin, c))
                        .flatMap(c -> c.getDirectDependenciesFromSelf().stream()).map(d -> feature(d.getTargetClass()))
                        .collect(Collectors.toSet())));
        assertAll(KnownViolations.CYCLE_EDGES.entrySet().stream().flatMap(e -> e.getValue().stream().map(target -> () ->
                assertTrue(reached.get(e.getKey()).contains(target),
                        e.getKey() + " no longer depends on feature " + target + ": remove it from KnownViolations.CYCLE_EDGES"))));
    }

    /** A known user of the wire types that no longer uses them must leave the list. */
    @ArchTest
    static void everyKnownWireTypeUserStillUsesThem(JavaClasses classes) {
        assertAll(KnownViolations.WIRE_TYPE_USERS.stream().map(user -> () -> assertTrue(
                classes.stream().filter(c -> isOrIsIn(user, c)).flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                        .anyMatch(d -> CONNECTOR.contains(d.getTargetClass().getName())),
                user + " no longer uses the connector's wire types: remove it from KnownViolations.WIRE_TYPE_USERS")));
    }

    private static SliceRule withKnownCycleEdgesIgnored(SliceRule rule) {
        SliceRule r = rule;
        for (Map.Entry<String, Set<String>> e : KnownViolations.CYCLE_EDGES.entrySet()) {
            DescribedPredicate<JavaClass> origin = describe(e.getKey(), c -> isOrIsIn(e.getKey(), c));
            for (String target : e.getValue()) {
                r = r.ignoreDependency(origin, describe("feature " + target, c -> target.equals(feature(c))));
            }
        }
        return r;
    }

    private static boolean inGateway(JavaClass c) {
        return c.getPackageName().equals("br.com.sopdesk.qualitor") || c.getPackageName().startsWith("br.com.sopdesk.qualitor.control");
    }

    /** Whether the class is the named one or nested in it. */
    private static boolean isOrIsIn(String name, JavaClass c) {
        return c.getName().equals(name) || c.getName().startsWith(name + "$");
    }

    /** The feature a class belongs to: the package segment after br.com.sopdesk (null outside it). */
    static String feature(JavaClass c) {
        String name = c.getName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        int dot = name.indexOf('.', ROOT.length());
        return dot < 0 ? null : name.substring(ROOT.length(), dot);
    }
}
