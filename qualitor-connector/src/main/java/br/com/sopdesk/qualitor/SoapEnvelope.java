package br.com.sopdesk.qualitor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * SOAP 1.1 envelopes for Qualitor's PHP (rpc/encoded) services, written and read with the JDK's XML
 * APIs. A call is {@code <ns1:operation>} in the namespace the service's WSDL gives ({@link Wsdl})
 * with one {@code xsd:string} element per part, named as the WSDL names them; the answer is
 * {@code <ns1:operationResponse><return>} holding a string (the token, or the {@code <wsqualitor>}
 * document as escaped text), or a {@code SOAP-ENV:Fault}. Parsing refuses DTDs and ignores namespace
 * prefixes and part names of the answer (PHP servers differ in them).
 */
final class SoapEnvelope {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** A SOAP Fault: its code (prefix dropped, e.g. {@code Client}) and text. */
    record Fault(String code, String message) {
    }

    /** The answer: the string returned, or the fault. */
    record Answer(String value, Fault fault) {
    }

    private SoapEnvelope() {
    }

    /** The request envelope in the given encoding (characters it cannot carry become character references). */
    static byte[] request(String namespace, String operation, Map<String, String> parts, QualitorSettings.Encoding encoding) {
        try {
            Document doc = SafeXml.newDocument();
            Element envelope = doc.createElementNS(SOAP_ENV, "SOAP-ENV:Envelope");
            envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:SOAP-ENV", SOAP_ENV);
            envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:SOAP-ENC", SOAP_ENC);
            envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsd", XSD);
            envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsi", XSI);
            envelope.setAttributeNS(SOAP_ENV, "SOAP-ENV:encodingStyle", SOAP_ENC);
            doc.appendChild(envelope);
            Element body = doc.createElementNS(SOAP_ENV, "SOAP-ENV:Body");
            envelope.appendChild(body);
            Element call = doc.createElementNS(namespace, "ns1:" + operation);
            call.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ns1", namespace);
            body.appendChild(call);
            parts.forEach((name, value) -> {
                Element part = doc.createElement(name);
                part.setAttributeNS(XSI, "xsi:type", "xsd:string");
                part.setTextContent(xmlSafe(value == null ? "" : value));
                call.appendChild(part);
            });
            Transformer out = TransformerFactory.newDefaultInstance().newTransformer();
            out.setOutputProperty(OutputKeys.ENCODING, encoding.charset().name());
            out.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            out.transform(new DOMSource(doc), new StreamResult(bytes));
            return bytes.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("the SOAP envelope could not be written", e);
        }
    }

    /** Reads a response envelope: the returned string or the fault; anything else is {@link QualitorException.Malformed}. */
    static Answer parse(byte[] body, Charset charsetWhenUndeclared) {
        Document doc;
        try {
            doc = WsResponse.hasDeclaration(body)
                    ? SafeXml.parse(new InputSource(new ByteArrayInputStream(body)), true)
                    : SafeXml.parse(new InputSource(new StringReader(new String(body, charsetWhenUndeclared))), true);
        } catch (SAXException | IOException e) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.invalid-envelope", e.getMessage()));
        }
        Element envelope = doc.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName())) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.no-envelope", envelope.getNodeName()));
        }
        Element soapBody = firstChild(envelope, "Body");
        Element content = soapBody == null ? null : firstChild(soapBody, null);
        if (content == null) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.no-body"));
        }
        if ("Fault".equals(content.getLocalName())) {
            String code = text(firstChild(content, "faultcode"));
            return new Answer(null, new Fault(code.contains(":") ? code.substring(code.indexOf(':') + 1) : code,
                    text(firstChild(content, "faultstring"))));
        }
        Element returned = firstChild(content, null);
        if (returned == null) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.no-value", content.getLocalName()));
        }
        return new Answer(returned.getTextContent(), null);
    }

    /** The first child element with that local name (any namespace), or the first child element when name is null. */
    private static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().trim();
    }

    /** Control characters XML 1.0 cannot carry are dropped (as {@link WsRequest} does). */
    private static String xmlSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(WsRequest::xmlChar).forEach(out::appendCodePoint);
        return out.toString();
    }
}
