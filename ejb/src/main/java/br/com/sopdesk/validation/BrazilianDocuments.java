package br.com.sopdesk.validation;

/**
 * Check-digit rules for CNPJ (numeric and the alphanumeric format in force since July 2026) and
 * CPF, and phone numbers with area code. Pure functions so the page, the REST API and the
 * certificate reader all agree.
 */
public final class BrazilianDocuments {

    private static final int[] CNPJ_WEIGHTS_1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] CNPJ_WEIGHTS_2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    private BrazilianDocuments() {
    }

    /** Strips the usual punctuation (dots, slash, dash, spaces) and upper-cases letters. */
    public static String normalize(String document) {
        return document == null ? "" : document.replaceAll("[.\\-/\\s]", "").toUpperCase();
    }

    /**
     * A CNPJ: 12 characters A–Z or 0–9 then 2 numeric check digits; each character counts as its
     * ASCII code minus 48, weights 5..2,9..2 and 6..2,9..2, remainder below 2 gives 0.
     */
    public static boolean isCnpj(String value) {
        String cnpj = normalize(value);
        if (!cnpj.matches("[0-9A-Z]{12}[0-9]{2}") || allSame(cnpj)) {
            return false;
        }
        int first = cnpjDigit(cnpj, CNPJ_WEIGHTS_1);
        int second = cnpjDigit(cnpj, CNPJ_WEIGHTS_2);
        return cnpj.charAt(12) - '0' == first && cnpj.charAt(13) - '0' == second;
    }

    private static int cnpjDigit(String cnpj, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (cnpj.charAt(i) - '0') * weights[i];
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    /** A CPF: 11 digits with the two classic mod-11 check digits; all-equal sequences refused. */
    public static boolean isCpf(String value) {
        String cpf = normalize(value);
        if (!cpf.matches("[0-9]{11}") || allSame(cpf)) {
            return false;
        }
        for (int digit = 9; digit <= 10; digit++) {
            int sum = 0;
            for (int i = 0; i < digit; i++) {
                sum += (cpf.charAt(i) - '0') * (digit + 1 - i);
            }
            int check = (sum * 10) % 11 % 10;
            if (check != cpf.charAt(digit) - '0') {
                return false;
            }
        }
        return true;
    }

    /** A CPF (11 characters once normalized) or a CNPJ (14). */
    public static boolean isCpfOrCnpj(String value) {
        String doc = normalize(value);
        return doc.length() == 11 ? isCpf(doc) : isCnpj(doc);
    }

    /** Digits of a phone number, without punctuation or the country code 55. */
    public static String phoneDigits(String value) {
        String digits = value == null ? "" : value.replaceAll("[^0-9]", "");
        if (digits.length() >= 12 && digits.startsWith("55") && (value.strip().startsWith("+") || digits.length() > 11)) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("0") && digits.length() > 10) {
            digits = digits.substring(1); // long-distance prefix 0XX
        }
        return digits;
    }

    /**
     * A Brazilian phone with area code: a valid DDD (11–99, no zero digit) and 8 digits for a
     * landline (starting 2–5) or 9 digits for a mobile (starting 9).
     */
    public static boolean isPhone(String value) {
        String digits = phoneDigits(value);
        if (digits.length() != 10 && digits.length() != 11) {
            return false;
        }
        if (digits.charAt(0) == '0' || digits.charAt(1) == '0') {
            return false;
        }
        char first = digits.charAt(2);
        return digits.length() == 11 ? first == '9' : first >= '2' && first <= '5';
    }

    /** Formats a CNPJ or CPF with its usual punctuation, for display. */
    public static String format(String document) {
        String d = normalize(document);
        if (d.length() == 14) {
            return d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5, 8) + "/" + d.substring(8, 12) + "-" + d.substring(12);
        }
        if (d.length() == 11) {
            return d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
        }
        return d;
    }

    private static boolean allSame(String s) {
        return s.chars().allMatch(c -> c == s.charAt(0));
    }
}
