package br.com.sopdesk.qualitor;

import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses what Qualitor answers without DTDs or external entities (the answer comes from another
 * system). Parsers are configured once and kept per thread: looking a factory up and building a
 * parser for every answer cost more than the parse itself on the submission path, and a
 * {@link DocumentBuilder} may not be shared between threads.
 */
final class SafeXml {

    private static final ThreadLocal<DocumentBuilder> PLAIN = ThreadLocal.withInitial(() -> builder(false));
    private static final ThreadLocal<DocumentBuilder> NAMESPACED = ThreadLocal.withInitial(() -> builder(true));

    private SafeXml() {
    }

    static Document parse(InputSource source, boolean namespaces) throws SAXException, IOException {
        DocumentBuilder builder = (namespaces ? NAMESPACED : PLAIN).get();
        try {
            return builder.parse(source);
        } finally {
            builder.reset();
            builder.setErrorHandler(null);
        }
    }

    /** An empty namespace-aware document to build a request in. */
    static Document newDocument() {
        return NAMESPACED.get().newDocument();
    }

    private static DocumentBuilder builder(boolean namespaces) {
        try {
            // the JDK's own parser, without a service look-up through the server's class loaders
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(namespaces);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser available", e);
        }
    }
}
