package br.com.sopdesk.sandbox;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A test client of the sandbox over real HTTP, speaking the stateless protocol the way public clients do. */
final class WireClient {

    final StandaloneSandbox sandbox;
    final HttpClient http = HttpClient.newHttpClient();

    WireClient(StandaloneSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A parsed {@code <wsqualitor>} answer, with the raw bytes. */
    record Answer(int httpStatus, String status, String msg, List<Map<String, String>> items, byte[] raw) {
        Map<String, String> item() {
            return items.get(0);
        }
    }

    /** Percent-encodes bytes as a form does (unreserved characters as they are). */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static String encode(String s) {
        return encode(s.getBytes(StandardCharsets.UTF_8));
    }

    String form(String wsdlFile, String operation, byte[] inputXml) {
        return "user=" + encode(sandbox.user()) + "&password=" + encode(sandbox.password()) + "&company=" + encode(sandbox.company())
                + "&wsdl_file=" + encode(wsdlFile) + "&operation=" + encode(operation)
                + (inputXml == null ? "" : "&input_xml=" + encode(inputXml));
    }

    /** A stateless call with the parameters in a form body. */
    Answer call(String wsdlFile, String operation, byte[] inputXml) throws Exception {
        return post("", "application/x-www-form-urlencoded", form(wsdlFile, operation, inputXml));
    }

    /** A stateless call of {@code <wsqualitor><contents><data>…</data>extra</contents></wsqualitor>} in UTF-8 without declaration. */
    Answer call(String wsdlFile, String operation, Map<String, String> data, String extra) throws Exception {
        StringBuilder xml = new StringBuilder("<wsqualitor><contents><data>");
        data.forEach((k, v) -> xml.append('<').append(k).append('>').append(v.replace("&", "&amp;").replace("<", "&lt;"))
                .append("</").append(k).append('>'));
        xml.append("</data>").append(extra == null ? "" : extra).append("</contents></wsqualitor>");
        return call(wsdlFile, operation, xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    Answer ticket(String operation, Map<String, String> data) throws Exception {
        return call("WSTicket.wsdl", operation, data, null);
    }

    /** POST to the stateless endpoint with a query string and a body. */
    Answer post(String query, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/ws/statelessws.php" + (query.isEmpty() ? "" : "?" + query)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return parse(r.statusCode(), r.body());
    }

    static Answer parse(int httpStatus, byte[] raw) throws Exception {
        Document doc = dom(raw, false);
        Element root = doc.getDocumentElement();
        List<Map<String, String>> items = new ArrayList<>();
        NodeList dataitems = root.getElementsByTagName("dataitem");
        for (int i = 0; i < dataitems.getLength(); i++) {
            Map<String, String> item = new LinkedHashMap<>();
            for (Node n = dataitems.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    item.put(e.getNodeName(), e.getTextContent());
                }
            }
            items.add(item);
        }
        return new Answer(httpStatus, text(root, "status"), text(root, "msg"), items, raw);
    }

    static Document dom(byte[] raw, boolean namespaces) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(namespaces);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(raw));
    }

    private static String text(Element root, String tag) {
        NodeList n = root.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    /** A ticket of a demo customer, opened now; answers its number. */
    String openTicket(Map<String, String> overrides, String additional) throws Exception {
        String customer = call("WSGeneral.wsdl", "getCustomer", Map.of("nrcpfcnpj", "11222333000181"), null).item().get("cdcliente");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("cdcliente", customer);
        data.put("cdcontato", call("WSGeneral.wsdl", "getCustomerContact", Map.of("cdcliente", customer, "dsemail", "ti@paoquente.com.br"),
                null).item().get("cdcontato"));
        data.put("nmtitulochamado", "Perda de senha - certificado A1");
        data.put("cdtipochamado", "5");
        data.put("cdcategoria", "32");
        data.put("cdlocalidade", "4");
        data.put("cdseveridade", "2");
        data.put("dschamado", "Cliente não localiza a senha.");
        data.putAll(overrides);
        Answer a = call("WSTicket.wsdl", "addTicketByData", data,
                additional == null ? null : "<informacoesadicionais>" + additional + "</informacoesadicionais>");
        if (!"1".equals(a.status())) {
            throw new AssertionError("addTicketByData refused: " + a.msg());
        }
        return a.item().get("cdchamado");
    }
}
