package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The two encodings real clients use, byte for byte: ISO-8859-1 with its declaration (Latin-1
 * letters as single bytes, anything beyond as numeric character references) and UTF-8 without a
 * declaration (every character as its UTF-8 bytes), and the stateless form body that percent-encodes
 * exactly those bytes.
 */
class WsRequestEncodingTest {

    private static final String PT_BR = "ç ã º é – “ ”";

    private static WsRequest request(String text) {
        return new WsRequest().data("dschamado", text);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String hex(String ascii) {
        return hex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void latin1DocumentsDeclareTheirEncodingAndCarryAccentsAsSingleBytesAndTypographicMarksAsReferences() {
        byte[] bytes = request(PT_BR).toBytes(QualitorSettings.Encoding.ISO_8859_1);
        String all = hex(bytes);
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor>"));
        // ç ã º é as one byte each: E7 20 E3 20 BA 20 E9
        assertTrue(all.contains("e720e320ba20e9"), all);
        assertTrue(all.contains(hex(" &#8211; &#8220; &#8221;</dschamado>")), new String(bytes, StandardCharsets.ISO_8859_1));
        for (byte b : bytes) {
            assertTrue(b != (byte) 0xC3 && b != (byte) 0xC2 && b != (byte) 0xE2, "no UTF-8 lead byte in a Latin-1 document: " + all);
        }
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><dschamado>ç ã º é &#8211; &#8220; &#8221;"
                + "</dschamado></data></contents></wsqualitor>", new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Test
    void utf8DocumentsHaveNoDeclarationAndCarryEveryCharacterAsItsUtf8Bytes() {
        byte[] bytes = request(PT_BR).toBytes(QualitorSettings.Encoding.UTF_8);
        String all = hex(bytes);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("<wsqualitor>"), "no declaration: UTF-8 by default");
        // ç ã º é – “ ” each as its UTF-8 sequence, separated by spaces
        assertTrue(all.contains("c3a720c3a320c2ba20c3a920e2809320e2809c20e2809d"), all);
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("&#"), "no character references needed in UTF-8");
        assertEquals("<wsqualitor><contents><data><dschamado>" + PT_BR + "</dschamado></data></contents></wsqualitor>",
                new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void loneSurrogatesAndNonCharactersAreDroppedInBothEncodings() {
        String text = "a\uD800b\uDC00c\uFFFEd\uFFFFe\u0001f😀g";
        assertEquals("<wsqualitor><contents><data><dschamado>abcdef😀g</dschamado></data></contents></wsqualitor>",
                request(text).toXml(QualitorSettings.Encoding.UTF_8));
        assertTrue(request(text).toXml(QualitorSettings.Encoding.ISO_8859_1).endsWith("<dschamado>abcdef&#128512;g</dschamado></data></contents></wsqualitor>"));
        String utf8 = new String(request(text).toBytes(QualitorSettings.Encoding.UTF_8), StandardCharsets.UTF_8);
        assertFalse(utf8.contains("\uFFFD"), "nothing became a replacement character on the way to bytes");
    }

    @Test
    void theLatin1FormBodyPercentEncodesTheLatin1BytesAndTheReferences() {
        String body = formBody(QualitorSettings.Encoding.ISO_8859_1);
        String xml = field(body, "input_xml");
        assertTrue(xml.startsWith("%3C%3Fxml+version%3D%221.0%22+encoding%3D%22ISO-8859-1%22%3F%3E"), xml);
        assertTrue(xml.contains("%E7+%E3+%BA+%E9+%26%238211%3B+%26%238220%3B+%26%238221%3B"), xml);
        assertFalse(xml.contains("%C3"), "not UTF-8");
        assertEquals("WSTicket.wsdl", field(body, "wsdl_file"), "the default spelling, suffixed");
        assertEquals("addTicketByData", field(body, "operation"));
        assertEquals("s%EAnha", field(body, "password"), "credentials in the same charset");
    }

    @Test
    void theUtf8FormBodyPercentEncodesTheUtf8Bytes() {
        String body = formBody(QualitorSettings.Encoding.UTF_8);
        String xml = field(body, "input_xml");
        assertTrue(xml.startsWith("%3Cwsqualitor%3E"), "no declaration: " + xml);
        assertTrue(xml.contains("%C3%A7+%C3%A3+%C2%BA+%C3%A9+%E2%80%93+%E2%80%9C+%E2%80%9D"), xml);
        assertEquals("s%C3%AAnha", field(body, "password"));
    }

    /** The form body the stateless transport would post for {@link #PT_BR} (password {@code sênha}). */
    private static String formBody(QualitorSettings.Encoding encoding) {
        QualitorSettings settings = new QualitorSettings(URI.create("http://localhost:1/qualitor"), "integracao", "sênha", "1",
                Duration.ofSeconds(1), Duration.ofSeconds(1), true).withEncoding(encoding);
        StatelessTransport transport = new StatelessTransport(settings);
        try {
            byte[] body = transport.formBody("WSTicket", "addTicketByData", request(PT_BR));
            for (byte b : body) {
                assertTrue(b > 0x20 && b < 0x7F, "a form body is plain ASCII");
            }
            return new String(body, StandardCharsets.US_ASCII);
        } finally {
            transport.close();
        }
    }

    private static String field(String body, String name) {
        for (String pair : body.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + body);
    }
}
