package br.com.sopdesk.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's customers (by CNPJ/CPF) and their contacts (by e-mail), with Qualitor's refusals
 * of unknown ones. Unknown customers are registered on first look-up when {@code autoRegister} is
 * on (the default, so a demo accepts any valid CNPJ), unknown e-mails become contacts when
 * {@code autoContacts} is on (the default). Apart from the tickets because who may open one is a
 * register of its own, which the controls also fill.
 *
 * <p>Not thread-safe: {@link SandboxQualitor} calls it under its monitor.
 */
final class SandboxCustomers {

    private final AtomicLong customerCodes = new AtomicLong(1200);
    private final AtomicLong contactCodes = new AtomicLong(1);
    private final Map<String, Map<String, String>> byDocument = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> contacts = new LinkedHashMap<>();
    private volatile boolean autoRegister = true;
    private volatile boolean autoContacts = true;

    /** No customers, no contacts, both switches on. */
    void clear() {
        byDocument.clear();
        contacts.clear();
        autoRegister = true;
        autoContacts = true;
    }

    void autoRegister(boolean on) {
        this.autoRegister = on;
    }

    void autoContacts(boolean on) {
        this.autoContacts = on;
    }

    /** Registers a customer under its code (the reference customer's is fixed). */
    void put(String code, String document, String name) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("cdcliente", code);
        c.put("nmcliente", name);
        c.put("nrcpfcnpj", document);
        byDocument.put(document, c);
    }

    /** Registers a customer (what Qualitor's own users do); answers its record, the known one when there is one. */
    Map<String, String> register(String document, String name) {
        String doc = normalized(document);
        Map<String, String> known = byDocument.get(doc);
        return known != null ? known : added(doc, name == null || name.isBlank() ? "Cliente " + doc : name);
    }

    /** Registers a contact of a known customer by its e-mail. */
    Map<String, String> registerContact(String document, String email) throws SandboxFault {
        Map<String, String> customer = byDocument.get(normalized(document));
        if (customer == null) {
            throw new SandboxFault("20", "Ws - Cliente não encontrado: " + document);
        }
        return contactOf(customer.get("cdcliente"), email);
    }

    /** {@code getCustomer}: the customer of a CNPJ/CPF, punctuation ignored. */
    Map<String, String> customer(String document) throws SandboxFault {
        String doc = normalized(document);
        Map<String, String> customer = byDocument.get(doc);
        if (customer == null && autoRegister && (doc.length() == 14 || doc.length() == 11)) {
            customer = added(doc, "Cliente " + doc);
        }
        if (customer == null) {
            throw new SandboxFault("20", "Ws - Cliente não encontrado: " + document);
        }
        return customer;
    }

    /** {@code getCustomerContact}: the contact of the customer with that e-mail (cdcliente + dsemail). */
    Map<String, String> contact(String customer, String email) throws SandboxFault {
        requireCode(customer);
        if (email == null || email.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: dsemail");
        }
        Map<String, String> known = contacts.get(customer + "|" + email.toLowerCase());
        if (known == null && !autoContacts) {
            throw new SandboxFault("20", "Ws - Contato não encontrado: " + email);
        }
        return known != null ? known : contactOf(customer, email);
    }

    /** The customer's contact with that e-mail, created when there is none. */
    Map<String, String> contactOf(String customer, String email) {
        return contacts.computeIfAbsent(customer + "|" + email.toLowerCase(), k -> {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("cdcontato", String.valueOf(contactCodes.incrementAndGet()));
            c.put("cdcliente", customer);
            c.put("nmcontato", email);
            c.put("dsemail", email);
            return c;
        });
    }

    /** Refuses a customer code nobody registered. */
    void requireCode(String code) throws SandboxFault {
        boolean known = byDocument.values().stream().anyMatch(c -> c.get("cdcliente").equals(code));
        if (!known) {
            throw new SandboxFault("20", "Ws - Cliente não encontrado: " + code);
        }
    }

    private Map<String, String> added(String document, String name) {
        put(String.valueOf(customerCodes.incrementAndGet()), document, name);
        return byDocument.get(document);
    }

    private static String normalized(String document) {
        return document == null ? "" : document.replaceAll("[^0-9A-Za-z]", "").toUpperCase();
    }
}
