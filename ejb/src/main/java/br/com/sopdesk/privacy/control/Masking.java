package br.com.sopdesk.privacy.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LGPD masking of personal data shown in lists (related tickets, the audit trail, exports): a CPF
 * keeps its middle digits ({@code ***.456.789-**}), a phone its last four ({@code (**) *****-0000}),
 * an e-mail its first letter and domain ({@code f***@example.com}). A CNPJ identifies a company,
 * not a person, and is left alone. Full values appear only in the form the agent is filling.
 */
public final class Masking {

    private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*@([\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,})");
    private static final Pattern CPF = Pattern.compile("(?<![\\d./-])(\\d{3})\\.?(\\d{3})\\.?(\\d{3})-?(\\d{2})(?![\\d/]|[.-]\\d)");
    /** Not inside a word, a key or an identifier ({@code teste-12349501}, a UUID's digit groups). */
    private static final String PHONE_START = "(?<![\\p{L}\\p{N}*_-])";
    private static final String PHONE_END = "(?![\\p{L}\\p{N}_-])";
    private static final Pattern PHONE = Pattern.compile(PHONE_START + "(?:\\(\\d{2}\\)\\s?|\\d{2}\\s)?\\d{4,5}[-\\s]?\\d{4}" + PHONE_END
            + "|" + PHONE_START + "\\(\\d{2}\\)\\s?\\d{8,9}" + PHONE_END);

    private Masking() {
    }

    /** A CPF masked; a CNPJ (or anything that is not a CPF) as given. */
    public static String document(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        if (digits.length() != 11) {
            return value;
        }
        return "***." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-**";
    }

    public static String phone(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        return keepLastDigits(value, 4);
    }

    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (at < 1) {
            return value.isEmpty() ? value : "***";
        }
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** Free text with every e-mail, CPF and phone number in it masked; the rest unchanged. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String out = replace(EMAIL, value, m -> m.group(1) + "***@" + m.group(2));
        out = replace(CPF, out, m -> "***." + m.group(2) + "." + m.group(3) + "-**");
        return replace(PHONE, out, m -> keepLastDigits(m.group(), 4));
    }

    private static String keepLastDigits(String value, int keep) {
        int digits = (int) value.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (char c : value.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen > digits - keep ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
