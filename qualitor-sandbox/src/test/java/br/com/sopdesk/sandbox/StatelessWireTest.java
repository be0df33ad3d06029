package br.com.sopdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sandbox.WireClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stateless endpoint over real HTTP: wsdl_file spellings, parameters in the query string, encodings. */
class StatelessWireTest {

    private static final String PT_BR = "ção ã º – “” é";
    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();
    private static StandaloneSandbox sandbox;
    private static WireClient client;

    @BeforeEach
    void bind() {
        sandbox = running.sandbox();
        client = running.client();
    }

    private static Answer version(String wsdlFile) throws Exception {
        return client.call(wsdlFile, "getVersion", null);
    }

    private static Answer referenceTicket(String wsdlFile) throws Exception {
        return client.call(wsdlFile, "getTicketData", Map.of("cdchamado", "1000", "campos", "cdchamado"), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WSTicket", "WSTicket.wsdl", "wsticket.wsdl", "WSTICKET.WSDL"})
    void anySpellingOfWsTicketByDefault(String wsdlFile) throws Exception {
        Answer a = referenceTicket(wsdlFile);
        assertEquals("1", a.status(), a.msg());
        assertEquals("1000", a.item().get("cdchamado"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WSGeneral", "WSGeneral.wsdl", "wsgeneral.wsdl"})
    void anySpellingOfWsGeneralByDefault(String wsdlFile) throws Exception {
        assertEquals("1", version(wsdlFile).status());
    }

    @Test
    void anUnknownServiceIsAnUnknownOperation() throws Exception {
        Answer a = referenceTicket("WSTickets.wsdl");
        assertEquals("0", a.status());
        assertEquals("Ws - Operação desconhecida: WSTickets.wsdl/getTicketData", a.msg());
        assertEquals("Ws - Operação desconhecida: WSGeneral.wsdl/getTicketData",
                client.call("WSGeneral.wsdl", "getTicketData", Map.of("cdchamado", "1000"), null).msg());
    }

    @Test
    void suffixedOnlyRefusesTheBareName() throws Exception {
        sandbox.wsdlFileSpelling(SandboxState.WsdlFileSpelling.SUFFIXED_ONLY);
        assertEquals("1", referenceTicket("wsticket.wsdl").status());
        assertEquals("1", referenceTicket("WSTicket.WSDL").status());
        assertEquals("1", version("WSGeneral.wsdl").status());
        Answer bare = referenceTicket("WSTicket");
        assertEquals("0", bare.status());
        assertEquals("Ws - Operação desconhecida: WSTicket/getTicketData", bare.msg());
        assertEquals("0", version("wsgeneral").status());
    }

    @Test
    void bareOnlyRefusesTheSuffix() throws Exception {
        sandbox.wsdlFileSpelling(SandboxState.WsdlFileSpelling.BARE_ONLY);
        assertEquals("1", referenceTicket("WSTicket").status());
        assertEquals("1", referenceTicket("wsticket").status());
        Answer suffixed = referenceTicket("WSTicket.wsdl");
        assertEquals("0", suffixed.status());
        assertEquals("Ws - Operação desconhecida: WSTicket.wsdl/getTicketData", suffixed.msg());
        assertEquals("0", version("wsgeneral.wsdl").status());
    }

    @Test
    void resetRestoresAnySpelling() throws Exception {
        sandbox.wsdlFileSpelling(SandboxState.WsdlFileSpelling.BARE_ONLY);
        sandbox.reset();
        assertEquals("1", referenceTicket("wsticket.wsdl").status());
    }

    @Test
    void parametersInTheQueryStringOfThePost() throws Exception {
        String query = client.form("wsticket.wsdl", "getTicketData",
                "<wsqualitor><contents><data><cdchamado>1001</cdchamado></data></contents></wsqualitor>".getBytes(StandardCharsets.UTF_8));
        Answer a = client.post(query, null, "");
        assertEquals("1", a.status(), a.msg());
        assertEquals("1001", a.item().get("cdchamado"));
    }

    @Test
    void theBodyWinsOverTheQueryString() throws Exception {
        String good = client.form("WSGeneral.wsdl", "getCustomer",
                "<wsqualitor><contents><data><nrcpfcnpj>11222333000181</nrcpfcnpj></data></contents></wsqualitor>".getBytes(StandardCharsets.UTF_8));
        String badPassword = good.replace("password=sandbox", "password=errada");
        assertTrue(badPassword.contains("password=errada"));
        assertEquals("1", client.post(badPassword, "application/x-www-form-urlencoded", good).status());
        Answer refused = client.post(good, "application/x-www-form-urlencoded", badPassword);
        assertEquals("0", refused.status());
        assertEquals("Ws - Usuário ou senha inválidos.", refused.msg());
    }

    @Test
    void aBodyThatIsNotAFormIsNotRead() throws Exception {
        String form = client.form("WSGeneral.wsdl", "getCustomer", null);
        assertEquals("0", client.post("", "text/plain", form).status());
    }

    @Test
    void otherParametersAreReadInTheRequestCharset() throws Exception {
        sandbox.expectPassword("senhaçã");
        String latin1 = client.form("WSGeneral.wsdl", "getCustomerContact", null)
                .replace("password=" + WireClient.encode("senhaçã"), "password=" + WireClient.encode("senhaçã".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("0", client.post("", "application/x-www-form-urlencoded", latin1).status(), "Latin-1 bytes read as UTF-8");
        Answer a = client.post("", "application/x-www-form-urlencoded; charset=ISO-8859-1", latin1);
        assertFalse("Ws - Usuário ou senha inválidos.".equals(a.msg()), a.msg());
    }

    private String roundTrip(byte[] addXml) throws Exception {
        Answer added = client.call("WSTicket.wsdl", "addTicketByData", addXml);
        assertEquals("1", added.status(), added.msg());
        return added.item().get("cdchamado");
    }

    private String ticketXml(String declaration, String text) throws Exception {
        String customer = client.call("WSGeneral.wsdl", "getCustomer", Map.of("nrcpfcnpj", "11222333000181"), null).item().get("cdcliente");
        String contact = client.call("WSGeneral.wsdl", "getCustomerContact", Map.of("cdcliente", customer, "dsemail", "ti@paoquente.com.br"), null)
                .item().get("cdcontato");
        return declaration + "<wsqualitor><contents><data><cdcliente>" + customer + "</cdcliente><cdcontato>" + contact
                + "</cdcontato><nmtitulochamado>" + text + "</nmtitulochamado><cdtipochamado>5</cdtipochamado><cdcategoria>32</cdcategoria>"
                + "<dschamado>" + text + "</dschamado></data></contents></wsqualitor>";
    }

    private void assertReadBack(String number) throws Exception {
        Answer read = client.ticket("getTicketData", Map.of("cdchamado", number, "campos", "nmtitulochamado,dschamado"));
        assertEquals(PT_BR, read.item().get("nmtitulochamado"));
        assertEquals(PT_BR, read.item().get("dschamado"));
        String raw = new String(read.raw(), StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), raw);
        assertTrue(raw.contains("ção ã º &#8211; &#8220;&#8221; é"), raw);
    }

    @Test
    void ptBrInUtf8WithoutDeclaration() throws Exception {
        assertReadBack(roundTrip(ticketXml("", PT_BR).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ptBrInIso88591WithDeclaration() throws Exception {
        String text = "ção ã º &#8211; &#8220;&#8221; é";
        byte[] xml = ticketXml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", text).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals((byte) 0xE7, xml[new String(xml, StandardCharsets.ISO_8859_1).indexOf('ç')]);
        assertReadBack(roundTrip(xml));
    }

    @Test
    void rawLatin1WithoutDeclarationIsRefused() throws Exception {
        byte[] xml = ticketXml("", "ção").getBytes(StandardCharsets.ISO_8859_1);
        Answer a = client.call("WSTicket.wsdl", "addTicketByData", xml);
        assertEquals("0", a.status());
        assertTrue(a.msg().startsWith("Ws - XML de entrada inválido: ") && a.msg().length() > "Ws - XML de entrada inválido: ".length(), a.msg());
        assertEquals(0, sandbox.qualitor().received());
    }

    @Test
    void theAnswerIsIso88591() throws Exception {
        var r = client.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUri() + "/ws/statelessws.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(client.form("WSGeneral", "getVersion", null))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals("text/xml; charset=ISO-8859-1", r.headers().firstValue("Content-Type").orElse(""));
    }
}
