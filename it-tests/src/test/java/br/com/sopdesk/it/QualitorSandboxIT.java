package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployed sandbox answers at the addresses real clients use (the wire itself, in every variant,
 * is covered by the sandbox's own tests and the connector's contract tests against it): the
 * stateless endpoint with form fields in and {@code <wsqualitor>} in ISO-8859-1 out, wrong
 * credentials refused with {@code status 0}, mandatory fields enforced, ticket numbers increasing,
 * and the SOAP services' WSDLs.
 */
@BlackBox
class QualitorSandboxIT {

    private static final String ENDPOINT = Env.SANDBOX + "ws/statelessws.php";

    @Test
    void wrongCredentialsAreRefusedWithStatusZero() throws Exception {
        String answer = call("integracao", "wrong", "WSGeneral", "getCustomer",
                "<wsqualitor><contents><data><nrcpfcnpj>11222333000181</nrcpfcnpj></data></contents></wsqualitor>");
        assertTrue(answer.contains("<status>0</status>"), answer);
        assertTrue(answer.contains("<error_code>1</error_code>"), answer);
    }

    @Test
    void missingMandatoryFieldIsRefusedNamingTheField() throws Exception {
        String customer = value(call("integracao", "sandbox", "WSGeneral", "getCustomer",
                "<wsqualitor><contents><data><nrcpfcnpj>11222333000181</nrcpfcnpj></data></contents></wsqualitor>"), "cdcliente");
        String answer = call("integracao", "sandbox", "WSTicket", "addTicketByData",
                "<wsqualitor><contents><data><cdcliente>" + customer + "</cdcliente><cdcontato>1</cdcontato>"
                        + "<nmtitulochamado>t</nmtitulochamado><cdtipochamado>5</cdtipochamado>"
                        + "<dschamado>d</dschamado></data></contents></wsqualitor>");
        assertTrue(answer.contains("<status>0</status>"), answer);
        assertTrue(answer.contains("cdcategoria"), "names the missing field: " + answer);
    }

    @Test
    void ticketNumbersIncreaseAndLatin1TextRoundTrips() throws Exception {
        String customer = value(call("integracao", "sandbox", "WSGeneral", "getCustomer",
                "<wsqualitor><contents><data><nrcpfcnpj>12ABC34501DE35</nrcpfcnpj></data></contents></wsqualitor>"), "cdcliente");
        String contact = value(call("integracao", "sandbox", "WSGeneral", "getCustomerContact",
                "<wsqualitor><contents><data><cdcliente>" + customer + "</cdcliente><dsemail>a@b.com.br</dsemail></data></contents></wsqualitor>"), "cdcontato");
        String text = "Ação: cliente não sabe a senha; 1º contato às 10h, é urgente";
        long first = Long.parseLong(value(open(customer, contact, text), "cdchamado"));
        String second = open(customer, contact, text);
        assertEquals(first + 1, Long.parseLong(value(second, "cdchamado")));

        String read = call("integracao", "sandbox", "WSTicket", "getTicketData",
                "<wsqualitor><contents><data><cdchamado>" + first + "</cdchamado><campos>dschamado,nmsituacao</campos></data></contents></wsqualitor>");
        assertEquals(text, value(read, "dschamado"));
        assertEquals("Aguardando atendimento", value(read, "nmsituacao"));
    }

    @Test
    void theSoapServicesWsdlsAreServedWhereRealClientsLoadThem() throws Exception {
        for (String wsdl : new String[] {"ws/services/Ticket/WSTicket.wsdl", "ws/services/General/WSGeneral.wsdl"}) {
            HttpResponse<String> r = Env.get(Env.SANDBOX + wsdl);
            assertEquals(200, r.statusCode(), wsdl);
            assertTrue(r.body().contains("soap:address") && r.body().contains("soapAction"), r.body());
        }
        assertTrue(Env.get(Env.SANDBOX + "ws/services/Ticket/WSTicket.wsdl").body().contains("transferTicketTeam"));
    }

    private String open(String customer, String contact, String text) throws Exception {
        return call("integracao", "sandbox", "WSTicket", "addTicketByData",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><wsqualitor><contents><data><cdcliente>" + customer
                        + "</cdcliente><cdcontato>" + contact + "</cdcontato><idchamado>1</idchamado>"
                        + "<nmtitulochamado>Teste</nmtitulochamado><cdtipochamado>5</cdtipochamado><cdcategoria>32</cdcategoria>"
                        + "<dschamado>" + text + "</dschamado></data></contents></wsqualitor>");
    }

    private static String call(String user, String password, String service, String operation, String xml) throws Exception {
        String form = "user=" + enc(user) + "&password=" + enc(password) + "&company=1&wsdl_file=" + service
                + "&operation=" + operation + "&input_xml=" + enc(xml);
        HttpResponse<String> response = Env.post(ENDPOINT, "application/x-www-form-urlencoded; charset=ISO-8859-1",
                form.getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("ISO-8859-1"));
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.ISO_8859_1);
    }

    private static String value(String xml, String field) {
        Matcher m = Pattern.compile("<" + field + ">([^<]*)</" + field + ">").matcher(xml);
        assertTrue(m.find(), field + " in " + xml);
        return m.group(1);
    }
}
