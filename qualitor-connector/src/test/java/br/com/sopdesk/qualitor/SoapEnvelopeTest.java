package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SOAP 1.1 envelopes written for and read from a PHP server, in ISO-8859-1, whatever prefixes it uses. */
class SoapEnvelopeTest {

    @Test
    void requestIsAnRpcCallInTheWsdlsNamespaceWithStringPartsInLatin1() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("auth", "tok");
        parts.put("xmlValue", "<wsqualitor><contents><data><dschamado>não “aspas” 😀 & <b></dschamado></data></contents></wsqualitor>");
        byte[] bytes = SoapEnvelope.request("http://qualitor.example/ws/Ticket", "addTicketByData", parts, QualitorSettings.Encoding.ISO_8859_1);
        String xml = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\""), xml);
        assertTrue(xml.contains("<SOAP-ENV:Body><ns1:addTicketByData xmlns:ns1=\"http://qualitor.example/ws/Ticket\"><auth xsi:type=\"xsd:string\">tok</auth>"),
                xml);
        assertTrue(xml.contains("SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\""), xml);
        assertTrue(xml.contains("&lt;dschamado&gt;não &#8220;aspas&#8221; &#128512; &amp; &lt;b&gt;"), xml);
        assertTrue(StandardCharsets.ISO_8859_1.newEncoder().canEncode(xml));
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("n\u00e3o"), "ã as the single Latin-1 byte E3");
    }

    @Test
    void aUtf8RequestCarriesEveryCharacterAsItsUtf8BytesAndDropsWhatXmlCannotCarry() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("auth", "tok");
        parts.put("xmlValue", "ção – “ok” \uD800\uFFFE\u0001fim");
        byte[] bytes = SoapEnvelope.request("urn:Qualitor.Ticket", "addTicketHistory", parts, QualitorSettings.Encoding.UTF_8);
        String xml = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""), xml);
        assertTrue(xml.contains("<xmlValue xsi:type=\"xsd:string\">ção – “ok” fim</xmlValue>"), xml);
        assertTrue(xml.contains("<ns1:addTicketHistory xmlns:ns1=\"urn:Qualitor.Ticket\">"), xml);
    }

    @Test
    void readsTheReturnedStringWhateverThePrefixesAndPartName() {
        String answer = "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body>"
                + "<m:loginResponse xmlns:m=\"urn:x\"><result>abc123</result></m:loginResponse></env:Body></env:Envelope>";
        SoapEnvelope.Answer read = SoapEnvelope.parse(answer.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        assertEquals("abc123", read.value());
        assertNull(read.fault());
    }

    @Test
    void readsAFaultWithoutItsPrefixAndLatin1Text() {
        byte[] answer = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Usuário inválido</faultstring>"
                + "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>").getBytes(StandardCharsets.ISO_8859_1);
        SoapEnvelope.Fault fault = SoapEnvelope.parse(answer, StandardCharsets.UTF_8).fault();
        assertEquals("Client", fault.code());
        assertEquals("Usuário inválido", fault.message());
    }

    @Test
    void anythingElseIsMalformedAndEntitiesAreRefused() {
        for (String body : new String[] {"<html>Fatal error", "<wsqualitor/>", "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"/>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"}) {
            assertThrows(QualitorException.Malformed.class, () -> SoapEnvelope.parse(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), body);
        }
    }

    @Test
    void tokenAndSessionMessagesAreRecognised() {
        assertTrue(SoapTransport.aboutToken("Token inválido ou expirado."));
        assertTrue(SoapTransport.aboutToken("Ws - Sessão expirada, efetue o login novamente."));
        assertTrue(!SoapTransport.aboutToken("Ws - Campo obrigatório não informado: cdcategoria"));
    }
}
