package br.com.sopdesk.qualitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A parsed {@code <wsqualitor>} answer: {@code response_status} (status, error_code, msg) and the
 * {@code dataitem} records of {@code response_data}, each as field name to text.
 *
 * <p>Parsing refuses DTDs and external entities: the answer comes from another system.
 */
record WsResponse(boolean ok, String errorCode, String message, List<Map<String, String>> items) {

    /** An answer that arrived as text (SOAP mode: the string a SOAP operation returns); a declaration in it is ignored. */
    static WsResponse parse(String xml) {
        String text = xml == null ? "" : xml.strip();
        if (text.startsWith("<?xml") && text.contains("?>")) {
            text = text.substring(text.indexOf("?>") + 2);
        }
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
    }

    static WsResponse parse(byte[] body, Charset charsetWhenUndeclared) {
        try {
            Document doc = hasDeclaration(body)
                    ? SafeXml.parse(new InputSource(new ByteArrayInputStream(body)), false)
                    : SafeXml.parse(new InputSource(new StringReader(new String(body, charsetWhenUndeclared))), false);
            Element root = doc.getDocumentElement();
            if (!"wsqualitor".equals(root.getNodeName())) {
                throw new QualitorException.Malformed(Wording.of("connector.answer.no-wsqualitor", root.getNodeName()));
            }
            Element status = child(root, "response_status");
            if (status == null) {
                throw new QualitorException.Malformed(Wording.of("connector.answer.no-status"));
            }
            String code = text(child(status, "status"));
            if (!"1".equals(code) && !"0".equals(code)) {
                throw new QualitorException.Malformed(Wording.of("connector.answer.bad-status", code));
            }
            List<Map<String, String>> items = new ArrayList<>();
            Element data = child(root, "response_data");
            if (data != null) {
                NodeList children = data.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    if (children.item(i) instanceof Element item && "dataitem".equals(item.getNodeName())) {
                        Map<String, String> fields = new LinkedHashMap<>();
                        NodeList values = item.getChildNodes();
                        for (int j = 0; j < values.getLength(); j++) {
                            if (values.item(j) instanceof Element value) {
                                fields.put(value.getNodeName(), value.getTextContent().trim());
                            }
                        }
                        items.add(fields);
                    }
                }
            }
            return new WsResponse("1".equals(code), text(child(status, "error_code")),
                    text(child(status, "msg")), List.copyOf(items));
        } catch (SAXException | IOException e) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.invalid-xml", e.getMessage()));
        }
    }

    /** The first item, for operations that answer one record. */
    Map<String, String> single() {
        if (items.isEmpty()) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.no-dataitem"));
        }
        return items.get(0);
    }

    static boolean hasDeclaration(byte[] body) {
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t' || body[i] == (byte) 0xEF || body[i] == (byte) 0xBB || body[i] == (byte) 0xBF)) {
            i++;
        }
        return body.length - i >= 5 && body[i] == '<' && body[i + 1] == '?' && body[i + 2] == 'x' && body[i + 3] == 'm' && body[i + 4] == 'l';
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getNodeName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().trim();
    }
}
