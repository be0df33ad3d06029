package br.com.sopdesk.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's in-memory Qualitor: its operations, with the rules the real one applies that SOP
 * Desk depends on (mandatory fields, increasing ticket numbers, unknown tickets refused, a closed
 * ticket not closed again), over its customers ({@link SandboxCustomers}), its tickets
 * ({@link SandboxTickets}) and its extra information ({@link SandboxExtraInfo}). Tests switch
 * Qualitor's less convenient answers on through the controls: {@link KeywordField} says how much of
 * the submission key an installation gives back, {@link PeriodFilter} how {@code getTicket} reads
 * its dates.
 *
 * <p>Besides what {@link SandboxCatalog} seeds, one <em>reference demand</em> per seeded category, of
 * a dedicated customer, with fixed numbers ({@link #REFERENCE_NUMBERS} on) below the generated
 * range, so tests can read a fully classified demand that survives resets. Reference demands are
 * not "received": they stay out of {@link #received}, {@link #keys} and {@link #allTickets}.
 *
 * <p>One instance per deployment, guarded by its own monitor (its parts are only touched under it):
 * the sandbox is a test double, its throughput is not the subject.
 */
public final class SandboxQualitor {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    static final List<String> MANDATORY = List.of("cdcliente", "cdcontato", "nmtitulochamado", "cdtipochamado", "cdcategoria", "dschamado");

    /** The reference customer's CNPJ (04.252.011/0001-10) and fixed code; reference demands are numbered from 1000. */
    public static final String REFERENCE_DOCUMENT = "04252011000110";
    static final String REFERENCE_CUSTOMER = "1000";
    public static final int REFERENCE_NUMBERS = 1000;

    /**
     * How {@code getTicket} reads {@code dtperiodo}/{@code dtperiodo2} (compared with the opening
     * day): {@code DTPERIODO_ALONE} (default) takes {@code dtperiodo} as a lower and
     * {@code dtperiodo2} as an inclusive upper bound, each when given, and ignores
     * {@code Idtipoperiodo}; {@code NEEDS_PERIOD_TYPE} applies the period only when
     * {@code Idtipoperiodo}, {@code dtperiodo} and {@code dtperiodo2} are all given, and otherwise
     * lists every ticket of the customer. Public evidence does not say which one Qualitor does.
     */
    public enum PeriodFilter { DTPERIODO_ALONE, NEEDS_PERIOD_TYPE }

    /**
     * How an installation answers {@code dspalavrachave}: {@code LISTED} in {@code getTicket} and
     * {@code getTicketData} (the default); {@code NOT_LISTED} only in {@code getTicketData} (the
     * contract promises getTicket only cdchamado, nmtitulochamado, nmsituacao, dtchamado);
     * {@code NOT_KEPT} nowhere (the installation does not keep it; the ticket text still has it);
     * {@code UNREADABLE} nowhere, and {@code getTicketData} leaves out {@code dschamado} too.
     */
    public enum KeywordField { LISTED, NOT_LISTED, NOT_KEPT, UNREADABLE }

    private final SandboxCustomers customers = new SandboxCustomers();
    private final SandboxExtraInfo extraInfo = new SandboxExtraInfo();
    private final SandboxSteps steps = new SandboxSteps();
    private final SandboxTickets tickets;
    private final SandboxCatalog catalog = new SandboxCatalog();
    private volatile KeywordField keywordField = KeywordField.LISTED;
    private volatile PeriodFilter periodFilter = PeriodFilter.DTPERIODO_ALONE;

    /** Keeps the latest {@code kept} tickets whole (at least one). */
    public SandboxQualitor(int kept) {
        this.tickets = new SandboxTickets(kept, extraInfo::forget);
        reset();
    }

    /**
     * Back to the initial data: two known customers, the reference customer and its reference
     * demands, the seeded teams and extra-information types, no received tickets, every switch at
     * its default.
     */
    public synchronized void reset() {
        customers.clear();
        tickets.clear();
        extraInfo.reset();
        steps.clear();
        keywordField = KeywordField.LISTED;
        periodFilter = PeriodFilter.DTPERIODO_ALONE;
        catalog.reset();
        customers.register("11222333000181", "Padaria Pão Quente Ltda");
        customers.register("12ABC34501DE35", "Comércio Alfanumérico S.A.");
        seedReferenceDemands();
    }

    private void seedReferenceDemands() {
        customers.put(REFERENCE_CUSTOMER, REFERENCE_DOCUMENT, "Cliente de Referência SOP Desk Ltda");
        String contact = customers.contactOf(REFERENCE_CUSTOMER, "referencia@sopdesk.local").get("cdcontato");
        SandboxCatalog.referenceDemands(REFERENCE_CUSTOMER, contact, REFERENCE_NUMBERS, STAMP.format(now())).forEach(tickets::reference);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(BRASILIA);
    }

    /** The reference demands, one per seeded category, as {category, demand}. */
    public synchronized List<Map<String, String>> referenceDemands() {
        List<Map<String, String>> out = new ArrayList<>();
        tickets.references().forEach(t -> out.add(Map.of("category", t.get("cdcategoria"), "demand", t.get("cdchamado"))));
        return List.copyOf(out);
    }

    public void periodFilter(PeriodFilter mode) {
        this.periodFilter = mode;
    }

    public PeriodFilter periodFilter() {
        return periodFilter;
    }

    /** Qualitor's teams, code to name (seeded: 7 Relacionamento, 8 Suporte Técnico). */
    public synchronized Map<String, String> teams() {
        return catalog.teams();
    }

    /** Someone at Qualitor creates a team. */
    public synchronized void registerTeam(String code, String name) {
        catalog.registerTeam(code, name);
    }

    /** A ticket's team ({cdequipe, nmequipe}, empty values when it has none). */
    public synchronized Map<String, String> teamOf(String number) throws SandboxFault {
        String team = tickets.find(number).getOrDefault("cdequipe", "");
        return Map.of("cdequipe", team, "nmequipe", catalog.teamName(team));
    }

    /** The extra-information types, code to name (seeded: 1740 to 1743). */
    public synchronized Map<String, String> additionalInfoTypes() {
        return extraInfo.types();
    }

    /** Someone at Qualitor creates an extra-information type. */
    public synchronized void registerAdditionalInfoType(String code, String name) {
        extraInfo.registerType(code, name);
    }

    public void autoRegister(boolean on) {
        customers.autoRegister(on);
    }

    public void autoContacts(boolean on) {
        customers.autoContacts(on);
    }

    public void keywordField(KeywordField mode) {
        this.keywordField = mode;
    }

    KeywordField keywordField() {
        return keywordField;
    }

    /** Registers a customer (what Qualitor's own users do; driven by the controls); answers its record. */
    public synchronized Map<String, String> registerCustomer(String document, String name) {
        return new LinkedHashMap<>(customers.register(document, name));
    }

    /** Registers a contact of a known customer by its e-mail (driven by the controls). */
    public synchronized Map<String, String> registerContact(String document, String email) throws SandboxFault {
        return new LinkedHashMap<>(customers.registerContact(document, email));
    }

    /** {@code getCustomer}. */
    synchronized Map<String, String> customer(String document) throws SandboxFault {
        return customers.customer(document);
    }

    /** {@code getCustomerContact}: the contact of the customer with that e-mail (cdcliente + dsemail). */
    synchronized Map<String, String> contact(String customer, String email) throws SandboxFault {
        return customers.contact(customer, email);
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
        customers.requireCode(data.get("cdcliente"));
        String number = tickets.nextNumber();
        LocalDateTime now = now();
        Map<String, String> ticket = new LinkedHashMap<>(data);
        ticket.put("cdchamado", number);
        ticket.put("cdsituacao", "1");
        ticket.put("nmsituacao", "Aguardando atendimento");
        ticket.put("dtchamado", STAMP.format(now));
        ticket.put("dtprevisaoresposta", STAMP.format(now.plusHours(24)));
        extraInfo.opened(number, additional);
        tickets.receive(ticket);
        return ticket;
    }

    /** {@code getTicketAdditionalInfos}: the ticket's extra information, each with its type's name ("" when unknown). */
    synchronized List<Map<String, String>> additionalInfosOf(String number) throws SandboxFault {
        tickets.find(number);
        return extraInfo.of(number);
    }

    /** {@code getTicketAdditionalInfoDetail}: one extra-information type. */
    synchronized Map<String, String> additionalInfoType(String code) throws SandboxFault {
        return extraInfo.type(code);
    }

    /** {@code changeTicketAdditionalInfo}: sets the given values, keeps the others. */
    synchronized void changeAdditionalInfo(String number, Map<String, String> additional) throws SandboxFault {
        tickets.find(number);
        extraInfo.change(number, additional);
    }

    /** {@code transferTicketTeam}: the ticket moves to a known team. */
    synchronized void transferTeam(String number, String team) throws SandboxFault {
        SandboxFault.required("cdchamado", number, "cdequipe", team);
        Map<String, String> ticket = tickets.find(number);
        if (!catalog.knowsTeam(team.strip())) {
            throw new SandboxFault("20", "Ws - Equipe não encontrada: " + team.strip());
        }
        ticket.put("cdequipe", team.strip());
    }

    /** {@code setTicketNextStep} ({@code cdchamado}, {@code cdetapa}): see {@link SandboxSteps}. */
    synchronized void nextStep(String number, String step) throws SandboxFault {
        SandboxFault.required("cdchamado", number, "cdetapa", step);
        steps.move(tickets.find(number), step.strip());
    }

    /** A ticket's step and every move to one ({cdetapa, moves}), for tests and demos. */
    public synchronized Map<String, String> stepsOf(String number) throws SandboxFault {
        return steps.history(tickets.find(number));
    }

    /** How many tickets were received since the last reset. */
    public synchronized int received() {
        return tickets.received();
    }

    /**
     * The tickets received since the last reset from the {@code from}-th on (0: all), as their
     * submission keys ("" without one), oldest first; also of those no longer kept whole.
     */
    public synchronized List<String> keys(int from) {
        return tickets.keys(from);
    }

    /** {@code getTicketData}: the ticket with the names of its category, type and team, and its latest history text. */
    synchronized Map<String, String> ticket(String number) throws SandboxFault {
        Map<String, String> ticket = tickets.find(number);
        Map<String, String> copy = catalog.named(ticket);
        List<Map<String, String>> history = tickets.history(ticket);
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
        return tickets.matching(customer, situation, from, to);
    }

    synchronized void addHistory(String number, String text, String type) throws SandboxFault {
        addHistory(number, text, type, "integracao");
    }

    /** A history entry written by {@code author} (the integration user through the API, a person from the controls). */
    public synchronized void addHistory(String number, String text, String type, String author) throws SandboxFault {
        if (text == null || text.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: dsacompanhamento");
        }
        Map<String, String> ticket = tickets.find(number);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("dsacompanhamento", text);
        entry.put("cdtipoacompanhamento", type == null ? "1" : type);
        entry.put("dtacompanhamento", STAMP.format(now()));
        entry.put("nmusuario", author);
        tickets.history(ticket).add(entry);
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
        SandboxFault.required("cdchamado", number, "nmanexo", name, "attachment", base64);
        Map<String, String> ticket = tickets.find(number);
        byte[] content;
        try {
            content = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new SandboxFault("13", "Ws - Anexo inválido (Base64 esperado): " + name);
        }
        tickets.attach(ticket, name, privateFlag == null || privateFlag.isBlank() ? "N" : privateFlag.strip(), content, STAMP.format(now()));
    }

    /** {@code getTicketHistoryData}: the ticket's history entries, oldest first (attachments are not listed). */
    synchronized List<Map<String, String>> history(String number) throws SandboxFault {
        List<Map<String, String>> out = new ArrayList<>();
        tickets.history(tickets.find(number)).forEach(h -> out.add(new LinkedHashMap<>(h)));
        return out;
    }

    /**
     * Closes the ticket ({@code closeTicket}): situation 5, "Encerrado"; with
     * {@code idfecharrelacionados} Y also the tickets opened under it ({@code cdchamadosuperior}).
     * A ticket already closed is refused, as Qualitor refuses a step that does not exist.
     */
    synchronized Map<String, String> close(String number, String closeRelated) throws SandboxFault {
        Map<String, String> ticket = tickets.find(number);
        String related = closeRelated == null || closeRelated.isBlank() ? "N" : closeRelated.strip().toUpperCase();
        if (!related.equals("Y") && !related.equals("N")) {
            throw new SandboxFault("13", "Ws - Valor inválido para idfecharrelacionados: " + closeRelated + " (Y ou N)");
        }
        if ("5".equals(ticket.get("cdsituacao"))) {
            throw new SandboxFault("21", "Ws - This ticket have no next step.");
        }
        closeOne(ticket);
        if (related.equals("Y")) {
            for (Map<String, String> t : tickets.receivedTickets()) {
                if (number.equals(t.get("cdchamadosuperior")) && !"5".equals(t.get("cdsituacao"))) {
                    closeOne(t);
                }
            }
        }
        return new LinkedHashMap<>(ticket);
    }

    private static void closeOne(Map<String, String> ticket) {
        ticket.put("cdsituacao", "5");
        ticket.put("nmsituacao", "Encerrado");
        ticket.put("dtfechamento", STAMP.format(now()));
    }

    /** Moves a demand to another situation (what Qualitor's own users do; driven by the controls). */
    public synchronized void situation(String number, String code, String name) throws SandboxFault {
        Map<String, String> ticket = tickets.find(number);
        ticket.put("cdsituacao", code);
        ticket.put("nmsituacao", name);
    }

    /**
     * The files attached to a ticket (for tests and demos; Qualitor's API lists none): cdanexo,
     * nmanexo, idprivado, nrtamanho, dtanexo, nmusuario, the content in Base64 ({@code dsconteudo})
     * and as UTF-8 text ({@code texto}).
     */
    public synchronized List<Map<String, String>> attachmentsOf(String number) {
        return tickets.attachmentsOf(number);
    }

    /** All tickets, oldest first, for the sandbox's own inspection page and for tests (with how many files each has: qtanexos). */
    public synchronized List<Map<String, String>> allTickets() {
        return tickets.copies();
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
