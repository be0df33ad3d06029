package br.com.sopdesk.qualitor;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * SOP Desk's view of Qualitor: open a ticket, read one, list a customer's, add a history entry.
 * Everything Qualitor-specific (operation names, field names, the {@code <wsqualitor>} envelope,
 * ISO-8859-1, status codes) is translated here and nowhere else.
 *
 * <p>Thread-safe; build one per configuration and share it.
 */
public class QualitorClient implements AutoCloseable {

    static final String KEY_PREFIX = "sopdesk:";
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

    private static final int MAX_CACHED_CODES = 50_000;

    private final QualitorSettings settings;
    private final StatelessWsApi api;
    private final Map<String, String> codes = new java.util.concurrent.ConcurrentHashMap<>();

    public QualitorClient(QualitorSettings settings) {
        this.settings = settings;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(settings.baseUri())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(StatelessWsApi.class);
    }

    public QualitorSettings settings() {
        return settings;
    }

    /**
     * Opens the ticket. When {@code mayAlreadyExist} (a retry after an unknown outcome), first looks
     * for a ticket of this customer that carries the draft's submission key and returns it instead
     * of opening a second one.
     */
    public OpenedTicket openTicket(TicketDraft draft, boolean mayAlreadyExist) {
        String customer = customerCode(draft.customerDocument());
        if (mayAlreadyExist) {
            Optional<TicketSummary> existing = ticketsOfCustomerCode(customer, draft.submittedOn()).stream()
                    .filter(t -> draft.submissionKey().equals(t.submissionKey()))
                    .findFirst();
            if (existing.isPresent()) {
                TicketSummary t = existing.get();
                return new OpenedTicket(t.number(), t.situation(), t.openedAt(), true);
            }
        }
        String contact = contactCode(customer, draft.contactEmail(), draft.contactName());
        TicketDraft.Mapping m = draft.mapping();
        WsRequest request = new WsRequest()
                .data("cdcliente", customer)
                .data("cdcontato", contact)
                .data("idchamado", "1")
                .data("nmtitulochamado", draft.title())
                .data("cdtipochamado", m.ticketType())
                .data("cdcategoria", m.category())
                .data("cdlocalidade", m.location())
                .data("cdseveridade", m.severity())
                .data("dschamado", draft.description())
                .data("dspalavrachave", KEY_PREFIX + draft.submissionKey())
                .additional("vlinformacaoadicional49", draft.phones());
        Map<String, String> item;
        try {
            item = call("WSTicket", "addTicketByData", request).single();
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
        return new OpenedTicket(required(item, "cdchamado"), item.getOrDefault("nmsituacao", ""),
                item.getOrDefault("dtchamado", ""), false);
    }

    /** The customer's tickets, newest first as Qualitor lists them. */
    public List<TicketSummary> ticketsOfCustomer(String customerDocument) {
        return ticketsOfCustomerCode(customerCode(customerDocument), null);
    }

    /** One ticket's current state, including Qualitor's expected-answer date. */
    public TicketSummary ticket(String number) {
        WsRequest request = new WsRequest()
                .data("cdchamado", number)
                .data("campos", "cdchamado,nmtitulochamado,nmsituacao,dtchamado,dtprevisaoresposta,dspalavrachave");
        return summary(call("WSTicket", "getTicketData", request).single());
    }

    /** Adds a history entry (used for reiteration and restart requests). */
    public void addHistory(String number, String text) {
        call("WSTicket", "addTicketHistory", new WsRequest()
                .data("cdchamado", number)
                .data("dsacompanhamento", text)
                .data("cdtipoacompanhamento", "1"));
    }

    /** Qualitor's version; needs no valid login, so it tells whether Qualitor is reachable at all. */
    public String version() {
        return call("WSGeneral", "getVersion", new WsRequest()).items().stream()
                .findFirst().map(i -> i.getOrDefault("version", "")).orElse("");
    }

    /**
     * A demand's situation, expected answer date and history ({@code getTicketData} then
     * {@code getTicketHistoryData}). Entries written by the configured integration user are marked
     * as SOP Desk's own.
     */
    public DemandProgress progress(String number) {
        Map<String, String> item = call("WSTicket", "getTicketData", new WsRequest()
                .data("cdchamado", number)
                .data("campos", "cdchamado,cdsituacao,nmsituacao,dtprevisaoresposta")).single();
        List<DemandProgress.Entry> history = call("WSTicket", "getTicketHistoryData", new WsRequest()
                .data("cdchamado", number)).items().stream()
                .map(this::historyEntry)
                .toList();
        String expected = item.get("dtprevisaoresposta");
        return new DemandProgress(number, item.get("cdsituacao"), item.get("nmsituacao"),
                expected == null || expected.isBlank() ? null : expected, history);
    }

    private DemandProgress.Entry historyEntry(Map<String, String> item) {
        String author = item.getOrDefault("nmusuario", item.getOrDefault("cdusuario", ""));
        return new DemandProgress.Entry(qualitorTime(item.get("dtacompanhamento")), author,
                item.getOrDefault("dsacompanhamento", ""), author.equalsIgnoreCase(settings.user()));
    }

    /** Qualitor writes {@code YYYY-MM-DD HH:MM[:SS]} or a bare date. */
    static java.time.LocalDateTime qualitorTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace('T', ' ');
        try {
            if (v.length() == 10) {
                return java.time.LocalDate.parse(v).atStartOfDay();
            }
            return java.time.LocalDateTime.parse(v.length() == 16 ? v + ":00" : v.substring(0, 19),
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        } catch (RuntimeException e) {
            throw new QualitorException.Malformed("data inválida na resposta: " + value);
        }
    }

    /** Customer and contact codes never change for a document or e-mail: looked up once per instance. */
    private String customerCode(String document) {
        return cached("cliente|" + document, () -> required(
                call("WSGeneral", "getCustomer", new WsRequest().data("nrcpfcnpj", document)).single(), "cdcliente"));
    }

    private String contactCode(String customer, String email, String name) {
        return cached("contato|" + customer + "|" + (email == null ? "" : email.toLowerCase()), () -> required(
                call("WSGeneral", "getCustomerContact", new WsRequest()
                        .data("cdcliente", customer)
                        .data("dsemail", email)
                        .data("nmcontato", name)).single(), "cdcontato"));
    }

    private String cached(String key, java.util.function.Supplier<String> lookup) {
        String code = codes.get(key);
        if (code == null) {
            code = lookup.get();
            if (codes.size() >= MAX_CACHED_CODES) {
                codes.clear();
            }
            codes.put(key, code);
        }
        return code;
    }

    private List<TicketSummary> ticketsOfCustomerCode(String customer, java.time.LocalDate since) {
        WsRequest request = new WsRequest().data("cdcliente", customer)
                .data("dtperiodo", since == null ? null : since.minusDays(1).toString());
        return call("WSTicket", "getTicket", request).items().stream()
                .map(QualitorClient::summary)
                .toList();
    }

    private static TicketSummary summary(Map<String, String> item) {
        String keyword = item.getOrDefault("dspalavrachave", "");
        String key = keyword.startsWith(KEY_PREFIX) ? keyword.substring(KEY_PREFIX.length()) : null;
        return new TicketSummary(required(item, "cdchamado"), item.getOrDefault("nmtitulochamado", ""),
                item.getOrDefault("nmsituacao", ""), item.getOrDefault("dtchamado", ""),
                item.getOrDefault("dtprevisaoresposta", ""), key);
    }

    private static String required(Map<String, String> item, String field) {
        String value = item.get(field);
        if (value == null || value.isBlank()) {
            throw new QualitorException.Malformed("campo " + field + " ausente na resposta");
        }
        return value;
    }

    WsResponse call(String service, String operation, WsRequest request) {
        byte[] body = formBody(service, operation, request);
        Response response;
        try {
            response = api.call(body);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new QualitorException.Unavailable("HTTP " + status + " em " + operation, e, status);
        } catch (ProcessingException e) {
            throw new QualitorException.Unavailable(rootMessage(e) + " em " + operation, e);
        }
        try (response) {
            if (response.getStatus() >= 300) {
                throw new QualitorException.Unavailable("HTTP " + response.getStatus() + " em " + operation, null, response.getStatus());
            }
            byte[] bytes = response.readEntity(byte[].class);
            WsResponse answer = WsResponse.parse(bytes == null ? new byte[0] : bytes, charsetOf(response.getMediaType()));
            if (!answer.ok()) {
                throw new QualitorException.Refused(answer.errorCode(), answer.message());
            }
            return answer;
        } catch (ProcessingException e) {
            throw new QualitorException.Unavailable(rootMessage(e) + " ao ler a resposta de " + operation, e);
        }
    }

    byte[] formBody(String service, String operation, WsRequest request) {
        String form = "user=" + enc(settings.user())
                + "&password=" + enc(settings.password())
                + "&company=" + enc(settings.company())
                + "&wsdl_file=" + enc(service)
                + "&operation=" + enc(operation)
                + "&input_xml=" + enc(request.toXml(settings.xmlDeclaration()));
        return form.getBytes(StandardCharsets.US_ASCII);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, LATIN1);
    }

    private static Charset charsetOf(MediaType type) {
        if (type != null) {
            String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return LATIN1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a client that failed is not worth reporting
            }
        }
    }
}
