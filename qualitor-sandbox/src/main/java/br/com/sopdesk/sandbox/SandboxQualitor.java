package br.com.sopdesk.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * submission key an installation gives back.
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
    private final Map<String, byte[]> fileContents = new java.util.HashMap<>();
    private final AtomicLong attachmentCodes = new AtomicLong();
    /** Submission keys ({@code dspalavrachave}) of the tickets no longer kept whole, oldest first. */
    private final List<String> forgottenKeys = new ArrayList<>();
    private final int kept;
    private volatile boolean autoRegister = true;
    private volatile boolean autoContacts = true;
    private volatile KeywordField keywordField = KeywordField.LISTED;

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

    /** Back to the initial data: two known customers and no tickets. */
    public synchronized void reset() {
        customersByDocument.clear();
        contacts.clear();
        tickets.clear();
        histories.clear();
        attachments.clear();
        fileContents.clear();
        forgottenKeys.clear();
        autoRegister = true;
        autoContacts = true;
        keywordField = KeywordField.LISTED;
        register("11222333000181", "Padaria Pão Quente Ltda");
        register("12ABC34501DE35", "Comércio Alfanumérico S.A.");
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
        ticket.putAll(additional);
        ticket.put("cdchamado", number);
        ticket.put("cdsituacao", "1");
        ticket.put("nmsituacao", "Aguardando atendimento");
        ticket.put("dtchamado", STAMP.format(now));
        ticket.put("dtprevisaoresposta", STAMP.format(now.plusHours(24)));
        tickets.put(number, ticket);
        histories.put(number, new ArrayList<>());
        attachments.put(number, new ArrayList<>());
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
        attachments.remove(number).forEach(a -> fileContents.remove(a.get("cdarquivo")));
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

    synchronized Map<String, String> ticket(String number) throws SandboxFault {
        Map<String, String> ticket = tickets.get(number);
        if (ticket == null) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        Map<String, String> copy = new LinkedHashMap<>(ticket);
        List<Map<String, String>> history = histories.get(number);
        if (!history.isEmpty()) {
            copy.put("dsultimoacompanhamento", history.get(history.size() - 1).get("dsacompanhamento"));
        }
        return copy;
    }

    /** A customer's tickets, newest first, optionally of one situation and opened since a day (YYYY-MM-DD). */
    synchronized List<Map<String, String>> ticketsOf(String customer, String situation, String since) {
        List<Map<String, String>> found = new ArrayList<>();
        for (Map<String, String> t : tickets.values()) {
            if ((customer == null || customer.equals(t.get("cdcliente")))
                    && (situation == null || situation.equals(t.get("cdsituacao")))
                    && (since == null || t.get("dtchamado").substring(0, 10).compareTo(since) >= 0)) {
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
        Map<String, String> ticket = tickets.get(number);
        if (ticket == null) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("dsacompanhamento", text);
        entry.put("cdtipoacompanhamento", type == null ? "1" : type);
        entry.put("dtacompanhamento", STAMP.format(LocalDateTime.now(BRASILIA)));
        entry.put("nmusuario", author);
        histories.get(number).add(entry);
    }

    /**
     * Stores a file attached to the ticket ({@code addAttachment}: cdchamado, nmarquivo, dsarquivo in
     * Base64 — our assumption of the shape, see the connector). Answers the file's code. Like a real
     * Qualitor it does not refuse the same name twice: the client must not send it twice.
     */
    synchronized Map<String, String> addAttachment(String number, String name, String base64) throws SandboxFault {
        Map<String, String> ticket = tickets.get(number);
        if (ticket == null) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        if (name == null || name.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: nmarquivo");
        }
        if (base64 == null || base64.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: dsarquivo");
        }
        byte[] content;
        try {
            content = java.util.Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SandboxFault("13", "Ws - Conteúdo do arquivo inválido (base64 esperado): nmarquivo " + name);
        }
        Map<String, String> file = new LinkedHashMap<>();
        file.put("cdchamado", number);
        file.put("cdarquivo", String.valueOf(attachmentCodes.incrementAndGet()));
        file.put("nmarquivo", name);
        file.put("nrtamanho", String.valueOf(content.length));
        file.put("dtanexo", STAMP.format(LocalDateTime.now(BRASILIA)));
        file.put("nmusuario", "integracao");
        attachments.get(number).add(file);
        fileContents.put(file.get("cdarquivo"), content);
        return file;
    }

    /** The ticket's history entries, then its attachments (each with nmarquivo), oldest first ({@code getTicketHistoryData}). */
    synchronized List<Map<String, String>> history(String number) throws SandboxFault {
        if (!tickets.containsKey(number)) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        List<Map<String, String>> out = new ArrayList<>();
        histories.get(number).forEach(h -> out.add(new LinkedHashMap<>(h)));
        attachments.get(number).forEach(a -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("dsacompanhamento", "Anexo incluído: " + a.get("nmarquivo"));
            entry.put("nmarquivo", a.get("nmarquivo"));
            entry.put("dtacompanhamento", a.get("dtanexo"));
            entry.put("nmusuario", a.get("nmusuario"));
            out.add(entry);
        });
        return out;
    }

    /**
     * Closes the ticket ({@code closeTicket}): situation 5, "Encerrado"; with
     * {@code idfecharrelacionados} Y also the tickets opened under it ({@code cdchamadosuperior}).
     * A ticket already closed is refused, as Qualitor refuses a step that does not exist.
     */
    synchronized Map<String, String> close(String number, String closeRelated) throws SandboxFault {
        Map<String, String> ticket = tickets.get(number);
        if (ticket == null) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
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
        Map<String, String> ticket = tickets.get(number);
        if (ticket == null) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        ticket.put("cdsituacao", code);
        ticket.put("nmsituacao", name);
    }

    /** The files attached to a ticket, each with its text when it is UTF-8 text (for tests and demos). */
    public synchronized List<Map<String, String>> attachmentsOf(String number) {
        return attachments.getOrDefault(number, List.of()).stream().map(a -> {
            Map<String, String> copy = new LinkedHashMap<>(a);
            byte[] content = fileContents.get(a.get("cdarquivo"));
            copy.put("texto", content == null ? "" : new String(content, java.nio.charset.StandardCharsets.UTF_8));
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
