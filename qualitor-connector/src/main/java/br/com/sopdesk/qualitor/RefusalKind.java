package br.com.sopdesk.qualitor;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Why Qualitor answered {@code status 0}, as far as the evidence tells, so the application can give
 * the person who acts a plain sentence (register the customer, the contact, fix a field).
 *
 * <p>Qualitor publishes no table of {@code error_code}s, so no code is ever read as a reason, and
 * nothing is read as "bad credentials" but a refused {@code login} itself: a wrong password on the
 * stateless endpoint looks like any other refusal, and is recognised by the same refusal coming back
 * for several tickets in a row (the outbox pauses then). Qualitor's own words pick the advice for
 * a customer or contact not found and for invalid data (Portuguese or English, accents ignored);
 * anything else is {@link #OTHER}, shown with Qualitor's code and words.
 */
public enum RefusalKind {
    /** SOP Desk's integration login was refused by the {@code login} operation itself (SOAP). */
    CREDENTIALS,
    /** Qualitor says the CNPJ/CPF is not one of its customers. */
    CUSTOMER_NOT_FOUND,
    /** Qualitor says the e-mail is not a contact of the customer. */
    CONTACT_NOT_FOUND,
    /** Qualitor says a field is missing or not accepted (a mandatory field, a code it does not know). */
    INVALID_DATA,
    /** A refusal Qualitor does not explain in words we can read. */
    OTHER;

    /** Classifies one {@code status 0} answer (or SOAP {@code Client} fault) of {@code operation}. */
    public static RefusalKind classify(String operation, String errorCode, String message) {
        if ("login".equals(operation)) {
            return CREDENTIALS;
        }
        String m = plain(message);
        boolean notFound = about(m, "nao encontrad", "nao localizad", "nao cadastrad", "inexistente", "not found", "does not exist",
                "unknown customer", "unknown contact", "nenhum registro", "no record");
        boolean aboutContact = about(m, "contato", "contact");
        boolean aboutCustomer = about(m, "cliente", "customer");
        if (notFound && "getCustomer".equals(operation) && !aboutContact) {
            return CUSTOMER_NOT_FOUND;
        }
        if (notFound && "getCustomerContact".equals(operation)) {
            return aboutCustomer && !aboutContact ? CUSTOMER_NOT_FOUND : CONTACT_NOT_FOUND;
        }
        if (notFound && aboutContact) {
            return CONTACT_NOT_FOUND;
        }
        if (notFound && aboutCustomer) {
            return CUSTOMER_NOT_FOUND;
        }
        if (about(m, "obrigatori", "nao informad", "required", "mandatory")
                || (about(m, "invalid", "formato", "nao permitid", "not allowed") && namesAField(m))) {
            return INVALID_DATA;
        }
        return OTHER;
    }

    /**
     * Whether the message names one of the request's fields ({@code cdcategoria}, {@code dschamado}...)
     * or a datum in words: "inválido" alone ("Usuário ou senha inválidos") says nothing about the data.
     */
    private static boolean namesAField(String m) {
        return m.matches("(?s).*\\b(cd|ds|nm|dt|id|nr|vl)[a-z]{3,}.*") || about(m, "categoria", "tipo de chamado", "localidade",
                "severidade", "titulo", "descricao", "e-mail", "email", "cpf", "cnpj", "campo", "field");
    }

    /** Lower case, without accents: Qualitor's messages come with or without them. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static boolean about(String message, String... words) {
        for (String w : words) {
            if (message.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
