package br.com.sopdesk.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the customer's personal data (LGPD) in text bound for the server log: e-mail addresses,
 * CPF and CNPJ numbers (formatted or not, CNPJ also alphanumeric) and Brazilian phone numbers.
 * Every log statement of ours that may carry text from a customer, from Qualitor or from an
 * exception passes it through {@link #mask(String)} or {@link #mask(Throwable)}.
 *
 * <p>A masked value keeps its shape and its last two characters ({@code ***.***.***-35},
 * {@code (**) *****-**00}, {@code t***@***.com.br}), enough to tell two log lines apart and
 * nothing to identify the person. When in doubt the pattern masks: a number that only looks like a
 * phone is masked too.
 */
public final class PersonalData {

    private static final String EDGE_BEFORE = "(?<![\\p{Alnum}@._%+-])";
    private static final String EDGE_AFTER = "(?![\\p{Alnum}])";
    private static final Pattern EMAIL = Pattern.compile(
            "([\\p{Alnum}._%+-])[\\p{Alnum}._%+-]*@[\\p{Alnum}-]+(?:\\.[\\p{Alnum}-]+)*?((?:\\.[\\p{Alpha}]{2,})+)" + EDGE_AFTER);
    /** CNPJ: 12 characters (digits or capital letters since 2026) and two check digits, with or without punctuation. */
    private static final Pattern CNPJ = Pattern.compile(EDGE_BEFORE
            + "[0-9A-Z]{2}\\.?[0-9A-Z]{3}\\.?[0-9A-Z]{3}/?[0-9A-Z]{4}-?[0-9]{2}" + EDGE_AFTER);
    private static final Pattern CPF = Pattern.compile(EDGE_BEFORE + "[0-9]{3}\\.?[0-9]{3}\\.?[0-9]{3}-?[0-9]{2}" + EDGE_AFTER);
    /** Phones: optional +55, optional area code (in parentheses or not), 8 or 9 digits with an optional dash or space. */
    private static final Pattern PHONE = Pattern.compile(EDGE_BEFORE
            + "(?:\\+?55[ ]?)?(?:\\([0-9]{2}\\)[ ]?|[0-9]{2}[ ]?)?9?[0-9]{4}[- ]?[0-9]{4}" + EDGE_AFTER);

    private PersonalData() {
    }

    /** The text with every e-mail, CPF, CNPJ and phone number masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@***" + m.group(2)));
        masked = CNPJ.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(keepLastTwo(m.group())));
        masked = CPF.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(keepLastTwo(m.group())));
        return PHONE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(keepLastTwo(m.group())));
    }

    /**
     * An exception to log in place of {@code error}: same type name, stack trace and causes, with
     * every message masked. The original is left as it was.
     */
    public static Throwable mask(Throwable error) {
        return error == null ? null : masked(error, 0);
    }

    private static Throwable masked(Throwable error, int depth) {
        String message = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + mask(error.getMessage()));
        Throwable cause = error.getCause() == null || error.getCause() == error || depth >= 20 ? null : masked(error.getCause(), depth + 1);
        Masked copy = new Masked(message, cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Letters and digits become {@code *} except the last two; punctuation stays. */
    private static String keepLastTwo(String value) {
        StringBuilder out = new StringBuilder(value);
        int keep = 2;
        for (int i = out.length() - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(out.charAt(i))) {
                if (keep > 0) {
                    keep--;
                } else {
                    out.setCharAt(i, '*');
                }
            }
        }
        return out.toString();
    }

    /** Carries a masked message; its {@code toString} is the message, which already names the original type. */
    static final class Masked extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Masked(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
