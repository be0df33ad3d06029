package br.com.sopdesk.qualitor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SOP Desk's view of Qualitor: open a ticket, read one, list a customer's, add a history entry,
 * attach a file, close a ticket. Everything Qualitor-specific (operation names, field names, the
 * {@code <wsqualitor>} envelope, ISO-8859-1, status codes, and whether the stateless form endpoint
 * or the SOAP services with a login token carry it: {@code qualitor.mode}) is translated here and
 * nowhere else.
 *
 * <p>Qualitor publishes no full description of {@code addAttachment}; the field shape used here is
 * our assumption, kept in one place: {@code cdchamado}, {@code nmarquivo} (file name),
 * {@code dsarquivo} (the content in Base64). To check before re-attaching after a lost answer, it
 * reads the ticket's history ({@code getTicketHistoryData}), assuming an attached file is listed
 * there with its {@code nmarquivo}. {@code closeTicket} takes {@code cdchamado} and
 * {@code idfecharrelacionados} ({@code Y}/{@code N}: close the related tickets too).
 *
 * <p>Thread-safe; build one per configuration and share it.
 */
public class QualitorClient implements AutoCloseable {

    static final String KEY_PREFIX = "sopdesk:";
    /** Starts every history entry SOP Desk writes, so the SLA monitor never takes one for a return. */
    public static final String HISTORY_MARKER = "[SOP Desk] ";
    private static final int MAX_CACHED_CODES = 50_000;

    private final QualitorSettings settings;
    private final WsTransport transport;
    private final Map<String, String> codes = new java.util.concurrent.ConcurrentHashMap<>();

    public QualitorClient(QualitorSettings settings) {
        this.settings = settings;
        this.transport = switch (settings.mode()) {
            case STATELESS -> new StatelessTransport(settings);
            case SOAP -> new SoapTransport(settings);
        };
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

    /**
     * Adds a history entry (used for reiteration, restart and closing requests). The text is
     * written behind {@link #HISTORY_MARKER}, so SOP Desk's own entries stay recognisable whoever
     * Qualitor says wrote them.
     */
    public void addHistory(String number, String text) {
        call("WSTicket", "addTicketHistory", new WsRequest()
                .data("cdchamado", number)
                .data("dsacompanhamento", marked(text))
                .data("cdtipoacompanhamento", "1"));
    }

    static String marked(String text) {
        return text == null || text.startsWith(HISTORY_MARKER) ? text : HISTORY_MARKER + text;
    }

    /**
     * Attaches a file to the ticket ({@code addAttachment}). When {@code mayAlreadyExist} (a retry
     * after an attempt whose answer was lost), first looks in the ticket's history for a file of
     * that name and attaches nothing when it is there. Returns whether the file was sent now.
     */
    public boolean attach(String number, String fileName, byte[] content, boolean mayAlreadyExist) {
        if (mayAlreadyExist && attachmentNames(number).contains(fileName)) {
            return false;
        }
        try {
            call("WSTicket", "addAttachment", new WsRequest()
                    .data("cdchamado", number)
                    .data("nmarquivo", fileName)
                    .data("dsarquivo", java.util.Base64.getEncoder().encodeToString(content)));
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
        return true;
    }

    /** Names of the files attached to the ticket, as its history lists them. */
    public List<String> attachmentNames(String number) {
        return call("WSTicket", "getTicketHistoryData", new WsRequest().data("cdchamado", number)).items().stream()
                .map(i -> i.getOrDefault("nmarquivo", ""))
                .filter(n -> !n.isBlank())
                .toList();
    }

    /**
     * Closes the ticket ({@code closeTicket}), and its related tickets when {@code closeRelated};
     * returns the situation Qualitor reports afterwards (empty when it answers none).
     */
    public String close(String number, boolean closeRelated) {
        WsResponse answer = call("WSTicket", "closeTicket", new WsRequest()
                .data("cdchamado", number)
                .data("idfecharrelacionados", closeRelated ? "Y" : "N"));
        return answer.items().stream().findFirst().map(i -> i.getOrDefault("nmsituacao", "")).orElse("");
    }

    /** Qualitor's version; needs no valid login, so it tells whether Qualitor is reachable at all. */
    public String version() {
        return call("WSGeneral", "getVersion", new WsRequest()).items().stream()
                .findFirst().map(i -> i.getOrDefault("version", "")).orElse("");
    }

    /**
     * A demand's situation, expected answer date and history ({@code getTicketData} then
     * {@code getTicketHistoryData}). An entry is SOP Desk's own when its user code
     * ({@code cdusuario}) or name ({@code nmusuario}) is the integration login, or when its text
     * starts with {@link #HISTORY_MARKER}. An expected answer date Qualitor writes in a shape we do
     * not read is left out rather than failing the read.
     */
    public DemandProgress progress(String number) {
        Map<String, String> item = call("WSTicket", "getTicketData", new WsRequest()
                .data("cdchamado", number)
                .data("campos", "cdchamado,cdsituacao,nmsituacao,dtprevisaoresposta")).single();
        List<DemandProgress.Entry> history = call("WSTicket", "getTicketHistoryData", new WsRequest()
                .data("cdchamado", number)).items().stream()
                .map(this::historyEntry)
                .toList();
        LocalStamp expected;
        try {
            expected = stamp(item.get("dtprevisaoresposta"));
        } catch (QualitorException.Malformed e) {
            expected = null;
        }
        return new DemandProgress(number, item.get("cdsituacao"), item.get("nmsituacao"),
                expected == null ? null : expected.latest(), history);
    }

    private DemandProgress.Entry historyEntry(Map<String, String> item) {
        String name = item.getOrDefault("nmusuario", "").strip();
        String code = item.getOrDefault("cdusuario", "").strip();
        String text = item.getOrDefault("dsacompanhamento", "");
        String user = settings.user();
        boolean ours = (!name.isEmpty() && name.equalsIgnoreCase(user)) || (!code.isEmpty() && code.equalsIgnoreCase(user))
                || text.stripLeading().startsWith(HISTORY_MARKER.strip());
        LocalStamp at = stamp(item.get("dtacompanhamento"));
        return new DemandProgress.Entry(at == null ? null : at.at(), at != null && at.dateOnly(), name.isEmpty() ? code : name,
                text, ours);
    }

    /** A time as Qualitor wrote it: the time, and whether only the date was given (then at the day's start). */
    record LocalStamp(java.time.LocalDateTime at, boolean dateOnly) {

        /** The latest moment meant: the time itself, or the last second of a bare date's day. */
        java.time.LocalDateTime latest() {
            return dateOnly ? at.toLocalDate().atTime(23, 59, 59) : at;
        }
    }

    private static final java.time.format.DateTimeFormatter ISO_STAMP = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final java.time.format.DateTimeFormatter BR_STAMP = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /**
     * Qualitor writes {@code YYYY-MM-DD HH:MM[:SS]} (some screens and versions {@code DD/MM/YYYY
     * HH:MM[:SS]}) or a bare date; fractions of a second are dropped.
     */
    static LocalStamp stamp(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace('T', ' ');
        boolean br = v.length() >= 10 && v.charAt(2) == '/';
        try {
            if (v.length() == 10) {
                return new LocalStamp((br ? java.time.LocalDate.parse(v, java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        : java.time.LocalDate.parse(v)).atStartOfDay(), true);
            }
            String full = v.length() == 16 ? v + ":00" : v.substring(0, 19);
            return new LocalStamp(java.time.LocalDateTime.parse(full, br ? BR_STAMP : ISO_STAMP), false);
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

    /** The one place a request goes out: through the configured transport, a {@code status 0} answer becoming a refusal. */
    WsResponse call(String service, String operation, WsRequest request) {
        WsResponse answer = transport.exchange(service, operation, request);
        if (!answer.ok()) {
            throw new QualitorException.Refused(answer.errorCode(), answer.message());
        }
        return answer;
    }

    @Override
    public void close() {
        transport.close();
    }
}
