package br.com.sopdesk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No sentence for a person is written in Java: user-facing text lives in the message bundles, so
 * English works wherever the page or the API offers it. A Portuguese string literal in the main
 * sources of ejb, web or the connector is allowed only in a log line, in an entry of the audit
 * trail (kept in pt-BR, as written), or in one of the files of {@link #PORTUGUESE_BY_DESIGN}, each
 * with its reason. The sandbox is left out: it stands in for Qualitor, which speaks pt-BR.
 */
class PortugueseLiteralsTest {

    /** Files whose pt-BR literals are not for our readers, and why. Keep it short and honest. */
    static final Map<String, String> PORTUGUESE_BY_DESIGN = Map.ofEntries(
            Map.entry("ejb/src/main/java/br/com/sopdesk/ticket/control/QualitorOutbox.java",
                    "the ticket's description as sent to Qualitor, read by Qualitor's team in pt-BR"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/ticket/control/WalkSummary.java",
                    "the walk's summary attached to the demand in Qualitor"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/certificate/entity/CertificateFacts.java",
                    "the certificate's facts written into the ticket Qualitor's team reads"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/qualitor/control/QualitorSetupCheck.java",
                    "the sample ticket the setup check shows as it would be sent to Qualitor"),
            Map.entry("qualitor-connector/src/main/java/br/com/sopdesk/qualitor/OpeningDocument.java",
                    "the ticket's text as Qualitor receives it"),
            Map.entry("qualitor-connector/src/main/java/br/com/sopdesk/qualitor/RefusalKind.java",
                    "Qualitor's own words, recognised to classify its refusals"),
            Map.entry("qualitor-connector/src/main/java/br/com/sopdesk/qualitor/SoapTransport.java",
                    "Qualitor's own words for a lost login (\"não logado\"), recognised"),
            Map.entry("qualitor-connector/src/main/java/br/com/sopdesk/qualitor/SettingsReader.java",
                    "\"não\" accepted as a typed value of a yes/no setting"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/sla/control/SlaSettings.java",
                    "the default of Qualitor's situation names that end a clock (Qualitor's words)"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/sla/control/SlaClocks.java",
                    "the default SLA policy's name: seed data an administrator renames"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/security/control/DemoData.java",
                    "the demo accounts' display names: seed data of the demo profile"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/security/entity/UserAccount.java",
                    "the audit trail's detail of an account change, which it returns (the trail stays in pt-BR)"),
            Map.entry("ejb/src/main/java/br/com/sopdesk/ticket/control/OutboxStore.java",
                    "the audit trail's detail of a resend, built before the entry (the trail stays in pt-BR)"));

    private static final List<String> MODULES = List.of("ejb", "web", "qualitor-connector");
    private static final Pattern ACCENTED = Pattern.compile("[ãõçáéíóúâêôàÃÕÇÁÉÍÓÚÂÊÔÀ]");
    /** Portuguese words that English sentences do not use (not "a", "do", "no", "as"...). */
    private static final Set<String> WORDS = Set.of("de", "da", "dos", "das", "não", "nao", "para", "com", "em", "um", "uma", "na",
            "ao", "aos", "sem", "por", "já", "ou", "foi", "está", "pelo", "pela", "ainda", "seu", "sua");
    /** The call a literal is an argument of, when it is a log line or an audit entry. */
    private static final Pattern ALLOWED_CALL = Pattern.compile("(?:\\bLOG\\.\\w+|\\baudit\\.record)\\s*$");

    @Test
    void noPortugueseSentenceIsWrittenInJavaOutsideLogsTheAuditTrailAndTheListedFiles() {
        Map<String, List<String>> found = portugueseLiterals();
        Map<String, List<String>> unknown = new TreeMap<>(found);
        unknown.keySet().removeAll(PORTUGUESE_BY_DESIGN.keySet());
        assertEquals(Map.of(), unknown, "Portuguese string literals in Java: move the text to the feature's message bundle "
                + "(Text.of / the page's msg / ApiMessages), or, when it is not for our readers, list the file with its reason");
        for (String listed : PORTUGUESE_BY_DESIGN.keySet()) {
            assertTrue(found.containsKey(listed), listed + " has no Portuguese literal any more: remove it from PORTUGUESE_BY_DESIGN");
        }
    }

    @Test
    void theScanSeesLiteralsButNotCommentsLogsOrAuditEntries() {
        String source = """
                /** "Conexão com o Qualitor" in a comment */
                class X {
                    void f() {
                        LOG.info(() -> "Chamado " + id + " já existia; nada reenviado.");
                        audit.record(agent, "demanda.encerrada", "demanda " + n, switch (k) { case A -> "x"; default -> "y"; } + " após " + a);
                        String s = "Informe o número da demanda"; // "não" in a comment
                        throw new IllegalStateException("caminho sem desfecho no SOP " + id);
                    }
                }
                """;
        assertEquals(List.of("6: Informe o número da demanda", "7: caminho sem desfecho no SOP "), portuguese(source));
        assertFalse(looksPortuguese("br.com.sopdesk.api.ApiMessages"));
        assertFalse(looksPortuguese("select t from Ticket t where t.state = :state"));
        assertTrue(looksPortuguese("sem resposta do Qualitor"));
    }

    /** Each main source with its Portuguese literals ("line: text"), by path from the repository root. */
    static Map<String, List<String>> portugueseLiterals() {
        Map<String, List<String>> found = new TreeMap<>();
        SourceRulesTest.mainSources().forEach(file -> {
            String path = SourceRulesTest.root().relativize(file).toString().replace('\\', '/');
            if (MODULES.contains(path.substring(0, path.indexOf('/')))) {
                List<String> literals = portuguese(read(file));
                if (!literals.isEmpty()) {
                    found.put(path, literals);
                }
            }
        });
        return found;
    }

    /** The Portuguese literals of one source, outside comments, log lines and audit entries. */
    static List<String> portuguese(String source) {
        StringBuilder code = new StringBuilder(source.length());
        List<int[]> literals = new ArrayList<>();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(code, source, i, end);
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(code, source, i, end);
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                literals.add(new int[] {i, i + 3, end - 3});
                blank(code, source, i, end);
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                if (c == '"') {
                    literals.add(new int[] {i, i + 1, end - 1});
                }
                code.append(c);
                blank(code, source, i + 1, end - 1);
                code.append(c);
            } else {
                end = i + 1;
                code.append(c);
            }
            i = end;
        }
        List<String> out = new ArrayList<>();
        for (int[] l : literals) {
            String text = source.substring(l[1], l[2]);
            if (looksPortuguese(text) && !inAllowedCall(code, l[0])) {
                out.add((source.substring(0, l[0]).chars().filter(ch -> ch == '\n').count() + 1) + ": " + text);
            }
        }
        return out;
    }

    static boolean looksPortuguese(String text) {
        if (ACCENTED.matcher(text).find()) {
            return true;
        }
        String[] words = text.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return words.length >= 2 && List.of(words).stream().anyMatch(WORDS::contains);
    }

    /** Whether, walking out of the statement, the literal is an argument of a log call or an audit entry. */
    private static boolean inAllowedCall(CharSequence code, int at) {
        int parens = 0;
        int braces = 0;
        for (int j = at - 1; j >= 0; j--) {
            char c = code.charAt(j);
            if (c == ')') {
                parens++;
            } else if (c == '}') {
                braces++;
            } else if (c == '(') {
                if (parens > 0) {
                    parens--;
                } else if (ALLOWED_CALL.matcher(code.subSequence(Math.max(0, j - 80), j)).find()) {
                    return true;
                }
            } else if (c == '{') {
                if (braces == 0) {
                    return false;
                }
                braces--;
            } else if (c == ';' && parens == 0 && braces == 0) {
                return false;
            }
        }
        return false;
    }

    private static void blank(StringBuilder code, String source, int from, int to) {
        for (int k = from; k < to; k++) {
            code.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
