package br.com.sopdesk.sandbox;

import br.com.sopdesk.sandbox.SandboxQualitor.SandboxFault;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Qualitor's stateless endpoint: {@code POST /ws/statelessws.php} with the form fields user,
 * password, company, wsdl_file, operation and input_xml, answering {@code <wsqualitor>} in
 * ISO-8859-1. Credentials come from {@code sandbox.user}, {@code sandbox.password} and
 * {@code sandbox.company} (defaults: integracao / sandbox / 1).
 */
@WebServlet("/ws/statelessws.php")
public class StatelessWsServlet extends HttpServlet {

    @Inject
    Sandbox sandbox;

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
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("ISO-8859-1");
        Faults faults = sandbox.faults();
        pause(faults.baseLatencyMillis());
        String operation = Objects.toString(req.getParameter("operation"), "");
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
            resp.getWriter().write(error("98", "Ws - Falha simulada pelo sandbox."));
            return;
        }
        if (!"getVersion".equals(operation)
                && !(user.equals(req.getParameter("user")) && password.equals(req.getParameter("password"))
                && company.equals(req.getParameter("company")))) {
            resp.getWriter().write(error("1", "Ws - Usuário ou senha inválidos."));
            return;
        }
        try {
            Map<String, String> data = new LinkedHashMap<>();
            Map<String, String> additional = new LinkedHashMap<>();
            parse(req.getParameter("input_xml"), data, additional);
            List<Map<String, String>> items = dispatch(Objects.toString(req.getParameter("wsdl_file"), ""), operation, data, additional);
            String answer = ok(items);
            if (fault == Faults.Kind.SLOW_ANSWER) {
                pause(faults.faultLatencyMillis());
            } else if (fault == Faults.Kind.RESET) {
                // done, but the answer is cut: announce more bytes than are sent, then drop the connection
                byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                resp.setContentLength(bytes.length + 512);
                resp.getOutputStream().write(bytes, 0, Math.min(40, bytes.length));
                resp.flushBuffer();
                throw new IOException("sandbox fault: connection cut");
            }
            resp.getWriter().write(answer);
        } catch (SandboxFault f) {
            resp.getWriter().write(error(f.code, f.getMessage()));
        }
    }

    private List<Map<String, String>> dispatch(String service, String operation, Map<String, String> data,
                                               Map<String, String> additional) throws SandboxFault {
        SandboxQualitor q = sandbox.qualitor();
        return switch (service + "." + operation) {
            case "WSGeneral.getVersion" -> List.of(Map.of("version", "8.20.sandbox"));
            case "WSGeneral.getCustomer" -> List.of(q.customer(data.get("nrcpfcnpj")));
            case "WSGeneral.getCustomerContact" -> List.of(q.contact(data.get("cdcliente"), data.get("dsemail"), data.get("nmcontato")));
            case "WSTicket.addTicketByData" -> {
                Map<String, String> t = q.addTicket(data, additional);
                yield List.of(pick(t, "cdchamado", "cdsituacao", "nmsituacao", "dtchamado"));
            }
            case "WSTicket.getTicketData" -> {
                Map<String, String> t = q.ticket(data.get("cdchamado"));
                String fields = data.get("campos");
                yield List.of(fields == null || fields.isBlank() ? t : pick(t, fields.split("\\s*,\\s*")));
            }
            case "WSTicket.getTicket" -> q.ticketsOf(data.get("cdcliente"), data.get("cdsituacao"), data.get("dtperiodo")).stream()
                    .map(t -> pick(t, "cdchamado", "nmtitulochamado", "cdsituacao", "nmsituacao", "dtchamado", "dtprevisaoresposta", "dspalavrachave"))
                    .toList();
            case "WSTicket.addTicketHistory" -> {
                q.addHistory(data.get("cdchamado"), data.get("dsacompanhamento"), data.get("cdtipoacompanhamento"));
                yield List.of();
            }
            case "WSTicket.getTicketHistoryData" -> q.history(data.get("cdchamado"));
            default -> throw new SandboxFault("2", "Ws - Operação desconhecida: " + service + "/" + operation);
        };
    }

    private static Map<String, String> pick(Map<String, String> from, String... fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : fields) {
            if (from.containsKey(f)) {
                out.put(f, from.get(f));
            }
        }
        return out;
    }

    private static void parse(String xml, Map<String, String> data, Map<String, String> additional) throws SandboxFault {
        if (xml == null || xml.isBlank()) {
            return;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the form field is already text: drop the declaration so its encoding is not re-applied
            String text = xml.strip().startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            collect(doc.getDocumentElement(), "data", data);
            collect(doc.getDocumentElement(), "informacoesadicionais", additional);
        } catch (Exception e) {
            throw new SandboxFault("99", "Ws - XML de entrada inválido: " + e.getMessage());
        }
    }

    private static void collect(Element root, String block, Map<String, String> into) {
        var nodes = root.getElementsByTagName(block);
        if (nodes.getLength() == 0) {
            return;
        }
        for (Node n = nodes.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                into.put(e.getNodeName(), e.getTextContent());
            }
        }
    }

    static String ok(List<Map<String, String>> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<wsqualitor>")
                .append("<response_status><status>1</status><error_code></error_code><msg></msg></response_status>")
                .append("<response_data>");
        for (Map<String, String> item : items) {
            xml.append("<dataitem>");
            item.forEach((k, v) -> xml.append('<').append(k).append('>').append(escape(v)).append("</").append(k).append('>'));
            xml.append("</dataitem>");
        }
        return xml.append("</response_data></wsqualitor>").toString();
    }

    static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<wsqualitor><response_status><status>0</status><error_code>"
                + code + "</error_code><msg>" + escape(message) + "</msg></response_status><response_data/></wsqualitor>";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (cp > 0xFF) {
                        out.append("&#").append(cp).append(';');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
