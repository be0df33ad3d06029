package br.com.sopdesk.qualitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What a Qualitor SOAP service's WSDL says, read at run time as real clients do (PHP's
 * {@code SoapClient($wsdl)}): the endpoint ({@code soap:address}), and per operation its namespace
 * ({@code soap:body namespace}, else the target namespace), its {@code SOAPAction} and the names of
 * its input parts in order. Nothing here is guessed from the service's name.
 */
record Wsdl(URI endpoint, Map<String, Operation> operations) {

    /** One operation as the binding describes it. */
    record Operation(String name, String namespace, String soapAction, List<String> inputParts) {
    }

    Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** Reads a WSDL 1.1 document; {@code from} resolves a relative {@code soap:address}. */
    static Wsdl parse(byte[] body, URI from) {
        Document doc;
        try {
            doc = SafeXml.parse(new InputSource(new ByteArrayInputStream(body)), true);
        } catch (SAXException | IOException e) {
            throw new QualitorException.Malformed(Wording.of("connector.wsdl.invalid", from, e.getMessage()));
        }
        Element definitions = doc.getDocumentElement();
        if (!"definitions".equals(definitions.getLocalName())) {
            throw new QualitorException.Malformed(Wording.of("connector.wsdl.not-wsdl", from, definitions.getNodeName()));
        }
        String target = definitions.getAttribute("targetNamespace");
        Map<String, List<String>> messages = new HashMap<>();
        for (Element m : children(definitions, "message")) {
            List<String> parts = new ArrayList<>();
            children(m, "part").forEach(p -> parts.add(p.getAttribute("name")));
            messages.put(m.getAttribute("name"), parts);
        }
        Map<String, List<String>> inputs = new HashMap<>();
        for (Element portType : children(definitions, "portType")) {
            for (Element op : children(portType, "operation")) {
                children(op, "input").stream().findFirst()
                        .ifPresent(in -> inputs.put(op.getAttribute("name"), messages.getOrDefault(local(in.getAttribute("message")), List.of())));
            }
        }
        Map<String, Operation> operations = new HashMap<>();
        for (Element binding : children(definitions, "binding")) {
            for (Element op : children(binding, "operation")) {
                String name = op.getAttribute("name");
                String action = children(op, "operation").stream().findFirst().map(e -> e.getAttribute("soapAction")).orElse("");
                String namespace = children(op, "input").stream().flatMap(in -> children(in, "body").stream()).findFirst()
                        .map(b -> b.getAttribute("namespace")).filter(s -> !s.isBlank()).orElse(target);
                operations.putIfAbsent(name, new Operation(name, namespace, action, inputs.getOrDefault(name, List.of())));
            }
        }
        String location = null;
        for (Element service : children(definitions, "service")) {
            for (Element port : children(service, "port")) {
                for (Element address : children(port, "address")) {
                    if (location == null && !address.getAttribute("location").isBlank()) {
                        location = address.getAttribute("location").strip();
                    }
                }
            }
        }
        if (location == null) {
            throw new QualitorException.Malformed(Wording.of("connector.wsdl.no-address", from));
        }
        if (operations.isEmpty()) {
            throw new QualitorException.Malformed(Wording.of("connector.wsdl.no-operations", from));
        }
        return new Wsdl(from.resolve(location), Map.copyOf(operations));
    }

    private static String local(String qname) {
        return qname.contains(":") ? qname.substring(qname.indexOf(':') + 1) : qname;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
