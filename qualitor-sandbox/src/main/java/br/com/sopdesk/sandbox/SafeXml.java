package br.com.sopdesk.sandbox;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The sandbox's XML parsers, without DTDs or external entities, configured once and kept per
 * thread, so a request costs the parse and not a parser's construction (the sandbox must not be
 * the bottleneck of the benchmarks that run against it).
 */
final class SafeXml {

    private static final ThreadLocal<DocumentBuilder> PLAIN = ThreadLocal.withInitial(() -> builder(false));
    private static final ThreadLocal<DocumentBuilder> NAMESPACED = ThreadLocal.withInitial(() -> builder(true));

    private SafeXml() {
    }

    static Document parse(InputSource source, boolean namespaces) throws Exception {
        DocumentBuilder builder = (namespaces ? NAMESPACED : PLAIN).get();
        try {
            return builder.parse(source);
        } finally {
            builder.reset();
        }
    }

    private static DocumentBuilder builder(boolean namespaces) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setNamespaceAware(namespaces);
            DocumentBuilder b = f.newDocumentBuilder();
            // refusals reach the caller as exceptions, not as lines on the server's stderr
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
