package br.com.sopdesk.qualitor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code <wsqualitor>} request document: the {@code <data>} fields in the order Qualitor's
 * documentation lists them, plus the optional {@code <informacoesadicionais>} block.
 *
 * <p>Written in one of the two encodings real clients use ({@link QualitorSettings.Encoding}):
 * characters the encoding cannot carry (typographic quotes in ISO-8859-1, say) are written as
 * numeric character references, which survive either; characters XML 1.0 cannot carry at all are
 * dropped (intake refuses them before they get here).
 */
final class WsRequest {

    private final Map<String, String> data = new LinkedHashMap<>();
    private final Map<String, String> additional = new LinkedHashMap<>();

    WsRequest data(String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
        return this;
    }

    WsRequest additional(String field, String value) {
        if (value != null) {
            additional.put(field, value);
        }
        return this;
    }

    Map<String, String> data() {
        return data;
    }

    /** The document as text, with the declaration its encoding calls for; encode it with {@code encoding.charset()}. */
    String toXml(QualitorSettings.Encoding encoding) {
        StringBuilder xml = new StringBuilder(256);
        xml.append(encoding.declaration());
        xml.append("<wsqualitor><contents><data>");
        data.forEach((name, value) -> element(xml, name, value, encoding));
        xml.append("</data>");
        if (!additional.isEmpty()) {
            xml.append("<informacoesadicionais>");
            additional.forEach((name, value) -> element(xml, name, value, encoding));
            xml.append("</informacoesadicionais>");
        }
        xml.append("</contents></wsqualitor>");
        return xml.toString();
    }

    /** The document's bytes, as they travel. */
    byte[] toBytes(QualitorSettings.Encoding encoding) {
        return toXml(encoding).getBytes(encoding.charset());
    }

    private static void element(StringBuilder xml, String name, String value, QualitorSettings.Encoding encoding) {
        xml.append('<').append(name).append('>');
        escape(xml, Objects.requireNonNull(value), encoding);
        xml.append("</").append(name).append('>');
    }

    static void escape(StringBuilder out, String text) {
        escape(out, text, QualitorSettings.Encoding.ISO_8859_1);
    }

    static void escape(StringBuilder out, String text, QualitorSettings.Encoding encoding) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (!xmlChar(cp)) {
                        // not allowed in XML 1.0 (control characters, lone surrogates, U+FFFE/U+FFFF): dropped
                    } else if (!encoding.carries(cp)) {
                        out.append("&#").append(cp).append(';');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
    }

    /** Whether XML 1.0 can carry the character at all, as itself or as a reference. */
    static boolean xmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
