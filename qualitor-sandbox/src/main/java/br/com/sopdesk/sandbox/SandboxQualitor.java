package br.com.sopdesk.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's in-memory Qualitor: customers, contacts and tickets, with the rules the real one
 * applies that SOP Desk depends on (mandatory fields, increasing ticket numbers, unknown tickets
 * refused). Unknown customers are registered on first look-up when {@code autoRegister} is on (the
 * default, so a demo accepts any valid CNPJ), and unknown e-mails become contacts when
 * {@code autoContacts} is on (the default); tests switch either off to get Qualitor's refusals, and
 * register customers and contacts through the controls. {@link KeywordField} says how much of the
 * submission key an installation gives back, {@link PeriodFilter} how {@code getTicket} reads its
 * dates.
 *
 * <p>Qualitor's dictionaries are seeded with what SOP Desk's shipped SOPs use (categories 32 to 36,
 * ticket type 5, location 4, severities 2 and 3), two teams and a few extra-information types; and
 * one <em>reference demand</em> per seeded category, of a dedicated customer, with fixed numbers
 * ({@link #REFERENCE_NUMBERS} on) below the generated range, so tests can read a fully classified
 * demand that survives resets. Reference demands are not "received": they stay out of
 * {@link #received}, {@link #keys} and {@link #allTickets}.
 *
 * <p>One instance per deployment, guarded by its own monitor: the sandbox is a test double, its
 * throughput is not the subject. It keeps the latest {@code kept} tickets whole (their history and
 * files too); of older ones only the submission key stays, for the duplicate count
 * ({@link #keys}). A sandbox lives in the server's own heap, and a benchmark sends it hundreds of
 * thousands of tickets: kept whole, 200,000 of them filled 860 MB of a 1.5 GB heap, and the
 * server's collector pauses grew from 50 to 110 ms.
 */
public final class SandboxQualitor {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    static final List<String> MANDATORY = List.of("cdcliente", "cdcontato", "nmtitulochamado", "cdtipochamado", "cdcategoria", "dschamado");

    /**
     * Numbers keep growing across redeploys (the sandbox keeps no data, SOP Desk's database does):
     * a restarted sandbox never hands out a demand number SOP Desk already knows.
     */
    private final AtomicLong ticketNumbers = new AtomicLong(48200 + Math.max(0, System.currentTimeMillis() / 1000 - 1_795_000_000L));
    private final AtomicLong customerCodes = new AtomicLong(1200);
    private final AtomicLong contactCodes = new AtomicLong(1);
    private final Map<String, Map<String, String>> customersByDocument = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> contacts = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tickets = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> histories = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> attachments = new LinkedHashMap<>();
    private final Map<String, byte[]> fileContents = new HashMap<>();
    /** Extra information per ticket: code (the NN of vlinformacaoadicionalNN) to value. */
    private final Map<String, Map<String, String>> additionalInfos = new HashMap<>();
    private final Map<String, Map<String, String>> referenceTickets = new LinkedHashMap<>();
    private final Map<String, String> teams = new LinkedHashMap<>();
    private final Map<String, String> additionalInfoTypes = new LinkedHashMap<>();
    private final AtomicLong attachmentCodes = new AtomicLong();
    /** Submission keys ({@code dspalavrachave}) of the tickets no longer kept whole, oldest first. */
    private final List<String> forgottenKeys = new ArrayList<>();
    private final int kept;
    private volatile boolean autoRegister = true;
    private volatile boolean autoContacts = true;
    private volatile KeywordField keywordField = KeywordField.LISTED;
    private volatile PeriodFilter periodFilter = PeriodFilter.DTPERIODO_ALONE;

    /**
     * How {@code getTicket} reads {@code dtperiodo}/{@code dtperiodo2} (compared with the opening
     * day): {@code DTPERIODO_ALONE} (default) takes {@code dtperiodo} as a lower and
     * {@code dtperiodo2} as an inclusive upper bound, each when given, and ignores
     * {@code Idtipoperiodo}; {@code NEEDS_PERIOD_TYPE} applies the period only when
     * {@code Idtipoperiodo}, {@code dtperiodo} and {@code dtperiodo2} are all given, and otherwise
     * lists every ticket of the customer. Public evidence does not say which one Qualitor does.
     */
    public enum PeriodFilter { DTPERIODO_ALONE, NEEDS_PERIOD_TYPE }

    /** Categories SOP Desk's shipped SOPs use: code to {group, name}. */
    static final Map<String, String[]> CATEGORIES = orderedOf(
            "32", new String[] {"Certificado Digital", "Perda de senha"},
            "33", new String[] {"Certificado Digital", "Token em branco"},
            "34", new String[] {"Certificado Digital", "Sem matrícula CEI"},
            "35", new String[] {"Mídias", "Alteração de senha e formatação"},
            "36", new String[] {"Garantias", "Revogação e reemissão"});
    static final Map<String, String> TICKET_TYPES = Map.of("5", "Solicitação");
    static final Map<String, String> LOCATIONS = Map.of("4", "Matriz");
    static final Map<String, String> SEVERITIES = Map.of("2", "Média", "3", "Alta");
    /** The reference customer's CNPJ (04.252.011/0001-10) and fixed code; reference demands are numbered from 1000. */
    public static final String REFERENCE_DOCUMENT = "04252011000110";
    static final String REFERENCE_CUSTOMER = "1000";
    public static final int REFERENCE_NUMBERS = 1000;

    /**
     * How an installation answers {@code dspalavrachave}: {@code LISTED} in {@code getTicket} and
     * {@code getTicketData} (the default); {@code NOT_LISTED} only in {@code getTicketData} (the
     * contract promises getTicket only cdchamado, nmtitulochamado, nmsituacao, dtchamado);
     * {@code NOT_KEPT} nowhere (the installation does not keep it; the ticket text still has it);
     * {@code UNREADABLE} nowhere, and {@code getTicketData} leaves out {@code dschamado} too.
     */
    public enum KeywordField { LISTED, NOT_LISTED, NOT_KEPT, UNREADABLE }

    /** Keeps the latest {@code kept} tickets whole (at least one). */
    public SandboxQualitor(int kept) {
        this.kept = Math.max(1, kept);
        reset();
    }

    private static <V> Map<String, V> orderedOf(Object... pairs) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) pairs[i + 1];
            m.put((String) pairs[i], v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Back to the initial data: two known customers, the reference customer and its reference
     * demands, the seeded teams and extra-information types, no received tickets, every switch at
     * its default.
     */
    public synchronized void reset() {
        customersByDocument.clear();
        contacts.clear();
        tickets.clear();
        histories.clear();
        attachments.clear();
        fileContents.clear();
        additionalInfos.clear();
        referenceTickets.clear();
        forgottenKeys.clear();
        autoRegister = true;
        autoContacts = true;
        keywordField = KeywordField.LISTED;
        periodFilter = PeriodFilter.DTPERIODO_ALONE;
        teams.clear();
        teams.put("7", "Relacionamento");
        teams.put("8", "Suporte Técnico");
        additionalInfoTypes.clear();
        additionalInfoTypes.put("1740", "Telefone alternativo");
        additionalInfoTypes.put("1741", "E-mail de retorno");
        additionalInfoTypes.put("1742", "CNPJ/CPF do titular");
        additionalInfoTypes.put("1743", "Procedimento (SOP)");
        register("11222333000181", "Padaria Pão Quente Ltda");
        register("12ABC34501DE35", "Comércio Alfanumérico S.A.");
        seedReferenceDemands();
    }

    private void seedReferenceDemands() {
        Map<String, String> customer = new LinkedHashMap<>();
        customer.put("cdcliente", REFERENCE_CUSTOMER);
        customer.put("nmcliente", "Cliente de Referência SOP Desk Ltda");
        customer.put("nrcpfcnpj", REFERENCE_DOCUMENT);
        customersByDocument.put(REFERENCE_DOCUMENT, customer);
        String contact = newContact(REFERENCE_CUSTOMER, "referencia@sopdesk.local").get("cdcontato");
        String opened = STAMP.format(LocalDateTime.now(BRASILIA));
        int index = 0;
        for (Map.Entry<String, String[]> category : CATEGORIES.entrySet()) {
            String number = String.valueOf(REFERENCE_NUMBERS + index++);
            Map<String, String> t = new LinkedHashMap<>();
            t.put("cdcliente", REFERENCE_CUSTOMER);
            t.put("cdcontato", contact);
            t.put("nmtitulochamado", "Demanda de referência - " + fullName(category.getValue()));
            t.put("cdtipochamado", "5");
            t.put("cdcategoria", category.getKey());
            t.put("cdlocalidade", "4");
            t.put("cdseveridade", "35".equals(category.getKey()) ? "3" : "2");
            t.put("cdequipe", "36".equals(category.getKey()) ? "7" : "8");
            t.put("dschamado", "Demanda de referência da categoria " + category.getKey() + " para testes.");
            t.put("cdchamado", number);
            t.put("cdsituacao", "1");
            t.put("nmsituacao", "Aguardando atendimento");
            t.put("dtchamado", opened);
            t.put("dtprevisaoresposta", opened);
            referenceTickets.put(number, t);
            histories.put(number, new ArrayList<>());
            attachments.put(number, new ArrayList<>());
        }
    }

    private static String fullName(String[] category) {
        return category[0] + " - " + category[1];
    }

    /** The reference demands, one per seeded category, as {category, demand}. */
    public synchronized List<Map<String, String>> referenceDemands() {
        return referenceTickets.values().stream()
                .map(t -> Map.of("category", t.get("cdcategoria"), "demand", t.get("cdchamado"))).toList();
    }

    public void periodFilter(PeriodFilter mode) {
        this.periodFilter = mode;
    }

    public PeriodFilter periodFilter() {
        return periodFilter;
    }

    /** Qualitor's teams, code to name (seeded: 7 Relacionamento, 8 Suporte Técnico). */
    public synchronized Map<String, String> teams() {
        return new LinkedHashMap<>(teams);
    }

    /** Someone at Qualitor creates a team. */
    public synchronized void registerTeam(String code, String name) {
        teams.put(code, name == null || name.isBlank() ? "Equipe " + code : name);
    }

    /** A ticket's team ({cdequipe, nmequipe}, empty values when it has none). */
    public synchronized Map<String, String> teamOf(String number) throws SandboxFault {
        String team = find(number).getOrDefault("cdequipe", "");
        return Map.of("cdequipe", team, "nmequipe", teams.getOrDefault(team, ""));
    }

    /** The extra-information types, code to name (seeded: 1740 to 1743). */
    public synchronized Map<String, String> additionalInfoTypes() {
        return new LinkedHashMap<>(additionalInfoTypes);
    }

    /** Someone at Qualitor creates an extra-information type. */
    public synchronized void registerAdditionalInfoType(String code, String name) {
        additionalInfoTypes.put(code, name == null ? "" : name);
    }

    public void autoRegister(boolean on) {
        this.autoRegister = on;
    }

    public void autoContacts(boolean on) {
        this.autoContacts = on;
    }

    public void keywordField(KeywordField mode) {
        this.keywordField = mode;
    }

    KeywordField keywordField() {
        return keywordField;
    }

    /** Registers a customer (what Qualitor's own users do; driven by the controls); answers its record. */
    public synchronized Map<String, String> registerCustomer(String document, String name) {
        String doc = document == null ? "" : document.replaceAll("[^0-9A-Za-z]", "").toUpperCase();
        Map<String, String> known = customersByDocument.get(doc);
        return new LinkedHashMap<>(known != null ? known : register(doc, name == null || name.isBlank() ? "Cliente " + doc : name));
    }

    /** Registers a contact of a known customer by its e-mail (driven by the controls). */
    public synchronized Map<String, String> registerContact(String document, String email) throws SandboxFault {
        String doc = document == null ? "" : document.replaceAll("[^0-9A-Za-z]", "").toUpperCase();
        Map<String, String> customer = customersByDocument.get(doc);
        if (customer == null) {
            throw new SandboxFault("20", "Ws - Cliente não encontrado: " + document);
        }
        return new LinkedHashMap<>(newContact(customer.get("cdcliente"), email));
    }

    synchronized Map<String, String> customer(String document) throws SandboxFault {
        String doc = document == null ? "" : document.replaceAll("[^0-9A-Za-z]", "").toUpperCase();
        Map<String, String> customer = customersByDocument.get(doc);
        if (customer == null && autoRegister && (doc.length() == 14 || doc.length() == 11)) {
            customer = register(doc, "Cliente " + doc);
        }
        if (customer == null) {
            throw new SandboxFault("20", "Ws - Cliente não encontrado: " + document);
        }
        return customer;
    }

    /** {@code getCustomerContact}: the contact of the customer with that e-mail (cdcliente + dsemail). */
    synchronized Map<String, String> contact(String customer, String email) throws SandboxFault {
        requireCustomerCode(customer);
        if (email == null || email.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: dsemail");
        }
        Map<String, String> known = contacts.get(customer + "|" + email.toLowerCase());
        if (known == null && !autoContacts) {
            throw new SandboxFault("20", "Ws - Contato não encontrado: " + email);
        }
        return known != null ? known : newContact(customer, email);
    }

    private Map<String, String> newContact(String customer, String email) {
        return contacts.computeIfAbsent(customer + "|" + email.toLowerCase(), k -> {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("cdcontato", String.valueOf(contactCodes.incrementAndGet()));
            c.put("cdcliente", customer);
            c.put("nmcontato", email);
            c.put("dsemail", email);
            return c;
        });
    }

    /**
     * {@code addTicketByData}: refuses a missing mandatory field or an unknown customer, and keeps
     * every {@code vlinformacaoadicionalNN} of {@code additional}, known NN or not (no evidence says
     * Qualitor refuses an unknown one).
     */
    synchronized Map<String, String> addTicket(Map<String, String> data, Map<String, String> additional) throws SandboxFault {
        for (String field : MANDATORY) {
            if (data.get(field) == null || data.get(field).isBlank()) {
                throw new SandboxFault("12", "Ws - Campo obrigatório não informado: " + field);
            }
        }
        requireCustomerCode(data.get("cdcliente"));
        String number = String.valueOf(ticketNumbers.incrementAndGet());
        LocalDateTime now = LocalDateTime.now(BRASILIA);
        Map<String, String> ticket = new LinkedHashMap<>(data);
        ticket.put("cdchamado", number);
        ticket.put("cdsituacao", "1");
        ticket.put("nmsituacao", "Aguardando atendimento");
        ticket.put("dtchamado", STAMP.format(now));
        ticket.put("dtprevisaoresposta", STAMP.format(now.plusHours(24)));
        tickets.put(number, ticket);
        histories.put(number, new ArrayList<>());
        attachments.put(number, new ArrayList<>());
        additionalInfos.put(number, additionalValues(additional));
        while (tickets.size() > kept) {
            forgetOldest();
        }
        return ticket;
    }

    /** The oldest ticket kept whole is forgotten but for its submission key. */
    private void forgetOldest() {
        Map.Entry<String, Map<String, String>> oldest = tickets.entrySet().iterator().next();
        String number = oldest.getKey();
        forgottenKeys.add(oldest.getValue().getOrDefault("dspalavrachave", ""));
        tickets.remove(number);
        histories.remove(number);
        additionalInfos.remove(number);
        attachments.remove(number).forEach(a -> fileContents.remove(a.get("cdanexo")));
    }

    private static final java.util.regex.Pattern ADDITIONAL = java.util.regex.Pattern.compile("vlinformacaoadicional(\\d+)");

    /** The {@code vlinformacaoadicionalNN} elements as NN to value; other elements are not extra information. */
    private static Map<String, String> additionalValues(Map<String, String> additional) {
        Map<String, String> out = new LinkedHashMap<>();
        additional.forEach((k, v) -> {
            var m = ADDITIONAL.matcher(k);
            if (m.matches()) {
                out.put(m.group(1), v);
            }
        });
        return out;
    }

    /** {@code getTicketAdditionalInfos}: the ticket's extra information, each with its type's name ("" when unknown). */
    synchronized List<Map<String, String>> additionalInfosOf(String number) throws SandboxFault {
        find(number);
        List<Map<String, String>> out = new ArrayList<>();
        additionalInfos.getOrDefault(number, Map.of()).forEach((code, value) -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("cdtipoinformacaoadicional", code);
            item.put("nminformacaoadicional", additionalInfoTypes.getOrDefault(code, ""));
            item.put("vlinformacaoadicional", value);
            out.add(item);
        });
        return out;
    }

    /** {@code getTicketAdditionalInfoDetail}: one extra-information type. */
    synchronized Map<String, String> additionalInfoType(String code) throws SandboxFault {
        if (code == null || code.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: cdtipoinformacaoadicional");
        }
        String name = additionalInfoTypes.get(code.strip());
        if (name == null) {
            throw new SandboxFault("20", "Ws - Informação adicional não encontrada: " + code.strip());
        }
        Map<String, String> item = new LinkedHashMap<>();
        item.put("cdtipoinformacaoadicional", code.strip());
        item.put("nminformacaoadicional", name);
        return item;
    }

    /** {@code changeTicketAdditionalInfo}: sets the given values, keeps the others. */
    synchronized void changeAdditionalInfo(String number, Map<String, String> additional) throws SandboxFault {
        find(number);
        additionalInfos.computeIfAbsent(number, n -> new LinkedHashMap<>()).putAll(additionalValues(additional));
    }

    /** {@code transferTicketTeam}: the ticket moves to a known team. */
    synchronized void transferTeam(String number, String team) throws SandboxFault {
        if (number == null || number.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: cdchamado");
        }
        if (team == null || team.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: cdequipe");
        }
        Map<String, String> ticket = find(number);
        if (!teams.containsKey(team.strip())) {
            throw new SandboxFault("20", "Ws - Equipe não encontrada: " + team.strip());
        }
        ticket.put("cdequipe", team.strip());
    }

    /** A received or reference ticket, or Qualitor's refusal. */
    private Map<String, String> find(String number) throws SandboxFault {
        Map<String, String> t = number == null ? null : tickets.get(number.strip());
        if (t == null && number != null) {
            t = referenceTickets.get(number.strip());
        }
        if (t == null) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        return t;
    }

    /** How many tickets were received since the last reset. */
    public synchronized int received() {
        return forgottenKeys.size() + tickets.size();
    }

    /**
     * The tickets received since the last reset from the {@code from}-th on (0: all), as their
     * submission keys ("" without one), oldest first.
     */
    public synchronized List<String> keys(int from) {
        int start = Math.max(0, from);
        List<String> out = new ArrayList<>(Math.max(0, received() - start));
        if (start < forgottenKeys.size()) {
            out.addAll(forgottenKeys.subList(start, forgottenKeys.size()));
        }
        int skip = Math.max(0, start - forgottenKeys.size());
        tickets.values().stream().skip(skip).forEach(t -> out.add(t.getOrDefault("dspalavrachave", "")));
        return out;
    }

    /** {@code getTicketData}: the ticket with the names of its category, type and team, and its latest history text. */
    synchronized Map<String, String> ticket(String number) throws SandboxFault {
        Map<String, String> ticket = find(number);
        Map<String, String> copy = new LinkedHashMap<>(ticket);
        String[] category = CATEGORIES.get(ticket.get("cdcategoria"));
        if (category != null) {
            copy.put("nmcategoria", category[1]);
            copy.put("nmcategoriacompleta", fullName(category));
        }
        if (TICKET_TYPES.containsKey(ticket.get("cdtipochamado"))) {
            copy.put("nmtipochamado", TICKET_TYPES.get(ticket.get("cdtipochamado")));
        }
        if (teams.containsKey(ticket.get("cdequipe"))) {
            copy.put("nmequipe", teams.get(ticket.get("cdequipe")));
        }
        List<Map<String, String>> history = histories.get(ticket.get("cdchamado"));
        if (!history.isEmpty()) {
            copy.put("dsultimoacompanhamento", history.get(history.size() - 1).get("dsacompanhamento"));
        }
        return copy;
    }

    /**
     * {@code getTicket}: a customer's tickets, newest first, optionally of one situation and within
     * a period of opening days (YYYY-MM-DD) as {@link PeriodFilter} reads it. Blank values count as
     * not given.
     */
    synchronized List<Map<String, String>> ticketsOf(String customer, String situation, String periodType, String from,
                                                     String to) throws SandboxFault {
        customer = given(customer);
        situation = given(situation);
        from = given(from);
        to = given(to);
        if (periodFilter == PeriodFilter.NEEDS_PERIOD_TYPE && (given(periodType) == null || from == null || to == null)) {
            from = null;
            to = null;
        }
        for (String day : new String[] {from, to}) {
            if (day != null) {
                try {
                    LocalDate.parse(day);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new SandboxFault("13", "Ws - Data inválida (AAAA-MM-DD): " + day);
                }
            }
        }
        List<Map<String, String>> found = new ArrayList<>();
        List<Map<String, String>> all = new ArrayList<>(referenceTickets.values());
        all.addAll(tickets.values());
        for (Map<String, String> t : all) {
            String day = t.get("dtchamado").substring(0, 10);
            if ((customer == null || customer.equals(t.get("cdcliente")))
                    && (situation == null || situation.equals(t.get("cdsituacao")))
                    && (from == null || day.compareTo(from) >= 0)
                    && (to == null || day.compareTo(to) <= 0)) {
                found.add(t);
            }
        }
        java.util.Collections.reverse(found);
        return found;
    }

    synchronized void addHistory(String number, String text, String type) throws SandboxFault {
        addHistory(number, text, type, "integracao");
    }

    /** A history entry written by {@code author} (the integration user through the API, a person from the controls). */
    public synchronized void addHistory(String number, String text, String type, String author) throws SandboxFault {
        if (text == null || text.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: dsacompanhamento");
        }
        Map<String, String> ticket = find(number);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("dsacompanhamento", text);
        entry.put("cdtipoacompanhamento", type == null ? "1" : type);
        entry.put("dtacompanhamento", STAMP.format(LocalDateTime.now(BRASILIA)));
        entry.put("nmusuario", author);
        histories.get(ticket.get("cdchamado")).add(entry);
    }

    /** {@code addAttachment} as a not-private file ({@code idprivado} N). */
    synchronized void addAttachment(String number, String name, String base64) throws SandboxFault {
        addAttachment(number, name, null, base64);
    }

    /**
     * {@code addAttachment}: {@code cdchamado}, {@code nmanexo} (file name), {@code idprivado}
     * ({@code N}, the default, or {@code S}) and {@code attachment} (Base64 of the file; line breaks
     * allowed). Like Qualitor it does not deduplicate: the same file twice is two attachments.
     */
    synchronized void addAttachment(String number, String name, String privateFlag, String base64) throws SandboxFault {
        for (String[] field : new String[][] {{"cdchamado", number}, {"nmanexo", name}, {"attachment", base64}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new SandboxFault("12", "Ws - Campo obrigatório não informado: " + field[0]);
            }
        }
        Map<String, String> ticket = find(number);
        byte[] content;
        try {
            content = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new SandboxFault("13", "Ws - Anexo inválido (Base64 esperado): " + name);
        }
        Map<String, String> file = new LinkedHashMap<>();
        file.put("cdanexo", String.valueOf(attachmentCodes.incrementAndGet()));
        file.put("nmanexo", name);
        file.put("idprivado", privateFlag == null || privateFlag.isBlank() ? "N" : privateFlag.strip());
        file.put("nrtamanho", String.valueOf(content.length));
        file.put("dtanexo", STAMP.format(LocalDateTime.now(BRASILIA)));
        file.put("nmusuario", "integracao");
        attachments.get(ticket.get("cdchamado")).add(file);
        fileContents.put(file.get("cdanexo"), content);
    }

    /** {@code getTicketHistoryData}: the ticket's history entries, oldest first (attachments are not listed). */
    synchronized List<Map<String, String>> history(String number) throws SandboxFault {
        Map<String, String> ticket = find(number);
        List<Map<String, String>> out = new ArrayList<>();
        histories.get(ticket.get("cdchamado")).forEach(h -> out.add(new LinkedHashMap<>(h)));
        return out;
    }

    /**
     * Closes the ticket ({@code closeTicket}): situation 5, "Encerrado"; with
     * {@code idfecharrelacionados} Y also the tickets opened under it ({@code cdchamadosuperior}).
     * A ticket already closed is refused, as Qualitor refuses a step that does not exist.
     */
    synchronized Map<String, String> close(String number, String closeRelated) throws SandboxFault {
        Map<String, String> ticket = find(number);
        String related = closeRelated == null || closeRelated.isBlank() ? "N" : closeRelated.strip().toUpperCase();
        if (!related.equals("Y") && !related.equals("N")) {
            throw new SandboxFault("13", "Ws - Valor inválido para idfecharrelacionados: " + closeRelated + " (Y ou N)");
        }
        if ("5".equals(ticket.get("cdsituacao"))) {
            throw new SandboxFault("21", "Ws - This ticket have no next step.");
        }
        closeOne(ticket);
        if (related.equals("Y")) {
            tickets.values().stream().filter(t -> number.equals(t.get("cdchamadosuperior")) && !"5".equals(t.get("cdsituacao")))
                    .forEach(SandboxQualitor::closeOne);
        }
        return new LinkedHashMap<>(ticket);
    }

    private static void closeOne(Map<String, String> ticket) {
        ticket.put("cdsituacao", "5");
        ticket.put("nmsituacao", "Encerrado");
        ticket.put("dtfechamento", STAMP.format(LocalDateTime.now(BRASILIA)));
    }

    /** Moves a demand to another situation (what Qualitor's own users do; driven by the controls). */
    public synchronized void situation(String number, String code, String name) throws SandboxFault {
        Map<String, String> ticket = find(number);
        ticket.put("cdsituacao", code);
        ticket.put("nmsituacao", name);
    }

    /**
     * The files attached to a ticket (for tests and demos; Qualitor's API lists none): cdanexo,
     * nmanexo, idprivado, nrtamanho, dtanexo, nmusuario, the content in Base64 ({@code dsconteudo})
     * and as UTF-8 text ({@code texto}).
     */
    public synchronized List<Map<String, String>> attachmentsOf(String number) {
        return attachments.getOrDefault(number, List.of()).stream().map(a -> {
            Map<String, String> copy = new LinkedHashMap<>(a);
            byte[] content = fileContents.getOrDefault(a.get("cdanexo"), new byte[0]);
            copy.put("dsconteudo", Base64.getEncoder().encodeToString(content));
            copy.put("texto", new String(content, java.nio.charset.StandardCharsets.UTF_8));
            return (Map<String, String>) copy;
        }).toList();
    }

    /** All tickets, oldest first, for the sandbox's own inspection page and for tests (with how many files each has: qtanexos). */
    public synchronized List<Map<String, String>> allTickets() {
        return tickets.values().stream().map(t -> {
            Map<String, String> copy = new LinkedHashMap<>(t);
            copy.put("qtanexos", String.valueOf(attachments.getOrDefault(t.get("cdchamado"), List.of()).size()));
            return (Map<String, String>) copy;
        }).toList();
    }

    private Map<String, String> register(String document, String name) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("cdcliente", String.valueOf(customerCodes.incrementAndGet()));
        c.put("nmcliente", name);
        c.put("nrcpfcnpj", document);
        customersByDocument.put(document, c);
        return c;
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void requireCustomerCode(String code) throws SandboxFault {
        boolean known = customersByDocument.values().stream().anyMatch(c -> c.get("cdcliente").equals(code));
        if (!known) {
            throw new SandboxFault("20", "Ws - Cliente não encontrado: " + code);
        }
    }

    /** A refusal the way Qualitor answers it: status 0 with an error code and message. */
    static final class SandboxFault extends Exception {
        final String code;

        SandboxFault(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
