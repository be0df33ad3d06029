package br.com.sopdesk.qualitor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Qualitor's codes for a customer's CNPJ/CPF ({@code getCustomer}) and for a contact's e-mail
 * ({@code getCustomerContact}), looked up once per client: they never change for a document or an
 * e-mail, and every ticket needs both. Apart from the client so the look-ups, their cache and the
 * refusals that name what is missing live together.
 *
 * <p>Thread-safe.
 */
final class CustomerCodes {

    private static final int MAX_CACHED_CODES = 50_000;

    private final Exchange exchange;
    private final QualitorSettings settings;
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    CustomerCodes(Exchange exchange, QualitorSettings settings) {
        this.exchange = exchange;
        this.settings = settings;
    }

    /** The customer code of a CNPJ/CPF; one Qualitor does not know is a refusal that names it. */
    String customer(String document) {
        return cached("cliente|" + document, () -> {
            try {
                return Answers.required(exchange.call("WSGeneral", "getCustomer", new WsRequest().data("nrcpfcnpj", document)).single(),
                        "cdcliente");
            } catch (QualitorException.Refused e) {
                if (e.kind() == RefusalKind.CUSTOMER_NOT_FOUND) {
                    throw e.advising(Wording.of("connector.refused.customer-named", documentShown(document)));
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
    String contact(String customer, String email) {
        String cacheKey = "contato|" + customer + "|" + (email == null ? "" : email.toLowerCase(Locale.ROOT));
        String known = codes.get(cacheKey);
        if (known != null) {
            return known;
        }
        QualitorException.Refused notFound;
        try {
            List<Map<String, String>> items = exchange.call("WSGeneral", "getCustomerContact", new WsRequest()
                    .data("cdcliente", customer)
                    .data("dsemail", email)).items();
            String code = items.isEmpty() ? null : items.get(0).get("cdcontato");
            if (code != null && !code.isBlank()) {
                return cached(cacheKey, () -> code);
            }
            notFound = new QualitorException.Refused(RefusalKind.CONTACT_NOT_FOUND, "", "getCustomerContact: no cdcontato", null);
        } catch (QualitorException.Refused e) {
            if (e.kind() != RefusalKind.CONTACT_NOT_FOUND) {
                throw e;
            }
            notFound = e;
        }
        if (settings.defaultContact() != null) {
            return settings.defaultContact();
        }
        throw notFound.advising(Wording.of("connector.refused.contact-named", email));
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

    private String cached(String key, Supplier<String> lookup) {
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
}
