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
 * names its type by import (so a dependency on another feature shows at the top of the file), and
 * no class runs past {@value #MAX_LINES} lines. Reads the {@code src/main/java} of every module.
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

    @Test
    void injectedFieldsNameTheirTypeByImportNotFullyQualified() {
        Map<String, List<String>> found = scan(QUALIFIED_INJECTION);
        Map<String, List<String>> unknown = new TreeMap<>(found);
        unknown.keySet().removeAll(KnownViolations.FULLY_QUALIFIED_INJECTIONS);
        assertEquals(Map.of(), unknown, "injected fields typed by a fully-qualified name (import the type instead)");
        for (String known : KnownViolations.FULLY_QUALIFIED_INJECTIONS) {
            assertTrue(found.containsKey(known), known + " no longer injects a fully-qualified type: remove it from "
                    + "KnownViolations.FULLY_QUALIFIED_INJECTIONS");
        }
    }

    @Test
    void noMainClassIsOver400Lines() {
        Map<String, Integer> lines = mainSources().collect(Collectors.toMap(SourceRulesTest::relative, SourceRulesTest::lineCount,
                (a, b) -> a, TreeMap::new));
        Map<String, Integer> over = new TreeMap<>(lines);
        over.values().removeIf(n -> n <= MAX_LINES);
        Map<String, Integer> unknown = new TreeMap<>(over);
        unknown.keySet().removeAll(KnownViolations.LONG_CLASSES);
        assertEquals(Map.of(), unknown, "main classes over " + MAX_LINES + " lines (split them by job)");
        for (String known : KnownViolations.LONG_CLASSES) {
            assertTrue(lines.containsKey(known), known + " is gone: remove it from KnownViolations.LONG_CLASSES");
            assertTrue(over.containsKey(known), known + " has " + lines.get(known) + " lines now: remove it from "
                    + "KnownViolations.LONG_CLASSES");
        }
    }

    @Test
    void theSourceRulesReadEveryModule() {
        List<String> modules = mainSources().map(SourceRulesTest::relative).map(p -> p.substring(0, p.indexOf('/'))).distinct().sorted().toList();
        assertTrue(modules.containsAll(List.of("ejb", "qualitor-connector", "qualitor-sandbox", "web")), "modules read: " + modules);
        assertFalse(scan(QUALIFIED_INJECTION).isEmpty() && !KnownViolations.FULLY_QUALIFIED_INJECTIONS.isEmpty(),
                "the injection pattern matched nothing, not even the known cases");
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
