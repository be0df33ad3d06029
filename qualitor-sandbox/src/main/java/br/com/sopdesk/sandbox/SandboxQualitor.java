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
 * default, so a demo accepts any valid CNPJ); tests can switch that off.
 *
 * <p>One instance per deployment, guarded by its own monitor: the sandbox is a test double, its
 * throughput is not the subject.
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
    private volatile boolean autoRegister = true;

    public SandboxQualitor() {
        reset();
    }

    /** Back to the initial data: two known customers and no tickets. */
    public synchronized void reset() {
        customersByDocument.clear();
        contacts.clear();
        tickets.clear();
        histories.clear();
        autoRegister = true;
        register("11222333000181", "Padaria Pão Quente Ltda");
        register("12ABC34501DE35", "Comércio Alfanumérico S.A.");
    }

    public void autoRegister(boolean on) {
        this.autoRegister = on;
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

    synchronized Map<String, String> contact(String customer, String email, String name) throws SandboxFault {
        requireCustomerCode(customer);
        if (email == null || email.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: dsemail");
        }
        String key = customer + "|" + email.toLowerCase();
        return contacts.computeIfAbsent(key, k -> {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("cdcontato", String.valueOf(contactCodes.incrementAndGet()));
            c.put("cdcliente", customer);
            c.put("nmcontato", name == null ? email : name);
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
        return ticket;
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

    /** A demand's history entries, oldest first. */
    synchronized List<Map<String, String>> history(String number) throws SandboxFault {
        if (!tickets.containsKey(number)) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        return histories.get(number).stream().map(e -> (Map<String, String>) new LinkedHashMap<>(e)).toList();
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

    /** All tickets, oldest first, for the sandbox's own inspection page and for tests. */
    public synchronized List<Map<String, String>> allTickets() {
        return tickets.values().stream().map(t -> (Map<String, String>) new LinkedHashMap<>(t)).toList();
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
