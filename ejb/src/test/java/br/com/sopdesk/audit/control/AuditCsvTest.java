package br.com.sopdesk.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.audit.entity.AuditEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertEquals("categoria.alterada", AuditCsv.cell("categoria.alterada"));
        assertEquals("", AuditCsv.cell(null));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a;b\"", AuditCsv.cell("a;b"));
        assertEquals("\"a,b\"", AuditCsv.cell("a,b"));
        assertEquals("\"diz \"\"oi\"\"\"", AuditCsv.cell("diz \"oi\""));
        assertEquals("\"linha 1\nlinha 2\"", AuditCsv.cell("linha 1\nlinha 2"));
    }

    @Test
    void formulasAreNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AuditCsv.cell("+1"));
        assertEquals("'-2+3", AuditCsv.cell("-2+3"));
        assertEquals("'@SUM(A1)", AuditCsv.cell("@SUM(A1)"));
        assertEquals("\"'=1;2\"", AuditCsv.cell("=1;2"));
    }

    @Test
    void theFileStartsWithTheByteOrderMarkAndMasksPersonalData() throws IOException {
        StringWriter out = new StringWriter();
        AuditCsv.header(out, Locale.forLanguageTag("pt-BR"));
        AuditCsv.row(out, new AuditEntry("agent", "chamado.registrado", "chamado 7", "=cmd; cpf 123.456.789-09", java.time.Instant.parse("2026-12-06T12:00:00Z")));
        String csv = out.toString();
        assertTrue(csv.startsWith("\uFEFFid;quando (UTC);quem;ação;assunto;detalhe\r\n"), csv);
        assertTrue(csv.contains(";agent;chamado.registrado;chamado 7;\"'=cmd; cpf ***.456.789-**\"\r\n"), csv);
    }

    @Test
    void theColumnNamesFollowTheReadersLanguage() throws IOException {
        StringWriter out = new StringWriter();
        AuditCsv.header(out, Locale.ENGLISH);
        assertEquals("\uFEFFid;when (UTC);who;action;subject;detail\r\n", out.toString());
    }
}
