package br.com.sopdesk.qualitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WSDL 1.1 document (rpc/encoded, as PHP's SOAP servers publish them) for the tests, with its
 * endpoint, target namespace, {@code soap:body} namespace, SOAPActions and part names chosen by the
 * test, so a test can tell whether the connector read them rather than guessed them.
 */
final class FakeWsdl {

    private final String service;
    private final String targetNamespace;
    private String bodyNamespace = "";
    private String location = "";
    private final Map<String, List<String>> operations = new LinkedHashMap<>();
    private final Map<String, String> actions = new LinkedHashMap<>();

    private FakeWsdl(String service, String targetNamespace) {
        this.service = service;
        this.targetNamespace = targetNamespace;
    }

    static FakeWsdl of(String service, String targetNamespace) {
        return new FakeWsdl(service, targetNamespace);
    }

    /** The namespace every operation's {@code soap:body} names (empty: none, the target namespace applies). */
    FakeWsdl bodyNamespace(String namespace) {
        this.bodyNamespace = namespace;
        return this;
    }

    /** The {@code soap:address location}, absolute or relative to the WSDL's own address. */
    FakeWsdl location(String location) {
        this.location = location;
        return this;
    }

    FakeWsdl operation(String name, String soapAction, String... parts) {
        operations.put(name, List.of(parts));
        actions.put(name, soapAction);
        return this;
    }

    String xml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\" xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\""
                + " xmlns:tns=\"" + targetNamespace + "\" targetNamespace=\"" + targetNamespace + "\" name=\"" + service + "\">\n");
        operations.forEach((op, parts) -> {
            x.append("  <message name=\"").append(op).append("Request\">");
            parts.forEach(p -> x.append("<part name=\"").append(p).append("\" type=\"xsd:string\"/>"));
            x.append("</message>\n  <message name=\"").append(op).append("Response\"><part name=\"return\" type=\"xsd:string\"/></message>\n");
        });
        x.append("  <portType name=\"").append(service).append("PortType\">\n");
        operations.keySet().forEach(op -> x.append("    <operation name=\"").append(op).append("\"><input message=\"tns:").append(op)
                .append("Request\"/><output message=\"tns:").append(op).append("Response\"/></operation>\n"));
        x.append("  </portType>\n  <binding name=\"").append(service).append("Binding\" type=\"tns:").append(service).append("PortType\">\n")
                .append("    <soap:binding style=\"rpc\" transport=\"http://schemas.xmlsoap.org/soap/http\"/>\n");
        String body = "<soap:body use=\"encoded\"" + (bodyNamespace.isEmpty() ? "" : " namespace=\"" + bodyNamespace + "\"")
                + " encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"/>";
        operations.keySet().forEach(op -> x.append("    <operation name=\"").append(op).append("\"><soap:operation soapAction=\"")
                .append(actions.get(op)).append("\" style=\"rpc\"/><input>").append(body).append("</input><output>").append(body)
                .append("</output></operation>\n"));
        x.append("  </binding>\n  <service name=\"").append(service).append("\"><port name=\"").append(service).append("Port\" binding=\"tns:")
                .append(service).append("Binding\"><soap:address location=\"").append(location).append("\"/></port></service>\n</definitions>\n");
        return x.toString();
    }
}
