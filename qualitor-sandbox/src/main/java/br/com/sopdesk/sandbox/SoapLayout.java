package br.com.sopdesk.sandbox;

import java.util.Objects;

/**
 * Where the SOAP services listen and which namespace and SOAPAction they expect, as patterns with
 * {@code {base}} (the application root), {@code {group}} ({@code Ticket}, {@code General}),
 * {@code {service}} ({@code WSTicket}, {@code WSGeneral}) and {@code {operation}}. The WSDLs
 * advertise these values and the services refuse any other, so only a client that reads the WSDL
 * at run time (as real clients do) gets through. The default, {@link #ADVERTISED}, is deliberately
 * not {@link #OLD_GUESSES}, the values SOP Desk once hard-coded.
 */
public record SoapLayout(String endpoint, String namespace, String action) {

    /** The default: {@code {base}/ws/services/<Group>/<Service>.php}, namespace and action under {@code http://qualitor.sandbox/ws/}. */
    public static final SoapLayout ADVERTISED = new SoapLayout("{base}/ws/services/{group}/{service}.php",
            "http://qualitor.sandbox/ws/{service}", "http://qualitor.sandbox/ws/{service}/{operation}");

    /** What the old connector guessed without reading the WSDL. */
    public static final SoapLayout OLD_GUESSES = new SoapLayout("{base}/ws/services/service.php?wsdl={service}",
            "urn:{service}", "urn:{service}#{operation}");

    public SoapLayout {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(action, "action");
        if (!endpoint.startsWith("{base}/")) {
            throw new IllegalArgumentException("endpoint must start with {base}/: " + endpoint);
        }
    }

    /** The named preset ({@code ADVERTISED} or {@code OLD_GUESSES}, any case). */
    public static SoapLayout preset(String name) {
        return switch (name == null ? "" : name.strip().toUpperCase()) {
            case "ADVERTISED" -> ADVERTISED;
            case "OLD_GUESSES" -> OLD_GUESSES;
            default -> throw new IllegalArgumentException("preset desconhecido: " + name + " (ADVERTISED ou OLD_GUESSES)");
        };
    }

    /** The endpoint of {@code service} relative to the application root ({@code /ws/services/...}, maybe with a query). */
    String relativeEndpoint(String service) {
        return fill(endpoint, service, "").substring("{base}".length());
    }

    String endpointOf(String base, String service) {
        return base + relativeEndpoint(service);
    }

    String namespaceOf(String service) {
        return fill(namespace, service, "");
    }

    String actionOf(String service, String operation) {
        return fill(action, service, operation);
    }

    static String groupOf(String service) {
        return service.startsWith("WS") ? service.substring(2) : service;
    }

    private static String fill(String pattern, String service, String operation) {
        return pattern.replace("{group}", groupOf(service)).replace("{service}", service).replace("{operation}", operation);
    }
}
