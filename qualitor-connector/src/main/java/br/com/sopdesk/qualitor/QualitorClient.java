package br.com.sopdesk.qualitor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SOP Desk's view of Qualitor: open a ticket, read one, list a customer's, add a history entry,
 * attach a file, move a demand to a Qualitor team or workflow step, close a ticket. Everything Qualitor-specific
 * (operation names, field names, the {@code <wsqualitor>} envelope, the encoding, status codes, and
 * whether the stateless endpoint or the SOAP services carry it) is translated behind this class, in
 * this package, and nowhere else; everything that differs between installations comes from
 * {@link QualitorSettings}. This class builds the requests; {@link Exchange} sends them,
 * {@link Answers} reads the answers, {@link CustomerCodes} looks up the codes a ticket needs and
 * {@link EarlierAttempt} decides what a retry must not write again.
 *
 * <p>Shapes follow public clients of real Qualitor servers: {@code addAttachment} takes
 * {@code cdchamado}, {@code nmanexo}, {@code idprivado} and {@code attachment} (Base64);
 * {@code transferTicketTeam} takes {@code cdchamado} and {@code cdequipe}, {@code setTicketNextStep}
 * {@code cdchamado} and {@code cdetapa}; {@code getTicket} filters
 * by {@code cdcliente} and a period ({@code Idtipoperiodo}, {@code dtperiodo}, {@code dtperiodo2}).
 * {@code closeTicket} takes {@code cdchamado} and {@code idfecharrelacionados} ({@code Y}/{@code N}).
 *
 * <p>Every ticket carries its submission key twice: in {@code dspalavrachave} and as the last line
 * of its text ({@code Chave SOP Desk: sopdesk:<key>}), for installations that do not keep the
 * keyword; every history entry SOP Desk writes ends with its own key ({@code Ref. SOP Desk: <key>}).
 * A retry after a lost answer looks for them before writing again; what cannot be looked for (an
 * attachment: no public operation lists them) is never written twice blind.
 *
 * <p>Thread-safe; build one per configuration and share it.
 */
public class QualitorClient implements AutoCloseable {

    static final String KEY_PREFIX = "sopdesk:";
    /** The last line of every ticket's text, so the key can be found where {@code dspalavrachave} is not kept. */
    static final String KEY_LINE = "Chave SOP Desk: ";
    /** The last line of every history entry SOP Desk writes, so a retry can find the entry it may have written. */
    static final String HISTORY_KEY_LINE = "Ref. SOP Desk: ";
    /** Starts every history entry SOP Desk writes, so the SLA monitor never takes one for a return. */
    public static final String HISTORY_MARKER = "[SOP Desk] ";

    private final QualitorSettings settings;
    private final Exchange exchange;
    private final CustomerCodes codes;
    private final EarlierAttempt earlier;

    public QualitorClient(QualitorSettings settings) {
        this.settings = settings;
        this.exchange = new Exchange(settings);
        this.codes = new CustomerCodes(exchange, settings);
        this.earlier = new EarlierAttempt(exchange, settings);
    }

    public QualitorSettings settings() {
        return settings;
    }

    WsTransport transport() {
        return exchange.transport();
    }

    /**
     * Opens the ticket. When {@code mayAlreadyExist} (a retry after an unknown outcome), first looks
     * for a ticket of this customer that carries the draft's submission key and returns it instead
     * of opening a second one ({@link EarlierAttempt#ticket}); when that cannot be checked, throws
     * {@link QualitorException.Unverifiable} rather than sending blind.
     */
    public OpenedTicket openTicket(TicketDraft draft, boolean mayAlreadyExist) {
        String customer = codes.customer(draft.customerDocument());
        if (mayAlreadyExist) {
            Optional<TicketSummary> existing = earlier.ticket(customer, draft);
            if (existing.isPresent()) {
                TicketSummary t = existing.get();
                return new OpenedTicket(t.number(), t.situation(), t.openedAt(), true);
            }
        }
        String contact = codes.contact(customer, draft.contactEmail());
        try {
            // status 1 without a number: Qualitor may have created it, so this too is an unknown outcome
            return Answers.opened(call("WSTicket", "addTicketByData", OpeningDocument.of(settings, customer, contact, draft)).single());
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
    }

    /** The ticket text as it is sent (see {@link OpeningDocument#text}). */
    String text(TicketDraft draft) {
        return OpeningDocument.text(settings, draft);
    }

    /**
     * The {@code addTicketByData} request exactly as it would go for this draft (password masked),
     * nothing sent; the customer is looked up when {@code customerCode} is null, the contact is the
     * default contact or a placeholder. For the administrator's setup check.
     */
    public String previewOpen(TicketDraft draft, String customerCode) {
        String customer = customerCode != null ? customerCode : codes.customer(draft.customerDocument());
        String contact = settings.defaultContact() != null ? settings.defaultContact() : "{cdcontato do e-mail do cliente}";
        return exchange.preview("WSTicket", "addTicketByData", OpeningDocument.of(settings, customer, contact, draft));
    }

    /** The customer's tickets, newest first as Qualitor lists them. */
    public List<TicketSummary> ticketsOfCustomer(String customerDocument) {
        WsRequest request = new WsRequest().data("cdcliente", codes.customer(customerDocument));
        return call("WSTicket", "getTicket", request).items().stream()
                .map(Answers::summary)
                .toList();
    }

    /** One ticket's current state, including Qualitor's expected-answer date. */
    public TicketSummary ticket(String number) {
        WsRequest request = new WsRequest()
                .data("cdchamado", number)
                .data("campos", "cdchamado,nmtitulochamado,nmsituacao,dtchamado,dtprevisaoresposta,dspalavrachave");
        return Answers.summary(call("WSTicket", "getTicketData", request).single());
    }

    /** Adds a history entry, without a key: nothing can tell a repeat from the first (prefer the keyed form). */
    public void addHistory(String number, String text) {
        addHistory(number, text, null, false);
    }

    /**
     * Adds a history entry ({@code addTicketHistory}, type {@code qualitor.history-type}) for a
     * reiteration or a restart, written behind {@link #HISTORY_MARKER} (so SOP Desk's own entries
     * stay recognisable whoever Qualitor says wrote them) and ending with a short key marker ({@code Ref. SOP Desk: <key>}). When
     * {@code mayAlreadyExist} (an earlier attempt's answer was lost), first looks in the ticket's
     * history for the entry carrying the key and writes nothing when it is there
     * ({@link EarlierAttempt#wroteHistory}). Returns whether the entry was written now.
     */
    public boolean addHistory(String number, String text, String key, boolean mayAlreadyExist) {
        String marker = key == null || key.isBlank() ? null : HISTORY_KEY_LINE + key;
        if (mayAlreadyExist && marker != null && earlier.wroteHistory(number, marker)) {
            return false;
        }
        try {
            call("WSTicket", "addTicketHistory", new WsRequest()
                    .data("cdchamado", number)
                    .data("dsacompanhamento", marker == null ? marked(text) : marked(text) + "\n" + marker)
                    .data("cdtipoacompanhamento", settings.historyType()));
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
        return true;
    }

    static String marked(String text) {
        return text == null || text.startsWith(HISTORY_MARKER) ? text : HISTORY_MARKER + text;
    }

    /**
     * Attaches a file to the ticket ({@code addAttachment}: {@code cdchamado}, {@code nmanexo},
     * {@code idprivado} from {@code qualitor.attachment-private}, {@code attachment} in Base64).
     * After an attempt whose answer was lost ({@code mayAlreadyExist}) nothing is sent
     * ({@link EarlierAttempt#attachment}): attaching again could attach twice.
     */
    public void attach(String number, String fileName, byte[] content, boolean mayAlreadyExist) {
        if (mayAlreadyExist) {
            throw earlier.attachment(number, fileName);
        }
        try {
            call("WSTicket", "addAttachment", new WsRequest()
                    .data("cdchamado", number)
                    .data("nmanexo", fileName)
                    .data("idprivado", settings.attachmentPrivate() ? "S" : "N")
                    .data("attachment", java.util.Base64.getEncoder().encodeToString(content)));
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
    }

    /**
     * Moves the demand to a Qualitor team ({@code transferTicketTeam}: {@code cdchamado},
     * {@code cdequipe}). When {@code mayAlreadyExist} (an earlier attempt's answer was lost), first
     * reads the demand's team and moves nothing when it is there already
     * ({@link EarlierAttempt#movedTo}). Returns whether it was moved now.
     */
    public boolean transferTeam(String number, String team, boolean mayAlreadyExist) {
        if (mayAlreadyExist && earlier.movedTo(number, team)) {
            return false;
        }
        try {
            call("WSTicket", "transferTicketTeam", new WsRequest().data("cdchamado", number).data("cdequipe", team));
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
        return true;
    }

    /**
     * Moves the demand to a workflow step ({@code setTicketNextStep}: {@code cdchamado},
     * {@code cdetapa}). When {@code mayAlreadyExist} (an earlier attempt's answer was lost), first
     * reads the demand's step and moves nothing when it is there already ({@link EarlierAttempt#atStep}).
     * Returns whether it was moved now.
     */
    public boolean nextStep(String number, String step, boolean mayAlreadyExist) {
        if (mayAlreadyExist && earlier.atStep(number, step)) {
            return false;
        }
        try {
            call("WSTicket", "setTicketNextStep", new WsRequest().data("cdchamado", number).data("cdetapa", step));
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
        return true;
    }

    /** A demand's classification codes and Qualitor's names for them (for the setup check). */
    public DemandCodes demandCodes(String number) {
        return Answers.demandCodes(number, call("WSTicket", "getTicketData", new WsRequest().data("cdchamado", number)
                .data("campos", "cdchamado,cdcategoria,nmcategoria,nmcategoriacompleta,cdtipochamado,nmtipochamado,cdequipe,nmequipe")).single());
    }

    /** Qualitor's name of an extra-information field ({@code getTicketAdditionalInfoDetail}). */
    public String additionalInfoName(String code) {
        return Answers.name(call("WSTicket", "getTicketAdditionalInfoDetail", new WsRequest()
                .data("cdtipoinformacaoadicional", code)).single());
    }

    /** The customer code Qualitor gives a CNPJ/CPF ({@code getCustomer}). */
    public String customerCodeOf(String document) {
        return codes.customer(document);
    }

    /**
     * Closes the ticket ({@code closeTicket}), and its related tickets when {@code closeRelated};
     * returns the situation Qualitor reports afterwards (empty when it answers none).
     */
    public String close(String number, boolean closeRelated) {
        return Answers.situation(call("WSTicket", "closeTicket", new WsRequest()
                .data("cdchamado", number)
                .data("idfecharrelacionados", closeRelated ? "Y" : "N")));
    }

    /** Qualitor's version; needs no valid login, so it tells whether Qualitor is reachable at all. */
    public String version() {
        return call("WSGeneral", "getVersion", new WsRequest()).items().stream()
                .findFirst().map(i -> i.getOrDefault("version", "")).orElse("");
    }

    /**
     * A demand's situation, expected answer date and history ({@code getTicketData} then
     * {@code getTicketHistoryData}); which entries are SOP Desk's own is read by {@link Answers#progress}.
     */
    public DemandProgress progress(String number) {
        Map<String, String> item = call("WSTicket", "getTicketData", new WsRequest()
                .data("cdchamado", number)
                .data("campos", "cdchamado,cdsituacao,nmsituacao,dtprevisaoresposta")).single();
        List<Map<String, String>> history = call("WSTicket", "getTicketHistoryData", new WsRequest()
                .data("cdchamado", number)).items();
        return Answers.progress(number, item, history, settings.user());
    }

    /** A request through {@link Exchange#call}, the one place requests go out. */
    WsResponse call(String service, String operation, WsRequest request) {
        return exchange.call(service, operation, request);
    }

    /**
     * Qualitor's refusal of SOP Desk's integration login on the latest authenticated call, if it
     * refused it (for the readiness check: an outage even while {@code getVersion} answers).
     */
    public Optional<String> credentialsRefusal() {
        return exchange.credentialsRefusal();
    }

    @Override
    public void close() {
        exchange.close();
    }
}
