package br.com.sopdesk.qualitor;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Why Qualitor answered {@code status 0}, so the application can tell an outage on its own side
 * (its integration login refused) from a refusal a person fixes (a customer or contact missing in
 * Qualitor, data Qualitor does not accept).
 *
 * <p>Qualitor publishes no table of {@code error_code}s, so the message decides first (Portuguese or
 * English, accents ignored), then the operation that was refused ({@code getCustomer} answers
 * {@code status 0} for an unknown CNPJ/CPF), and last the codes our sandbox uses (1 credentials,
 * 12/13 invalid data, 20 not found).
 */
public enum RefusalKind {
    /** SOP Desk's integration user, password or permission: nothing was done; retry once it is fixed. */
    CREDENTIALS,
    /** The CNPJ/CPF is not a customer in Qualitor. */
    CUSTOMER_NOT_FOUND,
    /** The e-mail is not a contact of the customer in Qualitor. */
    CONTACT_NOT_FOUND,
    /** Qualitor refused the data sent (a mandatory field missing, a code it does not know). */
    INVALID_DATA,
    /** Any other refusal. */
    OTHER;

    /** Classifies one {@code status 0} answer (or SOAP {@code Client} fault) of {@code operation}. */
    public static RefusalKind classify(String operation, String errorCode, String message) {
        String m = plain(message);
        String code = errorCode == null ? "" : errorCode.strip();
        if (about(m, "usuario ou senha", "senha invalida", "senha incorreta", "login invalido", "falha no login", "falha de login",
                "falha na autenticacao", "nao autenticado", "autenticacao", "permissao", "sem acesso", "acesso negado",
                "nao autorizado", "invalid password", "wrong password", "invalid user", "invalid login", "login failed",
                "unauthorized", "not authorized", "access denied", "permission", "token", "sessao", "session", "not logged",
                "nao logado") || "login".equals(operation) || (code.equals("1") && m.isEmpty())) {
            return CREDENTIALS;
        }
        boolean notFound = about(m, "nao encontrad", "nao localizad", "nao cadastrad", "inexistente", "not found", "does not exist",
                "unknown customer", "unknown contact");
        if ("getCustomer".equals(operation) && (notFound || !about(m, "obrigatori", "invalid"))) {
            return CUSTOMER_NOT_FOUND;
        }
        if ("getCustomerContact".equals(operation) && (notFound || !about(m, "obrigatori", "invalid") || about(m, "contato", "contact"))) {
            return about(m, "cliente", "customer") && !about(m, "contato", "contact") ? CUSTOMER_NOT_FOUND : CONTACT_NOT_FOUND;
        }
        if (notFound && about(m, "contato", "contact")) {
            return CONTACT_NOT_FOUND;
        }
        if (notFound && about(m, "cliente", "customer")) {
            return CUSTOMER_NOT_FOUND;
        }
        if (about(m, "obrigatori", "nao informad", "invalid", "required", "mandatory", "formato", "nao permitid", "not allowed")
                || code.equals("12") || code.equals("13")) {
            return INVALID_DATA;
        }
        if (code.equals("1")) {
            return CREDENTIALS;
        }
        return OTHER;
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
