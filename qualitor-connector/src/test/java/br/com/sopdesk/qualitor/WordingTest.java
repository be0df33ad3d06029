package br.com.sopdesk.qualitor;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The connector's sentences render in pt-BR (its messages, for the log) or English, and every key it names exists in both. */
class WordingTest {

    private static final Path BUNDLE = Path.of("src/main/resources/br/com/sopdesk/connector");

    @Test
    void aRefusalSaysWhatToDoInTheReadersLanguageBesideQualitorsOwnWords() {
        QualitorException.Refused r = new QualitorException.Refused(RefusalKind.CUSTOMER_NOT_FOUND, "20", "Ws - Cliente não encontrado", null)
                .advising(Wording.of("connector.refused.customer-named", "CNPJ 11.222.333/0001-81"));
        assertEquals("O CNPJ 11.222.333/0001-81 não está cadastrado como cliente no Qualitor: cadastre-o (ou confira o documento) e use "
                + "Reenviar. Detalhe do Qualitor (código 20): Ws - Cliente não encontrado", r.getMessage());
        assertEquals("The CNPJ 11.222.333/0001-81 is not registered as a customer in Qualitor: register it (or check the document) and use "
                + "Resend. Qualitor's detail (code 20): Ws - Cliente não encontrado", r.wording().in(Locale.ENGLISH));
        assertEquals(r.getMessage(), r.wording().in(Locale.forLanguageTag("pt-BR")));
    }

    @Test
    void aFieldQualitorNamesIsNamedInWords() {
        QualitorException.Refused r = new QualitorException.Refused(RefusalKind.INVALID_DATA, "12", "Campo obrigatório: cdcategoria", null);
        assertTrue(r.advice().startsWith("O Qualitor não aceitou a categoria do chamado"), r.advice());
        assertTrue(r.adviceWording().in(Locale.ENGLISH).startsWith("Qualitor did not accept the category of the ticket"));
    }

    @Test
    void outagesAndSettingsToo() {
        assertEquals("Qualitor unavailable: HTTP 503 in createTicket",
                new QualitorException.Unavailable(Wording.of("connector.http.status", 503, "createTicket"), null, 503).wording().in(Locale.ENGLISH));
        assertEquals("Qualitor indisponível: HTTP 503 em createTicket",
                new QualitorException.Unavailable(Wording.of("connector.http.status", 503, "createTicket"), null, 503).getMessage());
        assertEquals("must contain {service} (and, if you wish, {group})",
                QualitorSettings.Key.SOAP_WSDL.problem("x").orElseThrow().in(Locale.ENGLISH));
        assertEquals("deve conter {service} (e, se quiser, {group})", QualitorSettings.Key.SOAP_WSDL.problem("x").orElseThrow().toString());
    }

    @Test
    void bothLanguagesHaveTheSameKeysTakingTheSameValues() throws IOException {
        Properties en = load(BUNDLE.resolve("ConnectorMessages.properties"));
        Properties pt = load(BUNDLE.resolve("ConnectorMessages_pt.properties"));
        assertEquals(en.keySet(), pt.keySet());
        for (String key : en.stringPropertyNames()) {
            assertEquals(new MessageFormat(en.getProperty(key)).getFormatsByArgumentIndex().length,
                    new MessageFormat(pt.getProperty(key)).getFormatsByArgumentIndex().length, key);
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Properties pt = load(BUNDLE.resolve("ConnectorMessages_pt.properties"));
        Pattern key = Pattern.compile("\"(connector\\.[a-z.-]+[a-z])\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(source));
                while (m.find()) {
                    if (!pt.containsKey(m.group(1))) {
                        missing.add(source.getFileName() + ": " + m.group(1));
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
}
