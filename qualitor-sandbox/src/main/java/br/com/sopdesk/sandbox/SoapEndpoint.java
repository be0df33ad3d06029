package br.com.sopdesk.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Qualitor's SOAP services (SOAP 1.1, rpc/encoded) under {@code /ws/services/}, without a
 * container. {@code GET Ticket/WSTicket.wsdl}, {@code General/WSGeneral.wsdl} or
 * {@code service.php?wsdl=<service>} answer the WSDL, which advertises the endpoint, namespace and
 * SOAPAction of the current {@link SoapLayout}; a POST is served only at that endpoint, with that
 * SOAPAction and that operation namespace (else a Client Fault naming what was expected), so only a
 * client that reads the WSDL gets through. {@code login(login, passwd, company)} answers a token
 * and a {@code PHPSESSID} cookie; every other operation but {@code getVersion()} takes
 * {@code (auth, xmlValue)} and answers the stateless endpoint's {@code <wsqualitor>} document as an
 * escaped string in {@code <return>}. Tokens follow {@link SoapSessions}.
 */
final class SoapEndpoint {

    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final List<String> SERVICES = List.of("WSTicket", "WSGeneral");

    private final SandboxState state;
    private final WsOperations operations;

    SoapEndpoint(SandboxState state) {
        this.state = state;
        this.operations = new WsOperations(state);
    }

    /** The operations of a service as its WSDL lists them. */
    static List<String> operationsOf(String service) {
        List<String> ops = new ArrayList<>();
        ops.add("login");
        ops.addAll(WsOperations.OPERATIONS.get(service));
        return ops;
    }

    static List<String> partsOf(String operation) {
        return switch (operation) {
            case "login" -> List.of("login", "passwd", "company");
            case "getVersion" -> List.of();
            default -> List.of("auth", "xmlValue");
        };
    }

    Wire.Response handle(Wire.Request r) {
        if ("GET".equalsIgnoreCase(r.method())) {
            String service = wsdlService(r);
            if (service == null) {
                return Wire.Response.text(404, "WSDL desconhecido: use ws/services/Ticket/WSTicket.wsdl, ws/services/General/WSGeneral.wsdl"
                        + " ou ws/services/service.php?wsdl=WSTicket|WSGeneral");
            }
            return Wire.Response.xml(200, wsdl(service, r.base()));
        }
        if (!"POST".equalsIgnoreCase(r.method())) {
            return Wire.Response.text(405, "Use GET (WSDL) ou POST (SOAP).").withHeader("Allow", "GET, POST");
        }
        return call(r);
    }

    private static String wsdlService(Wire.Request r) {
        for (String service : SERVICES) {
            if (r.path().equals("/ws/services/" + SoapLayout.groupOf(service) + "/" + service + ".wsdl")) {
                return service;
            }
        }
        if (r.path().equals("/ws/services/service.php")) {
            byte[] wsdl = Wire.decodeForm(r.query()).get("wsdl");
            String name = wsdl == null ? "" : new String(wsdl, StandardCharsets.UTF_8);
            return SERVICES.contains(name) ? name : null;
        }
        return null;
    }

    private Wire.Response call(Wire.Request r) {
        Faults faults = state.faults();
        Faults.pause(faults.baseLatencyMillis());
        Element call;
        try {
            call = operationOf(r.body());
        } catch (Exception e) {
            return fault("Client", "Envelope SOAP inválido: " + e.getMessage());
        }
        String operation = call.getLocalName();
        Map<String, String> parts = new LinkedHashMap<>();
        for (Node n = call.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                parts.put(e.getLocalName(), e.getTextContent());
            }
        }
        Faults.Kind fault = faults.next(operation);
        Wire.Response failed = Faults.failure(fault);
        if (failed != null) {
            return failed;
        }
        SoapLayout layout = state.soapLayout();
        String service = serviceAt(layout, r);
        if (service == null) {
            return fault("Client", "Endpoint não anunciado no WSDL: " + r.path() + (r.query() == null ? "" : "?" + r.query())
                    + "; esperado: " + layout.endpointOf(r.base(), "WSTicket") + " ou " + layout.endpointOf(r.base(), "WSGeneral"));
        }
        if (fault == Faults.Kind.STATUS_0) {
            return answer(layout, service, operation, WsOperations.error("98", "Ws - Falha simulada pelo sandbox."));
        }
        if (!operationsOf(service).contains(operation)) {
            return fault("Client", "Operação desconhecida: " + service + "/" + operation);
        }
        String expectedAction = layout.actionOf(service, operation);
        String action = unquoted(r.header("SOAPAction"));
        if (!expectedAction.equals(action)) {
            return fault("Client", "SOAPAction inesperada: " + (action == null ? "(ausente)" : "\"" + action + "\"")
                    + "; esperada: \"" + expectedAction + "\" (veja o WSDL)");
        }
        String expectedNamespace = layout.namespaceOf(service);
        if (!expectedNamespace.equals(call.getNamespaceURI())) {
            return fault("Client", "Namespace inesperado para " + operation + ": " + call.getNamespaceURI() + "; esperado: "
                    + expectedNamespace + " (veja o WSDL)");
        }
        SoapSessions sessions = state.sessions();
        if ("login".equals(operation)) {
            if (!state.credentials(parts.get("login"), parts.get("passwd"), parts.get("company"))) {
                return fault("Client", "Usuário ou senha inválidos.");
            }
            SoapSessions.Session s = sessions.login(service);
            return answer(layout, service, operation, s.token())
                    .withHeader("Set-Cookie", SoapSessions.COOKIE + "=" + s.sessionId() + "; Path=/");
        }
        if (!"getVersion".equals(operation)
                && !sessions.valid(parts.get("auth"), service, Wire.cookie(r.headers().get("Cookie"), SoapSessions.COOKIE))) {
            if (sessions.tokenError() == SoapSessions.TokenError.FAULT) {
                return fault("Client", "Token inválido ou expirado.");
            }
            return answer(layout, service, operation, WsOperations.error("3", "Ws - Sessão expirada ou token inválido: efetue o login."));
        }
        String result;
        try {
            result = WsOperations.ok(operations.run(service, operation, parts.get("xmlValue")));
        } catch (SandboxFault f) {
            return answer(layout, service, operation, WsOperations.error(f.code, f.getMessage()));
        }
        Wire.Response ok = answer(layout, service, operation, result);
        if (fault == Faults.Kind.SLOW_ANSWER) {
            Faults.pause(faults.faultLatencyMillis());
        }
        return fault == Faults.Kind.RESET ? ok.cutOff() : ok;
    }

    /** The service whose advertised endpoint this request reached (path, and the query parameters the endpoint names), or null. */
    private static String serviceAt(SoapLayout layout, Wire.Request r) {
        Map<String, byte[]> query = Wire.decodeForm(r.query());
        for (String service : SERVICES) {
            String endpoint = layout.relativeEndpoint(service);
            int q = endpoint.indexOf('?');
            String path = q < 0 ? endpoint : endpoint.substring(0, q);
            if (!path.equals(r.path())) {
                continue;
            }
            boolean all = q < 0 || Wire.decodeForm(endpoint.substring(q + 1)).entrySet().stream()
                    .allMatch(e -> query.containsKey(e.getKey()) && java.util.Arrays.equals(query.get(e.getKey()), e.getValue()));
            if (all) {
                return service;
            }
        }
        return null;
    }

    private static String unquoted(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        return h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"") ? h.substring(1, h.length() - 1) : h;
    }

    private static Element operationOf(byte[] body) throws Exception {
        Element envelope = SafeXml.parse(new InputSource(new ByteArrayInputStream(body)), true).getDocumentElement();
        if (!SOAP_ENV.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new IllegalArgumentException("a raiz não é um SOAP 1.1 Envelope");
        }
        for (Node b = envelope.getFirstChild(); b != null; b = b.getNextSibling()) {
            if (b instanceof Element e && "Body".equals(e.getLocalName()) && SOAP_ENV.equals(e.getNamespaceURI())) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element op) {
                        return op;
                    }
                }
            }
        }
        throw new IllegalArgumentException("Body sem operação");
    }

    private static Wire.Response answer(SoapLayout layout, String service, String operation, String value) {
        return Wire.Response.xml(200, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<SOAP-ENV:Envelope SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:SOAP-ENV=\"" + SOAP_ENV + "\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body>"
                + "<ns1:" + operation + "Response xmlns:ns1=\"" + WsOperations.escape(layout.namespaceOf(service)) + "\">"
                + "<return xsi:type=\"xsd:string\">" + WsOperations.escape(value) + "</return></ns1:" + operation
                + "Response></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    /** A SOAP 1.1 Fault, with HTTP 500 as PHP SOAP servers send it. */
    private static Wire.Response fault(String code, String message) {
        return Wire.Response.xml(500, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + SOAP_ENV
                + "\"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:" + code + "</faultcode><faultstring>"
                + WsOperations.escape(message) + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    /** The WSDL of {@code service} for clients of {@code base}, with the current layout's endpoint, namespace and actions. */
    private String wsdl(String service, String base) {
        SoapLayout layout = state.soapLayout();
        String ns = WsOperations.escape(layout.namespaceOf(service));
        List<String> ops = operationsOf(service);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
                .append("<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\" xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\"")
                .append(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:tns=\"").append(ns).append("\" name=\"").append(service)
                .append("\" targetNamespace=\"").append(ns).append("\">");
        for (String op : ops) {
            x.append("<message name=\"").append(op).append("Request\">");
            partsOf(op).forEach(p -> x.append("<part name=\"").append(p).append("\" type=\"xsd:string\"/>"));
            x.append("</message><message name=\"").append(op).append("Response\"><part name=\"return\" type=\"xsd:string\"/></message>");
        }
        x.append("<portType name=\"").append(service).append("PortType\">");
        ops.forEach(op -> x.append("<operation name=\"").append(op).append("\"><input message=\"tns:").append(op)
                .append("Request\"/><output message=\"tns:").append(op).append("Response\"/></operation>"));
        x.append("</portType><binding name=\"").append(service).append("Binding\" type=\"tns:").append(service).append("PortType\">")
                .append("<soap:binding style=\"rpc\" transport=\"http://schemas.xmlsoap.org/soap/http\"/>");
        String body = "<soap:body use=\"encoded\" namespace=\"" + ns + "\" encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"/>";
        ops.forEach(op -> x.append("<operation name=\"").append(op).append("\"><soap:operation soapAction=\"")
                .append(WsOperations.escape(layout.actionOf(service, op))).append("\" style=\"rpc\"/>")
                .append("<input>").append(body).append("</input><output>").append(body).append("</output></operation>"));
        x.append("</binding><service name=\"").append(service).append("\"><port name=\"").append(service).append("Port\" binding=\"tns:")
                .append(service).append("Binding\"><soap:address location=\"").append(WsOperations.escape(layout.endpointOf(base, service)))
                .append("\"/></port></service></definitions>");
        return x.toString();
    }
}
