package br.com.sopdesk.qualitor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code <wsqualitor>} request document: the {@code <data>} fields in the order Qualitor's
 * documentation lists them, plus the optional {@code <informacoesadicionais>} block.
 *
 * <p>Qualitor installations run on ISO-8859-1. Characters outside Latin-1 (typographic quotes,
 * emoji pasted by an agent) are written as numeric character references so they survive the trip
 * instead of turning into question marks.
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

    /** Renders the document, with or without the XML declaration some Qualitor versions reject. */
    String toXml(boolean withDeclaration) {
        StringBuilder xml = new StringBuilder(256);
        if (withDeclaration) {
            xml.append("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        }
        xml.append("<wsqualitor><contents><data>");
        data.forEach((name, value) -> element(xml, name, value));
        xml.append("</data>");
        if (!additional.isEmpty()) {
            xml.append("<informacoesadicionais>");
            additional.forEach((name, value) -> element(xml, name, value));
            xml.append("</informacoesadicionais>");
        }
        xml.append("</contents></wsqualitor>");
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>');
        escape(xml, Objects.requireNonNull(value));
        xml.append("</").append(name).append('>');
    }

    static void escape(StringBuilder out, String text) {
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
                    if (cp > 0xFF) {
                        out.append("&#").append(cp).append(';');
                    } else if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') {
                        // control characters are not allowed in XML 1.0: drop them
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
    }
}
