package br.com.sopdesk.sandbox;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Qualitor's operations on {@code <wsqualitor>} documents, whichever transport brought them (the
 * stateless form endpoint or the SOAP services): reads the request's {@code <data>} and
 * {@code <informacoesadicionais>}, runs the operation on {@link SandboxQualitor}, writes the answer
 * (ISO-8859-1, characters outside Latin-1 as numeric references).
 */
final class WsOperations {

    /** The operations of each service, as the WSDLs describe them ({@code login} is SOAP only). */
    static final Map<String, List<String>> OPERATIONS = Map.of(
            "WSTicket", List.of("addTicketByData", "getTicketData", "getTicket", "addTicketHistory", "getTicketHistoryData",
                    "addAttachment", "closeTicket", "transferTicketTeam", "setTicketNextStep", "getTicketStep", "getTicketAdditionalInfos", "getTicketAdditionalInfoDetail",
                    "changeTicketAdditionalInfo"),
            "WSGeneral", List.of("getCustomer", "getCustomerContact", "getVersion"));

    /** The reads counted per demand ({@link SandboxState#readsOf}): what SOP Desk's SLA monitor reads. */
    static final Set<String> READS = Set.of("getTicketData", "getTicketHistoryData");
    /** The changes Qualitor's service flow is set to announce ({@link DemandCallback}): a history entry, a closing. */
    static final Set<String> CHANGES = Set.of("addTicketHistory", "closeTicket");

    private final SandboxState state;
    private final SandboxQualitor q;

    WsOperations(SandboxState state) {
        this.state = state;
        this.q = state.qualitor();
    }

    /** Runs {@code service.operation} on a request document given as bytes (its declaration decides the encoding, UTF-8 by default). */
    List<Map<String, String>> run(String service, String operation, byte[] inputXml) throws SandboxFault {
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> additional = new LinkedHashMap<>();
        if (inputXml != null && !new String(inputXml, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            parse(new InputSource(new ByteArrayInputStream(inputXml)), data, additional);
        }
        return dispatch(service, operation, data, additional);
    }

    /** Runs {@code service.operation} on a request document that is already text (a SOAP part). */
    List<Map<String, String>> run(String service, String operation, String inputXml) throws SandboxFault {
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> additional = new LinkedHashMap<>();
        if (inputXml != null && !inputXml.isBlank()) {
            // already text: drop the declaration so its encoding is not re-applied
            String text = inputXml.strip().startsWith("<?xml") ? inputXml.substring(inputXml.indexOf("?>") + 2) : inputXml;
            parse(new InputSource(new StringReader(text)), data, additional);
        }
        return dispatch(service, operation, data, additional);
    }

    /** Runs the operation; then counts a read, or announces a change, of the demand it named. */
    private List<Map<String, String>> dispatch(String service, String operation, Map<String, String> data,
                                               Map<String, String> additional) throws SandboxFault {
        List<Map<String, String>> answer = operation(service, operation, data, additional);
        String number = data.get("cdchamado");
        if (number != null && !number.isBlank() && READS.contains(operation)) {
            state.read(number, operation);
        } else if (number != null && !number.isBlank() && CHANGES.contains(operation)) {
            state.callback().changed(number);
        }
        return answer;
    }

    private List<Map<String, String>> operation(String service, String operation, Map<String, String> data,
                                                Map<String, String> additional) throws SandboxFault {
        return switch (service + "." + operation) {
            case "WSGeneral.getVersion" -> List.of(Map.of("version", "8.20.sandbox"));
            case "WSGeneral.getCustomer" -> List.of(q.customer(data.get("nrcpfcnpj")));
            case "WSGeneral.getCustomerContact" -> List.of(q.contact(data.get("cdcliente"), data.get("dsemail")));
            case "WSTicket.addTicketByData" -> {
                Map<String, String> t = q.addTicket(data, additional);
                yield List.of(pick(t, "cdchamado", "cdsituacao", "nmsituacao", "dtchamado"));
            }
            case "WSTicket.getTicketData" -> {
                Map<String, String> t = q.ticket(data.get("cdchamado"));
                SandboxQualitor.KeywordField kept = q.keywordField();
                if (kept == SandboxQualitor.KeywordField.NOT_KEPT || kept == SandboxQualitor.KeywordField.UNREADABLE) {
                    t.remove("dspalavrachave");
                }
                if (kept == SandboxQualitor.KeywordField.UNREADABLE) {
                    t.remove("dschamado");
                }
                String fields = data.get("campos");
                yield List.of(fields == null || fields.isBlank() ? t : pick(t, fields.strip().split("\\s*,\\s*")));
            }
            case "WSTicket.getTicket" -> q.ticketsOf(data.get("cdcliente"), data.get("cdsituacao"), data.get("Idtipoperiodo"),
                            data.get("dtperiodo"), data.get("dtperiodo2")).stream()
                    .map(t -> q.keywordField() == SandboxQualitor.KeywordField.LISTED
                            ? pick(t, "cdchamado", "nmtitulochamado", "cdsituacao", "nmsituacao", "dtchamado", "dtprevisaoresposta", "dspalavrachave")
                            : pick(t, "cdchamado", "nmtitulochamado", "nmsituacao", "dtchamado"))
                    .toList();
            case "WSTicket.addTicketHistory" -> {
                q.addHistory(data.get("cdchamado"), data.get("dsacompanhamento"), data.get("cdtipoacompanhamento"));
                yield List.of();
            }
            case "WSTicket.getTicketHistoryData" -> q.history(data.get("cdchamado"));
            case "WSTicket.addAttachment" -> {
                q.addAttachment(data.get("cdchamado"), data.get("nmanexo"), data.get("idprivado"), data.get("attachment"));
                yield List.of();
            }
            case "WSTicket.closeTicket" -> List.of(pick(q.close(data.get("cdchamado"), data.get("idfecharrelacionados")),
                    "cdchamado", "cdsituacao", "nmsituacao", "dtfechamento"));
            case "WSTicket.transferTicketTeam" -> {
                q.transferTeam(data.get("cdchamado"), data.get("cdequipe"));
                yield List.of();
            }
            case "WSTicket.setTicketNextStep" -> {
                q.nextStep(data.get("cdchamado"), data.get("cdetapa"));
                yield List.of();
            }
            case "WSTicket.getTicketStep" -> List.of(SandboxSteps.of(q.ticket(data.get("cdchamado"))));
            case "WSTicket.getTicketAdditionalInfos" -> q.additionalInfosOf(data.get("cdchamado"));
            case "WSTicket.getTicketAdditionalInfoDetail" -> List.of(q.additionalInfoType(data.get("cdtipoinformacaoadicional")));
            case "WSTicket.changeTicketAdditionalInfo" -> {
                q.changeAdditionalInfo(data.get("cdchamado"), additional);
                yield List.of();
            }
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

    private static void parse(InputSource source, Map<String, String> data, Map<String, String> additional) throws SandboxFault {
        try {
            Document doc = SafeXml.parse(source, false);
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

    /** Text for an ISO-8859-1 document: markup escaped, characters outside Latin-1 as numeric references. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
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
}
