package br.com.sopdesk.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that can travel to Qualitor and be read there. Qualitor's XML layer refuses, forever, a
 * ticket with a lone surrogate, a noncharacter such as U+FFFE or a control XML 1.0 cannot carry, so
 * such text is refused at intake instead of accepted and never delivered. With {@code visible}, text
 * made only of invisible characters (spaces, NBSP, zero-width and other format characters) counts as
 * empty; with {@code noBidi}, direction controls (U+202E...) that make an address read other than it
 * is are refused. Null passes; pair with {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {
    String message() default "{sopdesk.text.undeliverable}";

    /** Refuse text with nothing visible in it. */
    boolean visible() default false;

    /** Refuse bidirectional controls. */
    boolean noBidi() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What is wrong with a short name or reason typed by an administrator (see {@link Validator#fault}). */
    enum Fault { EMPTY, TOO_LONG, CHARACTER }

    class Validator implements ConstraintValidator<PlainText, String> {
        private boolean visible;
        private boolean noBidi;

        @Override
        public void initialize(PlainText annotation) {
            visible = annotation.visible();
            noBidi = annotation.noBidi();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String template = value == null ? null
                    : !deliverable(value) ? "{sopdesk.text.undeliverable}"
                    : noBidi && hasBidiControl(value) ? "{sopdesk.text.bidi}"
                    : visible && !value.isBlank() && !hasVisible(value) ? "{sopdesk.text.invisible}"
                    : null;
            if (template == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
            return false;
        }

        /**
         * The one rule for a short required text (a name, a team, a reason), already stripped: nothing
         * visible, longer than {@code max}, or a character Qualitor cannot carry or a direction control;
         * null when it is fine. Each caller words the refusal for its own field.
         */
        public static Fault fault(String stripped, int max) {
            if (stripped == null || stripped.isEmpty() || !hasVisible(stripped)) {
                return Fault.EMPTY;
            }
            if (stripped.length() > max) {
                return Fault.TOO_LONG;
            }
            return deliverable(stripped) && !hasBidiControl(stripped) ? null : Fault.CHARACTER;
        }

        /** Whether every character is one XML 1.0 carries and none is a lone surrogate or a noncharacter (U+FFFE, U+FDD0...). */
        public static boolean deliverable(String s) {
            for (int i = 0; i < s.length(); ) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return false;
                    }
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
                int cp = s.codePointAt(i);
                boolean xmlChar = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                        || cp >= 0x10000;
                boolean nonCharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
                if (!xmlChar || nonCharacter) {
                    return false;
                }
                i += Character.charCount(cp);
            }
            return true;
        }

        /** Whether something in it shows: not only white space, format characters (zero-width...), controls or lone combining marks. */
        public static boolean hasVisible(String s) {
            return s.codePoints().anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !invisible(cp));
        }

        private static boolean invisible(int cp) {
            int type = Character.getType(cp);
            return type == Character.FORMAT || type == Character.CONTROL || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800
                    || cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F);
        }

        /** Left-to-right and right-to-left marks, embeddings, overrides and isolates. */
        public static boolean hasBidiControl(String s) {
            return s.chars().anyMatch(c -> c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
        }
    }
}
