package br.com.sopdesk.sandbox;

import br.com.sopdesk.sandbox.SandboxQualitor.SandboxFault;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Qualitor's SOAP services as its PHP server offers them (SOAP 1.1, rpc style):
 * {@code POST /ws/services/service.php?wsdl=WSTicket} (or {@code WSGeneral}) with an envelope whose
 * body is {@code <ns1:operation>} and one element per part. {@code login(login, passwd, company)}
 * answers a token; every other operation takes {@code (auth, xmlValue)} and answers the same
 * {@code <wsqualitor>} document as the stateless endpoint, as an escaped string in
 * {@code <return>}. A bad or expired token is refused with a SOAP Fault or {@code status 0}
 * ({@link SoapSessions}); faults set through the controls apply per operation as in the stateless
 * endpoint. {@code GET ?wsdl=<service>} answers a minimal WSDL of the operations.
 */
@WebServlet("/ws/services/service.php")
public class SoapServlet extends HttpServlet {

    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final Map<String, List<String>> OPERATIONS = Map.of(
            "WSTicket", List.of("login", "addTicketByData", "getTicketData", "getTicket", "addTicketHistory", "getTicketHistoryData",
                    "addAttachment", "closeTicket"),
            "WSGeneral", List.of("login", "getCustomer", "getCustomerContact", "getVersion"));

    @Inject
    Sandbox sandbox;

    @Inject
    WsOperations operations;

    @Inject
    @ConfigProperty(name = "sandbox.user", defaultValue = "integracao")
    String user;

    @Inject
    @ConfigProperty(name = "sandbox.password", defaultValue = "sandbox")
    String password;

    @Inject
    @ConfigProperty(name = "sandbox.company", defaultValue = "1")
    String company;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String service = Objects.toString(req.getParameter("wsdl"), "");
        if (!OPERATIONS.containsKey(service)) {
            resp.sendError(404, "serviço desconhecido: use ?wsdl=WSTicket ou ?wsdl=WSGeneral");
            return;
        }
        resp.setContentType("text/xml; charset=ISO-8859-1");
        resp.getWriter().write(wsdl(service, req.getRequestURL().toString()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String service = Objects.toString(req.getParameter("wsdl"), "");
        byte[] body = req.getInputStream().readAllBytes();
        Faults faults = sandbox.faults();
        StatelessWsServlet.pause(faults.baseLatencyMillis());
        Element call;
        try {
            call = operationOf(body);
        } catch (Exception e) {
            fault(resp, "Client", "Envelope SOAP inválido: " + e.getMessage());
            return;
        }
        String operation = call.getLocalName();
        Map<String, String> parts = new LinkedHashMap<>();
        for (Node n = call.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                parts.put(e.getLocalName(), e.getTextContent());
            }
        }
        Faults.Kind fault = faults.next(operation);
        if (fault == Faults.Kind.HTTP_500 || fault == Faults.Kind.DOWN) {
            resp.sendError(fault == Faults.Kind.DOWN ? 503 : 500, "sandbox fault");
            return;
        }
        resp.setContentType("text/xml; charset=ISO-8859-1");
        if (fault == Faults.Kind.MALFORMED) {
            resp.getWriter().write("<html><body>Fatal error: Allowed memory size exhausted");
            return;
        }
        if (fault == Faults.Kind.STATUS_0) {
            answer(resp, service, operation, WsOperations.error("98", "Ws - Falha simulada pelo sandbox."));
            return;
        }
        if (!OPERATIONS.getOrDefault(service, List.of()).contains(operation)) {
            fault(resp, "Client", "Operação desconhecida: " + service + "/" + operation);
            return;
        }
        SoapSessions sessions = sandbox.sessions();
        if ("login".equals(operation)) {
            if (user.equals(parts.get("login")) && sandbox.password(password).equals(parts.get("passwd")) && company.equals(parts.get("company"))) {
                answer(resp, service, operation, sessions.login());
            } else {
                fault(resp, "Client", "Usuário ou senha inválidos.");
            }
            return;
        }
        if (!"getVersion".equals(operation) && !sessions.valid(parts.get("auth"))) {
            if (sessions.tokenError() == SoapSessions.TokenError.FAULT) {
                fault(resp, "Client", "Token inválido ou expirado.");
            } else {
                answer(resp, service, operation, WsOperations.error("3", "Ws - Sessão expirada ou token inválido: efetue o login."));
            }
            return;
        }
        String result;
        try {
            result = WsOperations.ok(operations.run(service, operation, parts.get("xmlValue")));
        } catch (SandboxFault f) {
            answer(resp, service, operation, WsOperations.error(f.code, f.getMessage()));
            return;
        }
        byte[] bytes = envelope(service, operation, result).getBytes(StandardCharsets.ISO_8859_1);
        if (fault == Faults.Kind.SLOW_ANSWER) {
            StatelessWsServlet.pause(faults.faultLatencyMillis());
        } else if (fault == Faults.Kind.RESET) {
            // done, but the answer is cut: announce more bytes than are sent, then drop the connection
            resp.setContentLength(bytes.length + 512);
            resp.getOutputStream().write(bytes, 0, Math.min(40, bytes.length));
            resp.flushBuffer();
            throw new IOException("sandbox fault: connection cut");
        }
        resp.getOutputStream().write(bytes);
    }

    private static Element operationOf(byte[] body) throws Exception {
        Element envelope = SafeXml.parse(new InputSource(new ByteArrayInputStream(body)), true).getDocumentElement();
        if (!SOAP_ENV.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new IllegalArgumentException("a raiz não é um SOAP 1.1 Envelope");
        }
        for (Node b = envelope.getFirstChild(); b != null; b = b.getNextSibling()) {
            if (b instanceof Element e && "Body".equals(e.getLocalName())) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element op) {
                        return op;
                    }
                }
            }
        }
        throw new IllegalArgumentException("Body sem operação");
    }

    private static void answer(HttpServletResponse resp, String service, String operation, String value) throws IOException {
        resp.getOutputStream().write(envelope(service, operation, value).getBytes(StandardCharsets.ISO_8859_1));
    }

    static String envelope(String service, String operation, String value) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<SOAP-ENV:Envelope SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:SOAP-ENV=\"" + SOAP_ENV + "\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body>"
                + "<ns1:" + operation + "Response xmlns:ns1=\"urn:" + service + "\"><return xsi:type=\"xsd:string\">"
                + WsOperations.escape(value) + "</return></ns1:" + operation + "Response></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    /** A SOAP 1.1 Fault, with HTTP 500 as PHP SOAP servers send it. */
    private static void fault(HttpServletResponse resp, String code, String message) throws IOException {
        resp.setStatus(500);
        resp.setContentType("text/xml; charset=ISO-8859-1");
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + SOAP_ENV + "\"><SOAP-ENV:Body>"
                + "<SOAP-ENV:Fault><faultcode>SOAP-ENV:" + code + "</faultcode><faultstring>" + WsOperations.escape(message)
                + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        resp.getOutputStream().write(xml.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String wsdl(String service, String location) {
        String ns = "urn:" + service;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
                .append("<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\" xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\"")
                .append(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:tns=\"").append(ns).append("\" targetNamespace=\"").append(ns).append("\">");
        for (String op : OPERATIONS.get(service)) {
            x.append("<message name=\"").append(op).append("Request\">");
            List<String> in = switch (op) {
                case "login" -> List.of("login", "passwd", "company");
                case "getVersion" -> List.of();
                default -> List.of("auth", "xmlValue");
            };
            in.forEach(p -> x.append("<part name=\"").append(p).append("\" type=\"xsd:string\"/>"));
            x.append("</message><message name=\"").append(op).append("Response\"><part name=\"return\" type=\"xsd:string\"/></message>");
        }
        x.append("<portType name=\"").append(service).append("PortType\">");
        OPERATIONS.get(service).forEach(op -> x.append("<operation name=\"").append(op).append("\"><input message=\"tns:").append(op)
                .append("Request\"/><output message=\"tns:").append(op).append("Response\"/></operation>"));
        x.append("</portType><binding name=\"").append(service).append("Binding\" type=\"tns:").append(service).append("PortType\">")
                .append("<soap:binding style=\"rpc\" transport=\"http://schemas.xmlsoap.org/soap/http\"/>");
        OPERATIONS.get(service).forEach(op -> x.append("<operation name=\"").append(op).append("\"><soap:operation soapAction=\"")
                .append(ns).append('#').append(op).append("\" style=\"rpc\"/>")
                .append("<input><soap:body use=\"encoded\" namespace=\"").append(ns).append("\" encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"/></input>")
                .append("<output><soap:body use=\"encoded\" namespace=\"").append(ns).append("\" encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"/></output></operation>"));
        x.append("</binding><service name=\"").append(service).append("\"><port name=\"").append(service).append("Port\" binding=\"tns:")
                .append(service).append("Binding\"><soap:address location=\"").append(WsOperations.escape(location)).append("?wsdl=").append(service)
                .append("\"/></port></service></definitions>");
        return x.toString();
    }
}
