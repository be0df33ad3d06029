package br.com.sopdesk.audit.control;

import br.com.sopdesk.audit.entity.AuditEntry;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.privacy.control.Masking;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The audit trail as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
 * accents), {@code ;}-separated as Excel expects in pt-BR, RFC 4180 quoting, and no cell that a
 * spreadsheet would run as a formula: a value starting with {@code = + - @} (or tab/CR) gets a
 * leading apostrophe. Personal data in the text is masked, as in the page.
 */
public final class AuditCsv {

    public static final char SEPARATOR = ';';
    public static final String BOM = "\uFEFF";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AuditCsv() {
    }

    /** The byte-order mark and the column names in pt-BR or English. */
    public static void header(Writer out, Locale locale) throws IOException {
        out.write(BOM);
        row(out, java.util.stream.Stream.of("id", "at", "actor", "action", "subject", "detail")
                .map(column -> Text.of("audit.csv." + column).in(locale)).toArray(String[]::new));
    }

    public static void row(Writer out, AuditEntry e) throws IOException {
        row(out, String.valueOf(e.getId()), AT.format(e.getAt()), e.getActor(), e.getAction(),
                Masking.text(e.getSubject()), Masking.text(e.getDetail()));
    }

    static void row(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(SEPARATOR);
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    /** One cell, neutralised against formulas and quoted when it holds a separator, quote or line break. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(SEPARATOR) >= 0 || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
