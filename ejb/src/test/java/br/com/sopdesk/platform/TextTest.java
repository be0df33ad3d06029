package br.com.sopdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Texts render in pt-BR unless English is asked for, and every key the code names exists in both languages. */
class TextTest {

    private static final Locale PT = Text.PT_BR;
    private static final Path RESOURCES = Path.of("src/main/resources/br/com/sopdesk");
    /** A key given to {@code Text.of} or to a constructor (e.g. {@code new Problem(line, "sop.node.cycle", id)}), possibly on a later line. */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:(?<![A-Za-z])Text\\.of|new [\\w.]+)\\((?:[^;]*?,\\s*)?\"([a-z]+\\.[a-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*)\"");

    @Test
    void rendersInPortugueseUnlessEnglishIsAsked() {
        Text t = Text.verbatim("já está");
        assertEquals("já está", t.in(Locale.ENGLISH));
        assertEquals("já está", t.in(Locale.forLanguageTag("pt-BR")));
        assertEquals("já está", t.in(Locale.GERMAN));
        assertEquals("já está", t.toString());
    }

    @Test
    void valuesAreKeptAsTextAndNestedTextsFollowTheLanguage() {
        assertEquals("12345", Text.of("platform.verbatim", 12345L).in(Locale.ENGLISH));
        assertEquals("", Text.of("platform.verbatim", (Object) null).in(Locale.ENGLISH));
        assertEquals("x", Text.of("platform.verbatim", Text.verbatim("x")).in(Locale.ENGLISH));
    }

    @Test
    void refusalsCarryTheirTextAndLogInPortuguese() {
        InvalidState state = new InvalidState(Text.verbatim("já enviado"));
        assertEquals("já enviado", state.getMessage());
        assertEquals(state.text(), UserFacing.textOf(state));
        InvalidInput input = new InvalidInput("platform.verbatim", "x");
        assertEquals("x", UserFacing.textOf(input).in(Locale.ENGLISH));
        assertEquals("outra", UserFacing.textOf(new IllegalStateException("outra")).in(Locale.ENGLISH));
    }

    @Test
    void aStoredTextIsReadBackAndRenderedInTheReadersLanguage() {
        Text t = Text.of("outbox.unexpected", Text.of("qualitor.pause.no-message"));
        String stored = t.stored(1000);
        assertEquals(t, Text.read(stored));
        assertEquals("Unexpected failure: no message", Text.read(stored).in(Locale.ENGLISH));
        assertEquals("Falha inesperada: sem mensagem", Text.read(stored).in(PT));
    }

    @Test
    void aSentenceStoredBeforeCodesOrAVerbatimOneReadsBackAsItIs() {
        assertEquals("Qualitor indisponível: HTTP 503", Text.read("Qualitor indisponível: HTTP 503").in(Locale.ENGLISH));
        assertEquals("já está", Text.verbatim("já está").stored(1000));
        assertEquals("{\"text\": broken", Text.read("{\"text\": broken").in(Locale.ENGLISH));
        assertEquals(null, Text.read(null));
    }

    @Test
    void aStoredTextThatDoesNotFitCutsItsLongestValue() {
        Text t = Text.of("outbox.unexpected", "x".repeat(2000));
        String stored = t.stored(200);
        assertTrue(stored.length() <= 200, stored);
        assertTrue(Text.read(stored).in(Locale.ENGLISH).startsWith("Unexpected failure: xxx"));
        assertTrue(Text.read(stored).in(Locale.ENGLISH).endsWith("…"));
    }

    @Test
    void theConnectorsSentencesRenderFromItsOwnBundle() {
        assertEquals("Qualitor unavailable: HTTP 503 in createTicket",
                Text.of("connector.unavailable", Text.of("connector.http.status", "503", "createTicket")).in(Locale.ENGLISH));
    }

    @Test
    void anUnknownKeyShowsItselfInsteadOfFailingTheAnswer() {
        assertEquals("platform.no-such-key [7]", Text.of("platform.no-such-key", 7).in(Locale.ENGLISH));
    }

    @Test
    void everyBundleHasTheSameKeysAndValuesInBothLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path english : files.filter(f -> f.getFileName().toString().matches("[A-Z]\\w*Messages\\.properties")).toList()) {
                Path portuguese = english.resolveSibling(english.getFileName().toString().replace(".properties", "_pt.properties"));
                Properties en = load(english);
                Properties pt = load(portuguese);
                if (!en.keySet().equals(pt.keySet())) {
                    TreeSet<Object> differ = new TreeSet<>(en.keySet());
                    differ.addAll(pt.keySet());
                    differ.removeIf(k -> en.containsKey(k) && pt.containsKey(k));
                    problems.add(english.getFileName() + ": only in one language: " + differ);
                }
                for (String key : en.stringPropertyNames()) {
                    if (pt.containsKey(key) && arguments(en.getProperty(key)) != arguments(pt.getProperty(key))) {
                        problems.add(english.getFileName() + ": " + key + " takes other values in pt-BR");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKeyTheCodeNamesExistsInItsFeaturesBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    for (Locale l : List.of(Locale.ENGLISH, Text.PT_BR)) {
                        try {
                            Text.bundle(key, l).getString(key);
                        } catch (java.util.MissingResourceException e) {
                            missing.add(source.getFileName() + ": " + key + " (" + l + ")");
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static int arguments(String pattern) {
        return new MessageFormat(pattern).getFormatsByArgumentIndex().length;
    }
}
