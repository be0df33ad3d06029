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

    /** Refusals reach the caller as exceptions, not as lines on the server's stderr. */
    private static final org.xml.sax.ErrorHandler QUIET = new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }
    };

    private SafeXml() {
    }

    static Document parse(InputSource source, boolean namespaces) throws Exception {
        DocumentBuilder builder = (namespaces ? NAMESPACED : PLAIN).get();
        try {
            builder.setErrorHandler(QUIET); // reset() drops it, so set it on every parse
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
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
