package br.com.sopdesk.sop.entity;

import br.com.sopdesk.validation.BrazilianDocuments;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Checks the values of a SOP's own fields against their rules, with the same message catalogue as
 * the intake constraints ({@code ValidationMessages}), so the page and the API say the same thing.
 * Errors are keyed {@code fields.<name>}.
 */
public final class FieldRules {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FieldRules() {
    }

    /** The problems of the values asked for, by the product's {@code today} (a date may not lie after it). */
    public static Map<String, String> errors(List<FieldSpec> fields, Map<String, String> values, LocalDate today, Locale locale) {
        ResourceBundle messages = ResourceBundle.getBundle("ValidationMessages", locale, FieldRules.class.getClassLoader());
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldSpec f : fields) {
            String value = values.get(f.name()) == null ? "" : values.get(f.name()).strip();
            String problem = null;
            if (value.isEmpty()) {
                problem = f.required() ? "sopdesk.field.required" : null;
            } else if (value.length() > 500) {
                problem = "sopdesk.field.size";
            } else if (!br.com.sopdesk.validation.PlainText.Validator.deliverable(value)) {
                problem = "sopdesk.field.undeliverable";
            } else if (!valid(f.type(), value, today)) {
                problem = "sopdesk.field." + f.type().name().toLowerCase(Locale.ROOT);
            }
            if (problem != null) {
                errors.put("fields." + f.name(), MessageFormat.format(messages.getString(problem), f.label()));
            }
        }
        return errors;
    }

    static boolean valid(FieldSpec.Type type, String value, LocalDate today) {
        return switch (type) {
            case TEXT -> true;
            case DIGITS -> value.matches("\\d+");
            case DATE -> date(value) != null && !date(value).isAfter(today);
            case CPF -> BrazilianDocuments.isCpf(value);
            case CNPJ -> BrazilianDocuments.isCnpj(value);
            case CPF_OR_CNPJ -> BrazilianDocuments.isCpfOrCnpj(value);
            case PHONE -> BrazilianDocuments.isPhone(value);
            case EMAIL -> value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
            case CEI -> value.replaceAll("[.\\-/\\s]", "").matches("\\d{12}") && !value.replaceAll("\\D", "").matches("0+");
        };
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
