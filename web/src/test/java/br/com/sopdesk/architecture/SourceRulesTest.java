package br.com.sopdesk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about how the main sources read, which compiled classes cannot show: an injected field
 * names its type by import (so a dependency on another feature shows at the top of the file), no
 * class runs past {@value #MAX_LINES} lines, no package is declared in two modules (a split
 * package hides which module owns a type), and no config property has an empty default. Reads the {@code src/main/java} of every module.
 */
class SourceRulesTest {

    static final int MAX_LINES = 400;

    /**
     * An injection annotation ({@code @Inject}, {@code @EJB}), any qualifiers after it, then a field
     * whose type (or type argument, as in {@code Instance<...>}) is spelled from {@code br.com.sopdesk.}.
     */
    static final Pattern QUALIFIED_INJECTION = Pattern.compile(
            "@(?:Inject|EJB)\\b(?:\\s*\\([^)]*\\))?(?:\\s*@[\\w.]+(?:\\s*\\([^)]*\\))?)*\\s+"
                    + "(?:(?:private|protected|public|static|final|transient|volatile)\\s+)*"
                    + "(?:[\\w.]+\\s*<\\s*)?(br\\.com\\.sopdesk\\.[\\w.]+)");

    /**
     * A config property with an empty default: MicroProfile Config reads it as no value, so the
     * deployment fails wherever the property is not set (inject an {@code Optional} instead).
     */
    static final Pattern EMPTY_CONFIG_DEFAULT = Pattern.compile("@ConfigProperty\\s*\\([^)]*defaultValue\\s*=\\s*(\"\")\\s*[,)]");

    /** A package declaration: the package of a source file. */
    static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Test
    void injectedFieldsNameTheirTypeByImportNotFullyQualified() {
        assertEquals(Map.of(), scan(QUALIFIED_INJECTION), "injected fields typed by a fully-qualified name (import the type instead)");
    }

    @Test
    void theInjectionPatternFindsAFullyQualifiedTypeAndOnlyThat() {
        assertTrue(QUALIFIED_INJECTION.matcher("@Inject\n    br.com.sopdesk.audit.control.AuditLog audit;").find());
        assertTrue(QUALIFIED_INJECTION.matcher("@EJB\n    private Instance<br.com.sopdesk.sla.control.SlaWork> work;").find());
        assertFalse(QUALIFIED_INJECTION.matcher("@Inject\n    AuditLog audit;").find());
    }

    @Test
    void noConfigPropertyHasAnEmptyDefault() {
        assertEquals(Map.of(), scan(EMPTY_CONFIG_DEFAULT), "config properties with an empty default (no value to MicroProfile Config: use Optional)");
        assertTrue(EMPTY_CONFIG_DEFAULT.matcher("@ConfigProperty(name = \"mp.config.profile\", defaultValue = \"\")").find());
        assertFalse(EMPTY_CONFIG_DEFAULT.matcher("@ConfigProperty(name = \"a\", defaultValue = \"\" + MAX)").find());
    }

    @Test
    void noPackageIsDeclaredInTwoModules() {
        Map<String, java.util.Set<String>> modulesByPackage = new TreeMap<>();
        mainSources().forEach(file -> {
            Matcher m = PACKAGE.matcher(read(file));
            if (m.find()) {
                modulesByPackage.computeIfAbsent(m.group(1), k -> new java.util.TreeSet<>()).add(module(file));
            }
        });
        assertTrue(modulesByPackage.containsKey("br.com.sopdesk.qualitor"), "no package declaration was read: " + modulesByPackage.keySet());
        modulesByPackage.values().removeIf(modules -> modules.size() < 2);
        assertEquals(Map.of(), modulesByPackage, "packages declared in more than one module (give each module its own packages)");
    }

    @Test
    void noMainClassIsOver400Lines() {
        Map<String, Integer> lines = mainSources().collect(Collectors.toMap(SourceRulesTest::relative, SourceRulesTest::lineCount,
                (a, b) -> a, TreeMap::new));
        Map<String, Integer> over = new TreeMap<>(lines);
        over.values().removeIf(n -> n <= MAX_LINES);
        assertEquals(Map.of(), over, "main classes over " + MAX_LINES + " lines (split them by job)");
    }

    @Test
    void theSourceRulesReadEveryModule() {
        List<String> modules = mainSources().map(SourceRulesTest::module).distinct().sorted().toList();
        assertTrue(modules.containsAll(List.of("ejb", "qualitor-connector", "qualitor-sandbox", "web")), "modules read: " + modules);
    }

    /** Each file with the matches of {@code pattern} (the captured type), by path from the repository root. */
    static Map<String, List<String>> scan(Pattern pattern) {
        Map<String, List<String>> found = new TreeMap<>();
        mainSources().forEach(file -> {
            Matcher m = pattern.matcher(read(file));
            while (m.find()) {
                found.computeIfAbsent(relative(file), k -> new java.util.ArrayList<>()).add(m.group(1));
            }
        });
        return found;
    }

    /** Every {@code .java} file under a module's {@code src/main/java}. */
    static Stream<Path> mainSources() {
        try (Stream<Path> modules = Files.list(root())) {
            List<Path> trees = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
            return trees.stream().flatMap(SourceRulesTest::javaFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the nearest folder up from this module holding the Maven wrapper and the ejb module. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("ejb")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String relative(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }

    /** The module a source file belongs to: the first folder of its path from the repository root. */
    private static String module(Path file) {
        String path = relative(file);
        return path.substring(0, path.indexOf('/'));
    }

    private static int lineCount(Path file) {
        return (int) read(file).lines().count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
