package br.com.sopdesk.qualitor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SOP Desk's view of Qualitor: open a ticket, read one, list a customer's, add a history entry,
 * attach a file, move a demand to a Qualitor team, close a ticket. Everything Qualitor-specific
 * (operation names, field names, the {@code <wsqualitor>} envelope, the encoding, status codes, and
 * whether the stateless endpoint or the SOAP services carry it) is translated here and nowhere else;
 * everything that differs between installations comes from {@link QualitorSettings}.
 *
 * <p>Shapes follow public clients of real Qualitor servers: {@code addAttachment} takes
 * {@code cdchamado}, {@code nmanexo}, {@code idprivado} and {@code attachment} (Base64);
 * {@code transferTicketTeam} takes {@code cdchamado} and {@code cdequipe}; {@code getTicket} filters
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
    private static final int MAX_CACHED_CODES = 50_000;

    private final QualitorSettings settings;
    private final WsTransport transport;
    private final Map<String, String> codes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String credentialsRefusal;

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

    WsTransport transport() {
        return transport;
    }

    /**
     * Opens the ticket. When {@code mayAlreadyExist} (a retry after an unknown outcome), first looks
     * for a ticket of this customer that carries the draft's submission key and returns it instead
     * of opening a second one ({@link #findExisting}); when that cannot be checked, throws
     * {@link QualitorException.Unverifiable} rather than sending blind.
     */
    public OpenedTicket openTicket(TicketDraft draft, boolean mayAlreadyExist) {
        String customer = customerCode(draft.customerDocument());
        if (mayAlreadyExist) {
            Optional<TicketSummary> existing = findExisting(customer, draft);
            if (existing.isPresent()) {
                TicketSummary t = existing.get();
                return new OpenedTicket(t.number(), t.situation(), t.openedAt(), true);
            }
        }
        String contact = contactCode(customer, draft.contactEmail());
        try {
            Map<String, String> item = call("WSTicket", "addTicketByData", OpeningDocument.of(settings, customer, contact, draft)).single();
            // status 1 without a number: Qualitor may have created it, so this too is an unknown outcome
            return new OpenedTicket(required(item, "cdchamado"), item.getOrDefault("nmsituacao", ""),
                    item.getOrDefault("dtchamado", ""), false);
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
        String customer = customerCode != null ? customerCode : customerCode(draft.customerDocument());
        String contact = settings.defaultContact() != null ? settings.defaultContact() : "{cdcontato do e-mail do cliente}";
        return transport.preview("WSTicket", "addTicketByData", OpeningDocument.of(settings, customer, contact, draft));
    }

    /**
     * The customer's ticket that carries the draft's key. Looked for first among the tickets opened
     * since the day before the submission, with the period sent both ways installations read it
     * ({@code dtperiodo} alone, or {@code Idtipoperiodo} with {@code dtperiodo} and
     * {@code dtperiodo2}); when that finds nothing, among all the customer's tickets, so no one reading
     * of the filter is relied on. {@code getTicket} promises only cdchamado, nmtitulochamado,
     * nmsituacao and dtchamado per item: an item without {@code dspalavrachave} is read with
     * {@code getTicketData}, where the key is looked for in {@code dspalavrachave} and, for
     * installations that do not keep that field, in the last line of {@code dschamado}. A candidate
     * whose answer has neither makes the outcome {@link QualitorException.Unverifiable}.
     */
    Optional<TicketSummary> findExisting(String customer, TicketDraft draft) {
        String key = KEY_PREFIX + draft.submissionKey();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int[] unreadable = {0};
        Optional<TicketSummary> found = Optional.empty();
        if (draft.submittedOn() != null) {
            WsRequest recent = new WsRequest().data("cdcliente", customer)
                    .data("Idtipoperiodo", settings.periodType())
                    .data("dtperiodo", draft.submittedOn().minusDays(1).toString())
                    .data("dtperiodo2", draft.submittedOn().plusDays(2).toString());
            found = carrying(key, call("WSTicket", "getTicket", recent).items(), seen, unreadable);
        }
        if (found.isEmpty()) {
            found = carrying(key, call("WSTicket", "getTicket", new WsRequest().data("cdcliente", customer)).items(), seen, unreadable);
        }
        if (found.isPresent()) {
            return found;
        }
        if (unreadable[0] > 0) {
            throw new QualitorException.Unverifiable("Não foi possível confirmar no Qualitor se o chamado já foi criado: a resposta de uma "
                    + "tentativa anterior se perdeu e o Qualitor não informa a chave do SOP Desk em " + unreadable[0] + " chamado(s) do cliente. "
                    + "Verifique no Qualitor antes de reenviar: procure, nos chamados do cliente abertos desde "
                    + (draft.submittedOn() == null ? "o envio" : draft.submittedOn().minusDays(1)) + ", o texto \"" + KEY_LINE + key
                    + "\". Se não houver, use Reenviar; se houver, informe o número da demanda.");
        }
        return Optional.empty();
    }

    /** The listed ticket carrying {@code key}, reading each one not read yet ({@code seen}) whose listing lacks the keyword. */
    private Optional<TicketSummary> carrying(String key, List<Map<String, String>> listed, java.util.Set<String> seen, int[] unreadable) {
        for (Map<String, String> item : listed) {
            String number = item.get("cdchamado");
            if (number == null || number.isBlank() || !seen.add(number)) {
                continue;
            }
            String keyword = item.get("dspalavrachave");
            if (keyword != null && !keyword.isBlank()) {
                if (keyword.strip().equals(key)) {
                    return Optional.of(summary(item));
                }
                continue;
            }
            Map<String, String> full;
            try {
                full = call("WSTicket", "getTicketData", new WsRequest().data("cdchamado", number)
                        .data("campos", "cdchamado,nmtitulochamado,nmsituacao,dtchamado,dspalavrachave,dschamado")).single();
            } catch (QualitorException.Refused e) {
                unreadable[0]++;
                continue;
            }
            String readKeyword = full.get("dspalavrachave");
            String text = full.get("dschamado");
            if (readKeyword != null && !readKeyword.isBlank()) {
                if (readKeyword.strip().equals(key)) {
                    return Optional.of(summary(merged(item, full)));
                }
            } else if (text != null) {
                if (text.contains(KEY_LINE + key)) {
                    return Optional.of(summary(merged(item, full)));
                }
            } else {
                unreadable[0]++;
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> merged(Map<String, String> listed, Map<String, String> read) {
        Map<String, String> all = new java.util.LinkedHashMap<>(listed);
        read.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                all.put(k, v);
            }
        });
        return all;
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

    /** Adds a history entry, without a key: nothing can tell a repeat from the first (prefer the keyed form). */
    public void addHistory(String number, String text) {
        addHistory(number, text, null, false);
    }

    /**
     * Adds a history entry ({@code addTicketHistory}, type {@code qualitor.history-type}) for a
     * reiteration or a restart, written behind {@link #HISTORY_MARKER} (so SOP Desk's own entries
     * stay recognisable whoever Qualitor says wrote them) and ending with a short key marker ({@code Ref. SOP Desk: <key>}). When
     * {@code mayAlreadyExist} (an earlier attempt's answer was lost), first looks in the ticket's
     * history ({@code getTicketHistoryData}) for the entry carrying the key and writes nothing when
     * it is there; when the history shows no entry texts at all, that cannot be checked
     * ({@link QualitorException.Unverifiable}). Returns whether the entry was written now.
     */
    public boolean addHistory(String number, String text, String key, boolean mayAlreadyExist) {
        String marker = key == null || key.isBlank() ? null : HISTORY_KEY_LINE + key;
        if (mayAlreadyExist && marker != null) {
            List<Map<String, String>> entries = call("WSTicket", "getTicketHistoryData", new WsRequest().data("cdchamado", number)).items();
            if (entries.stream().anyMatch(e -> e.getOrDefault("dsacompanhamento", "").contains(marker))) {
                return false;
            }
            if (!entries.isEmpty() && entries.stream().noneMatch(e -> e.containsKey("dsacompanhamento"))) {
                throw new QualitorException.Unverifiable("Não foi possível confirmar se o registro chegou ao histórico da demanda " + number
                        + " (o Qualitor não mostra o texto do histórico): confira no Qualitor se há um acompanhamento com \"" + marker
                        + "\" antes de repetir o pedido.");
            }
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
     * No public operation lists a demand's attachments, so after an attempt whose answer was lost
     * ({@code mayAlreadyExist}) nothing is sent: that is {@link QualitorException.Unverifiable}, for a
     * person to look in Qualitor, since attaching again could attach twice.
     */
    public void attach(String number, String fileName, byte[] content, boolean mayAlreadyExist) {
        if (mayAlreadyExist) {
            throw new QualitorException.Unverifiable("Não é possível confirmar se o anexo " + fileName + " chegou à demanda " + number
                    + " (a resposta se perdeu e o Qualitor não lista anexos por integração): confira na demanda antes de anexar de novo.");
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
     * reads the demand's team ({@code getTicketData}, {@code campos=cdequipe}) and moves nothing when it
     * is there already; a demand whose answer does not give its team cannot be checked
     * ({@link QualitorException.Unverifiable}). Returns whether it was moved now.
     */
    public boolean transferTeam(String number, String team, boolean mayAlreadyExist) {
        if (mayAlreadyExist) {
            Map<String, String> item = call("WSTicket", "getTicketData", new WsRequest().data("cdchamado", number)
                    .data("campos", "cdchamado,cdequipe")).single();
            String current = item.get("cdequipe");
            if (current == null) {
                throw new QualitorException.Unverifiable("Não foi possível confirmar se a demanda " + number + " já está na equipe " + team
                        + " do Qualitor (a resposta não traz a equipe): confira na demanda antes de transferir de novo.");
            }
            if (current.strip().equals(team)) {
                return false;
            }
        }
        try {
            call("WSTicket", "transferTicketTeam", new WsRequest().data("cdchamado", number).data("cdequipe", team));
        } catch (QualitorException e) {
            throw e.duringWrite();
        }
        return true;
    }

    /** A demand's classification codes and Qualitor's names for them (for the setup check). */
    public DemandCodes demandCodes(String number) {
        Map<String, String> i = call("WSTicket", "getTicketData", new WsRequest().data("cdchamado", number)
                .data("campos", "cdchamado,cdcategoria,nmcategoria,nmcategoriacompleta,cdtipochamado,nmtipochamado,cdequipe,nmequipe")).single();
        String category = i.getOrDefault("nmcategoriacompleta", "");
        return new DemandCodes(number, i.get("cdcategoria"), category.isBlank() ? i.get("nmcategoria") : category,
                i.get("cdtipochamado"), i.get("nmtipochamado"), i.get("cdequipe"), i.get("nmequipe"));
    }

    /** Qualitor's name of an extra-information field ({@code getTicketAdditionalInfoDetail}). */
    public String additionalInfoName(String code) {
        Map<String, String> item = call("WSTicket", "getTicketAdditionalInfoDetail", new WsRequest()
                .data("cdtipoinformacaoadicional", code)).single();
        return item.entrySet().stream().filter(e -> e.getKey().startsWith("nm") || e.getKey().startsWith("ds"))
                .map(Map.Entry::getValue).filter(v -> !v.isBlank()).findFirst().orElse("");
    }

    /** The customer code Qualitor gives a CNPJ/CPF ({@code getCustomer}). */
    public String customerCodeOf(String document) {
        return customerCode(document);
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
        Stamp expected;
        try {
            expected = Stamp.parse(item.get("dtprevisaoresposta"));
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
        Stamp at = Stamp.parse(item.get("dtacompanhamento"));
        return new DemandProgress.Entry(at == null ? null : at.at(), at != null && at.dateOnly(), name.isEmpty() ? code : name,
                text, ours);
    }

    /**
     * Customer and contact codes never change for a document or e-mail: looked up once per instance.
     * A CNPJ/CPF Qualitor does not know is a refusal that names it.
     */
    private String customerCode(String document) {
        return cached("cliente|" + document, () -> {
            try {
                return required(call("WSGeneral", "getCustomer", new WsRequest().data("nrcpfcnpj", document)).single(), "cdcliente");
            } catch (QualitorException.Refused e) {
                if (e.kind() == RefusalKind.CUSTOMER_NOT_FOUND) {
                    throw e.advising("O " + documentShown(document) + " não está cadastrado como cliente no Qualitor: "
                            + "cadastre-o (ou confira o documento) e use Reenviar.");
                }
                throw e;
            }
        });
    }

    /**
     * The contact, by the customer's code and the e-mail ({@code getCustomerContact}: cdcliente +
     * dsemail, as the vendor documents it). An e-mail that is not a contact of the customer falls
     * back to {@code qualitor.default-contact} when one is configured (not cached, so a contact
     * registered later is used), otherwise it is a refusal naming the e-mail.
     */
    private String contactCode(String customer, String email) {
        String cacheKey = "contato|" + customer + "|" + (email == null ? "" : email.toLowerCase(java.util.Locale.ROOT));
        String known = codes.get(cacheKey);
        if (known != null) {
            return known;
        }
        QualitorException.Refused notFound;
        try {
            List<Map<String, String>> items = call("WSGeneral", "getCustomerContact", new WsRequest()
                    .data("cdcliente", customer)
                    .data("dsemail", email)).items();
            String code = items.isEmpty() ? null : items.get(0).get("cdcontato");
            if (code != null && !code.isBlank()) {
                return cached(cacheKey, () -> code);
            }
            notFound = new QualitorException.Refused(RefusalKind.CONTACT_NOT_FOUND, "", "getCustomerContact sem cdcontato", null);
        } catch (QualitorException.Refused e) {
            if (e.kind() != RefusalKind.CONTACT_NOT_FOUND) {
                throw e;
            }
            notFound = e;
        }
        if (settings.defaultContact() != null) {
            return settings.defaultContact();
        }
        throw notFound.advising("O e-mail " + email + " não está cadastrado como contato deste cliente no Qualitor: cadastre o contato "
                + "(ou confira o e-mail) e use Reenviar; um administrador também pode definir um contato padrão (qualitor.default-contact).");
    }

    /** CNPJ or CPF with its punctuation, as people read it. */
    static String documentShown(String document) {
        String d = document == null ? "" : document.strip();
        if (d.length() == 14) {
            return "CNPJ " + d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5, 8) + "/" + d.substring(8, 12) + "-" + d.substring(12);
        }
        if (d.length() == 11) {
            return "CPF " + d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
        }
        return "documento " + d;
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

    /**
     * The one place a request goes out: through the configured transport, a {@code status 0} answer
     * becoming a classified refusal. Remembers whether Qualitor last refused SOP Desk's own login
     * ({@link #credentialsRefusal}), cleared by the next call that logs in fine.
     */
    WsResponse call(String service, String operation, WsRequest request) {
        WsResponse answer;
        try {
            answer = transport.exchange(service, operation, request);
        } catch (QualitorException.Unauthorized e) {
            credentialsRefusal = e.getMessage();
            throw e;
        }
        if (!answer.ok()) {
            QualitorException refusal = QualitorException.refusal(operation, answer.errorCode(), answer.message());
            if (refusal instanceof QualitorException.Unauthorized) {
                credentialsRefusal = refusal.getMessage();
            } else if (!"getVersion".equals(operation)) {
                credentialsRefusal = null;
            }
            throw refusal;
        }
        if (!"getVersion".equals(operation)) {
            credentialsRefusal = null;
        }
        return answer;
    }

    /**
     * Qualitor's refusal of SOP Desk's integration login on the latest authenticated call, if it
     * refused it (for the readiness check: an outage even while {@code getVersion} answers).
     */
    public Optional<String> credentialsRefusal() {
        return Optional.ofNullable(credentialsRefusal);
    }

    @Override
    public void close() {
        transport.close();
    }
}
