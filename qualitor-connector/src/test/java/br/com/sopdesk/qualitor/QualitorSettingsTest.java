package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An installation's settings read by key, with their defaults, the legacy key, and the refusal of values that cannot work. */
class QualitorSettingsTest {

    private static QualitorSettings from(Map<String, String> values) {
        return QualitorSettings.from(k -> Optional.ofNullable(values.get(k)), "pw");
    }

    @Test
    void nothingConfiguredMeansTheDocumentedDefaults() {
        QualitorSettings s = from(Map.of());
        assertEquals(URI.create("http://localhost:8080/qualitor-sandbox"), s.baseUri());
        assertEquals("integracao", s.user());
        assertEquals("pw", s.password());
        assertEquals("1", s.company());
        assertEquals(QualitorSettings.Mode.STATELESS, s.mode());
        assertEquals(QualitorSettings.Encoding.ISO_8859_1, s.encoding());
        assertEquals(QualitorSettings.WsdlFile.SUFFIXED, s.wsdlFile());
        assertEquals("ws/services/{group}/{service}.wsdl", s.soapWsdl());
        assertEquals(Duration.ofMillis(2000), s.connectTimeout());
        assertEquals(Duration.ofMillis(5000), s.readTimeout());
        assertEquals("1", s.historyType());
        assertNull(s.defaultContact(), "no default contact unless configured");
        assertEquals("1", s.periodType());
        assertEquals(false, s.attachmentPrivate());
        assertEquals(Map.of(), s.extraInfo(), "no extra-information code is invented");
    }

    @Test
    void everyKeyIsReadAndTrimmed() {
        Map<String, String> v = new HashMap<>();
        v.put("qualitor.url", " https://qualitor.cliente.com.br/qualitor ");
        v.put("qualitor.user", "sopdesk");
        v.put("qualitor.company", "3");
        v.put("qualitor.mode", "SOAP");
        v.put("qualitor.encoding", "utf-8");
        v.put("qualitor.wsdl-file", "lowercase");
        v.put("qualitor.soap.wsdl", "ws/services/service.php?wsdl={service}");
        v.put("qualitor.connect-timeout-ms", "1500");
        v.put("qualitor.read-timeout-ms", "8000");
        v.put("qualitor.history-type", "7");
        v.put("qualitor.default-contact", "77");
        v.put("qualitor.period-type", "2");
        v.put("qualitor.attachment-private", "sim");
        v.put("qualitor.extra.phone1", "1740");
        v.put("qualitor.extra.sop", " 1741 ");
        QualitorSettings s = from(v);
        assertEquals(URI.create("https://qualitor.cliente.com.br/qualitor"), s.baseUri());
        assertEquals(QualitorSettings.Mode.SOAP, s.mode());
        assertEquals(QualitorSettings.Encoding.UTF_8, s.encoding());
        assertEquals(QualitorSettings.WsdlFile.LOWERCASE, s.wsdlFile());
        assertEquals("ws/services/service.php?wsdl={service}", s.soapWsdl());
        assertEquals(Duration.ofMillis(1500), s.connectTimeout());
        assertEquals(Duration.ofMillis(8000), s.readTimeout());
        assertEquals("7", s.historyType());
        assertEquals("77", s.defaultContact());
        assertEquals("2", s.periodType());
        assertTrue(s.attachmentPrivate());
        assertEquals(Map.of(QualitorSettings.Datum.PHONE1, "1740", QualitorSettings.Datum.SOP, "1741"), s.extraInfo());
    }

    @Test
    void theLegacyDeclarationSwitchChoosesTheEncodingOnlyWhenNoEncodingIsSet() {
        assertEquals(QualitorSettings.Encoding.UTF_8, from(Map.of("qualitor.xml-declaration", "false")).encoding());
        assertEquals(QualitorSettings.Encoding.ISO_8859_1, from(Map.of("qualitor.xml-declaration", "true")).encoding());
        assertEquals(QualitorSettings.Encoding.ISO_8859_1,
                from(Map.of("qualitor.xml-declaration", "false", "qualitor.encoding", "iso-8859-1")).encoding(), "the new key wins");
        assertEquals(QualitorSettings.Encoding.UTF_8,
                from(Map.of("qualitor.xml-declaration", "true", "qualitor.encoding", "UTF8")).encoding());
    }

    @Test
    void theWsdlFileSpellingsAreThoseOfPublicClients() {
        assertEquals("WSTicket.wsdl", QualitorSettings.WsdlFile.SUFFIXED.spell("WSTicket"));
        assertEquals("wsticket.wsdl", QualitorSettings.WsdlFile.LOWERCASE.spell("WSTicket"));
        assertEquals("WSGeneral", QualitorSettings.WsdlFile.BARE.spell("WSGeneral"));
        assertEquals(QualitorSettings.WsdlFile.BARE, from(Map.of("qualitor.wsdl-file", "Bare")).wsdlFile());
    }

    @Test
    void problemRefusesABadUrlModeEncodingOrTimeoutAndAcceptsGoodOnes() {
        for (String bad : new String[] {"", "qualitor.cliente.com.br", "ftp://qualitor/x", "http://", "http://exa mple/q", "https:///semhost"}) {
            assertTrue(QualitorSettings.Key.URL.problem(bad).isPresent(), "URL '" + bad + "'");
        }
        assertEquals(Optional.empty(), QualitorSettings.Key.URL.problem("https://qualitor.cliente.com.br/qualitor"));
        assertEquals(Optional.empty(), QualitorSettings.Key.URL.problem("http://10.0.0.5:8080"));

        assertTrue(QualitorSettings.Key.MODE.problem("rest").orElseThrow().toString().contains("rest"));
        assertEquals(Optional.empty(), QualitorSettings.Key.MODE.problem("soap"));
        assertTrue(QualitorSettings.Key.ENCODING.problem("utf-16").orElseThrow().toString().contains("utf-16"));
        assertTrue(QualitorSettings.Key.ENCODING.problem("windows-1252").isPresent(), "only the two encodings real clients use");
        assertEquals(Optional.empty(), QualitorSettings.Key.ENCODING.problem("latin1"));
        assertTrue(QualitorSettings.Key.WSDL_FILE.problem("WSTicket.wsdl").isPresent(), "the setting names the spelling, not the file");

        for (String bad : new String[] {"99", "120001", "abc", "", "-5", "2s"}) {
            assertTrue(QualitorSettings.Key.READ_TIMEOUT.problem(bad).isPresent(), "timeout '" + bad + "'");
            assertTrue(QualitorSettings.Key.CONNECT_TIMEOUT.problem(bad).isPresent(), "timeout '" + bad + "'");
        }
        assertEquals(Optional.empty(), QualitorSettings.Key.READ_TIMEOUT.problem("100"));
        assertEquals(Optional.empty(), QualitorSettings.Key.READ_TIMEOUT.problem("120000"));

        assertTrue(QualitorSettings.Key.SOAP_WSDL.problem("ws/services/Ticket.wsdl").isPresent(), "must say where {service} goes");
        assertTrue(QualitorSettings.Key.EXTRA_PHONE1.problem("17 40").isPresent());
        assertEquals(Optional.empty(), QualitorSettings.Key.EXTRA_PHONE1.problem(""));
        assertTrue(QualitorSettings.Key.USER.problem(" ").isPresent());
        assertTrue(QualitorSettings.Key.ATTACHMENT_PRIVATE.problem("talvez").isPresent());
        assertTrue(QualitorSettings.Key.REFERENCE_DEMANDS.problem("48213; 48214").isPresent());
        assertEquals(Optional.empty(), QualitorSettings.Key.REFERENCE_DEMANDS.problem("48213, 48214"));
        assertEquals(Optional.of(QualitorSettings.Key.MODE), QualitorSettings.Key.of("qualitor.mode"));
        assertEquals(Optional.empty(), QualitorSettings.Key.of("qualitor.nada"));
    }

    @Test
    void aValueThatCannotBeReadIsRefusedNamingItsKey() {
        Map<String, String> cases = Map.of(
                "qualitor.mode", "rest",
                "qualitor.encoding", "utf-16",
                "qualitor.url", "qualitor.cliente.com.br",
                "qualitor.read-timeout-ms", "5s",
                "qualitor.wsdl-file", "WSTicket.wsdl",
                "qualitor.attachment-private", "talvez");
        cases.forEach((key, value) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> from(Map.of(key, value)), key);
            assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
        });
    }

    @Test
    void anUnreadableLegacyDeclarationSwitchIsRefusedNamingItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> from(Map.of("qualitor.xml-declaration", "talvez")));
        assertTrue(e.getMessage().startsWith("qualitor.xml-declaration: "), e.getMessage());
    }

    @Test
    void thePasswordNeverAppearsInTheSettingsText() {
        QualitorSettings s = QualitorSettings.from(k -> Optional.empty(), "s3nha-secreta");
        assertTrue(!s.toString().contains("s3nha-secreta"), s.toString());
    }
}
