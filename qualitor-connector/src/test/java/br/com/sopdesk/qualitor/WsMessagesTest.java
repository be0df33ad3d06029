package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Qualitor's {@code <wsqualitor>} envelope, written and read, including ISO-8859-1 and broken answers. */
class WsMessagesTest {

    @Test
    void requestHasTheDocumentedShapeWithDeclaration() {
        String xml = new WsRequest()
                .data("cdcliente", "1207")
                .data("nmtitulochamado", "Perda de senha - certificado A1")
                .data("dschamado", "Cliente não localiza a senha; 1º contato")
                .data("ignored", null)
                .additional("vlinformacaoadicional49", "(51) 99999-0000 / (51) 3333-0000")
                .toXml(QualitorSettings.Encoding.ISO_8859_1);
        assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data>"
                + "<cdcliente>1207</cdcliente><nmtitulochamado>Perda de senha - certificado A1</nmtitulochamado>"
                + "<dschamado>Cliente não localiza a senha; 1º contato</dschamado></data>"
                + "<informacoesadicionais><vlinformacaoadicional49>(51) 99999-0000 / (51) 3333-0000</vlinformacaoadicional49>"
                + "</informacoesadicionais></contents></wsqualitor>", xml);
    }

    @Test
    void utf8DocumentsCarryNoDeclaration() {
        assertTrue(new WsRequest().data("cdchamado", "1").toXml(QualitorSettings.Encoding.UTF_8).startsWith("<wsqualitor>"));
    }

    @Test
    void markupAndNonLatin1CharactersAreEscapedInLatin1() {
        String xml = new WsRequest().data("dschamado", "a < b & \"c\" “aspas” 😀\u0007").toXml(QualitorSettings.Encoding.ISO_8859_1);
        assertTrue(xml.contains("<dschamado>a &lt; b &amp; &quot;c&quot; &#8220;aspas&#8221; &#128512;</dschamado>"), xml);
        assertTrue(StandardCharsets.ISO_8859_1.newEncoder().canEncode(xml), "the whole request fits ISO-8859-1");
    }

    @Test
    void readsASuccessAnswerDeclaredInLatin1() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><response_status><status>1</status>"
                + "<error_code></error_code><msg></msg></response_status><response_data><dataitem><cdchamado>48213</cdchamado>"
                + "<nmsituacao>Aguardando atendimento</nmsituacao><dschamado>Ação é º</dschamado></dataitem>"
                + "<dataitem><cdchamado>48214</cdchamado></dataitem></response_data></wsqualitor>").getBytes(StandardCharsets.ISO_8859_1);
        WsResponse answer = WsResponse.parse(body, StandardCharsets.UTF_8);
        assertTrue(answer.ok());
        assertEquals(2, answer.items().size());
        assertEquals(Map.of("cdchamado", "48213", "nmsituacao", "Aguardando atendimento", "dschamado", "Ação é º"), answer.items().get(0));
    }

    @Test
    void undeclaredAnswerIsDecodedWithTheHttpCharset() {
        byte[] body = "<wsqualitor><response_status><status>1</status></response_status><response_data><dataitem><msg>São Paulo</msg></dataitem></response_data></wsqualitor>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("São Paulo", WsResponse.parse(body, StandardCharsets.ISO_8859_1).single().get("msg"));
    }

    @Test
    void statusZeroCarriesCodeAndMessage() {
        byte[] body = ("<wsqualitor><response_status><status>0</status><error_code>12</error_code>"
                + "<msg>Ws - Campo obrigatório não informado: cdcategoria</msg></response_status><response_data/></wsqualitor>")
                .getBytes(StandardCharsets.UTF_8);
        WsResponse answer = WsResponse.parse(body, StandardCharsets.UTF_8);
        assertFalse(answer.ok());
        assertEquals("12", answer.errorCode());
        assertEquals("Ws - Campo obrigatório não informado: cdcategoria", answer.message());
        assertEquals(List.of(), answer.items());
    }

    @Test
    void somethingThatIsNotAQualitorAnswerIsMalformed() {
        for (String body : List.of("<html><body>Fatal error", "<other/>", "<wsqualitor><response_data/></wsqualitor>",
                "<wsqualitor><response_status><status>x</status></response_status></wsqualitor>", "")) {
            assertThrows(QualitorException.Malformed.class, () -> WsResponse.parse(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), body);
        }
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><wsqualitor>&e;</wsqualitor>";
        assertThrows(QualitorException.Malformed.class, () -> WsResponse.parse(xxe.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void refusalsAreNotRetryableButOutagesAre() {
        assertFalse(new QualitorException.Refused("1", "x").retryable());
        assertTrue(new QualitorException.Unavailable("x", null).retryable());
        assertTrue(new QualitorException.Malformed("x").retryable());
    }
}
