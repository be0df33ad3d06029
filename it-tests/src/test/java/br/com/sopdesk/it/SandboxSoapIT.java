package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's SOAP services over real HTTP, as a PHP SOAP client would call them: login for a
 * token, operations with {@code (auth, xmlValue)}, a bad token refused (SOAP Fault or status 0),
 * the same {@code <wsqualitor>} answers as the stateless endpoint; and the attachment and closing
 * operations in both transports.
 */
class SandboxSoapIT {

    private static final String SOAP = Env.SANDBOX + "ws/services/service.php";
    private static final String STATELESS = Env.SANDBOX + "ws/statelessws.php";

    @AfterEach
    void defaults() throws Exception {
        Env.post(Env.SANDBOX + "control/soap/token-error?as=FAULT", "application/x-www-form-urlencoded", new byte[0]);
    }

    @Test
    void loginGivesATokenThatOperationsRequire() throws Exception {
        HttpResponse<String> wrong = soap("WSGeneral", "login", part("login", "integracao") + part("passwd", "errada") + part("company", "1"));
        assertEquals(500, wrong.statusCode(), "a SOAP Fault travels with HTTP 500");
        assertTrue(wrong.body().contains("<faultcode>SOAP-ENV:Client</faultcode>"), wrong.body());
        assertTrue(wrong.body().contains("Usuário ou senha inválidos"), wrong.body());

        String token = login();
        String customer = value(ret(soap("WSGeneral", "getCustomer", part("auth", token)
                + part("xmlValue", "<wsqualitor><contents><data><nrcpfcnpj>11222333000181</nrcpfcnpj></data></contents></wsqualitor>"))), "cdcliente");
        assertTrue(customer.matches("\\d+"), customer);

        HttpResponse<String> bad = soap("WSGeneral", "getCustomer", part("auth", "not-a-token")
                + part("xmlValue", "<wsqualitor><contents><data><nrcpfcnpj>11222333000181</nrcpfcnpj></data></contents></wsqualitor>"));
        assertEquals(500, bad.statusCode());
        assertTrue(bad.body().contains("Token inválido ou expirado"), bad.body());

        Env.post(Env.SANDBOX + "control/soap/token-error?as=STATUS_0", "application/x-www-form-urlencoded", new byte[0]);
        String statusZero = ret(soap("WSGeneral", "getCustomer", part("auth", "not-a-token") + part("xmlValue", "<wsqualitor/>")));
        assertTrue(statusZero.contains("<status>0</status>") && statusZero.contains("Sessão expirada"), statusZero);

        Env.post(Env.SANDBOX + "control/soap/expire-tokens", "application/x-www-form-urlencoded", new byte[0]);
        String expired = ret(soap("WSGeneral", "getCustomer", part("auth", token) + part("xmlValue", "<wsqualitor/>")));
        assertTrue(expired.contains("<status>0</status>"), "an expired token no longer works: " + expired);
    }

    @Test
    void theVersionNeedsNoTokenAndAMinimalWsdlIsServed() throws Exception {
        assertTrue(ret(soap("WSGeneral", "getVersion", "")).contains("<version>"));
        HttpResponse<String> wsdl = Env.get(SOAP + "?wsdl=WSTicket");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("<operation name=\"addAttachment\">") && wsdl.body().contains("style=\"rpc\""), wsdl.body());
    }

    @Test
    void attachmentsAreStoredAndClosingEndsTheTicketOverSoap() throws Exception {
        String token = login();
        String number = openTicket(xml -> ret(soap("WSTicket", "addTicketByData", part("auth", token) + part("xmlValue", xml))),
                xml -> ret(soap("WSGeneral", xml.contains("nrcpfcnpj") ? "getCustomer" : "getCustomerContact", part("auth", token) + part("xmlValue", xml))));
        String text = "Resumo: SOP perda-de-senha v1; cliente não localiza a senha";
        String attached = ret(soap("WSTicket", "addAttachment", part("auth", token) + part("xmlValue", "<wsqualitor><contents><data><cdchamado>"
                + number + "</cdchamado><nmarquivo>resumo.txt</nmarquivo><dsarquivo>"
                + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "</dsarquivo></data></contents></wsqualitor>")));
        assertTrue(attached.contains("<status>1</status>") && attached.contains("<nmarquivo>resumo.txt</nmarquivo>"), attached);
        String files = Env.get(Env.SANDBOX + "control/tickets/" + number + "/attachments").body();
        assertTrue(files.contains("\"nmarquivo\":\"resumo.txt\"") && files.contains(text), files);
        String history = ret(soap("WSTicket", "getTicketHistoryData", part("auth", token)
                + part("xmlValue", "<wsqualitor><contents><data><cdchamado>" + number + "</cdchamado></data></contents></wsqualitor>")));
        assertTrue(history.contains("<nmarquivo>resumo.txt</nmarquivo>"), history);

        String closed = ret(soap("WSTicket", "closeTicket", part("auth", token) + part("xmlValue", "<wsqualitor><contents><data><cdchamado>"
                + number + "</cdchamado><idfecharrelacionados>N</idfecharrelacionados></data></contents></wsqualitor>")));
        assertEquals("5", value(closed, "cdsituacao"));
        assertEquals("Encerrado", value(closed, "nmsituacao"));
        String again = ret(soap("WSTicket", "closeTicket", part("auth", token) + part("xmlValue", "<wsqualitor><contents><data><cdchamado>"
                + number + "</cdchamado><idfecharrelacionados>N</idfecharrelacionados></data></contents></wsqualitor>")));
        assertTrue(again.contains("<status>0</status>") && again.contains("no next step"), again);
    }

    @Test
    void attachmentsAndClosingOverTheStatelessEndpoint() throws Exception {
        String number = openTicket(xml -> stateless("WSTicket", "addTicketByData", xml),
                xml -> stateless("WSGeneral", xml.contains("nrcpfcnpj") ? "getCustomer" : "getCustomerContact", xml));
        String missing = stateless("WSTicket", "addAttachment", "<wsqualitor><contents><data><cdchamado>" + number
                + "</cdchamado><nmarquivo>a.txt</nmarquivo></data></contents></wsqualitor>");
        assertTrue(missing.contains("<status>0</status>") && missing.contains("dsarquivo"), missing);
        String ok = stateless("WSTicket", "addAttachment", "<wsqualitor><contents><data><cdchamado>" + number
                + "</cdchamado><nmarquivo>a.txt</nmarquivo><dsarquivo>" + Base64.getEncoder().encodeToString("olá".getBytes(StandardCharsets.UTF_8))
                + "</dsarquivo></data></contents></wsqualitor>");
        assertTrue(ok.contains("<status>1</status>"), ok);
        assertTrue(Env.sandboxTickets().contains("\"cdchamado\":\"" + number + "\""));
        String closed = stateless("WSTicket", "closeTicket", "<wsqualitor><contents><data><cdchamado>" + number
                + "</cdchamado><idfecharrelacionados>Y</idfecharrelacionados></data></contents></wsqualitor>");
        assertEquals("Encerrado", value(closed, "nmsituacao"));
        String read = stateless("WSTicket", "getTicketData", "<wsqualitor><contents><data><cdchamado>" + number
                + "</cdchamado><campos>cdsituacao,nmsituacao</campos></data></contents></wsqualitor>");
        assertEquals("5", value(read, "cdsituacao"));
        String files = Env.get(Env.SANDBOX + "control/tickets/" + number + "/attachments").body();
        assertEquals(1, files.split("\"nmarquivo\"", -1).length - 1, files);
    }

    interface Call {
        String apply(String xml) throws Exception;
    }

    private static String openTicket(Call ticket, Call general) throws Exception {
        String customer = value(general.apply("<wsqualitor><contents><data><nrcpfcnpj>11222333000181</nrcpfcnpj></data></contents></wsqualitor>"), "cdcliente");
        String contact = value(general.apply("<wsqualitor><contents><data><cdcliente>" + customer
                + "</cdcliente><dsemail>soap@padaria.com.br</dsemail></data></contents></wsqualitor>"), "cdcontato");
        return value(ticket.apply("<wsqualitor><contents><data><cdcliente>" + customer + "</cdcliente><cdcontato>" + contact
                + "</cdcontato><idchamado>1</idchamado><nmtitulochamado>Teste SOAP</nmtitulochamado><cdtipochamado>5</cdtipochamado>"
                + "<cdcategoria>32</cdcategoria><dschamado>Ação de teste, é urgente</dschamado></data></contents></wsqualitor>"), "cdchamado");
    }

    private static String login() throws Exception {
        String token = ret(soap("WSTicket", "login", part("login", "integracao") + part("passwd", "sandbox") + part("company", "1")));
        assertTrue(token.matches("[0-9a-f]{32}"), token);
        return token;
    }

    private static String part(String name, String value) {
        return "<" + name + " xsi:type=\"xsd:string\">" + value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</" + name + ">";
    }

    private static HttpResponse<String> soap(String service, String operation, String parts) throws Exception {
        String envelope = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><SOAP-ENV:Body>"
                + "<ns1:" + operation + " xmlns:ns1=\"urn:" + service + "\">" + parts + "</ns1:" + operation + "></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        return Env.HTTP.send(HttpRequest.newBuilder(URI.create(SOAP + "?wsdl=" + service)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "text/xml; charset=ISO-8859-1")
                        .header("SOAPAction", "\"urn:" + service + "#" + operation + "\"")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.getBytes(StandardCharsets.ISO_8859_1))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    /** The string in {@code <return>}, unescaped. */
    private static String ret(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Matcher m = Pattern.compile("<return[^>]*>(.*)</return>", Pattern.DOTALL).matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String stateless(String service, String operation, String xml) throws Exception {
        String form = "user=integracao&password=sandbox&company=1&wsdl_file=" + service + "&operation=" + operation
                + "&input_xml=" + URLEncoder.encode(xml, StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = Env.post(STATELESS, "application/x-www-form-urlencoded; charset=ISO-8859-1", form.getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String value(String xml, String field) {
        Matcher m = Pattern.compile("<" + field + ">([^<]*)</" + field + ">").matcher(xml);
        assertTrue(m.find(), field + " in " + xml);
        return m.group(1);
    }
}
