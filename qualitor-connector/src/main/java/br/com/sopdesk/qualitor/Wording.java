package br.com.sopdesk.qualitor;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the connector tells a person (why Qualitor refused, what to check), kept as a key of
 * {@code br/com/sopdesk/connector/ConnectorMessages} and its values until the application knows the
 * reader's language: the application renders it as its own text in pt-BR or English; the exception's
 * message is the pt-BR rendering, for the log. Values are text or another {@code Wording}.
 */
public record Wording(String key, List<Object> args) {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    public Wording {
        if (key == null || !key.startsWith("connector.")) {
            throw new IllegalArgumentException("a connector wording's key starts with connector.: " + key);
        }
        args = args.stream().map(a -> a == null ? "" : a instanceof Wording ? a : (Object) String.valueOf(a)).toList();
    }

    public static Wording of(String key, Object... args) {
        return new Wording(key, Arrays.asList(args));
    }

    /** Rendered in pt-BR, or in English when {@code locale} is English. */
    public String in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        Object[] values = args.stream().map(a -> a instanceof Wording w ? w.in(locale) : a).toArray();
        ResourceBundle bundle = ResourceBundle.getBundle("br.com.sopdesk.connector.ConnectorMessages",
                english ? Locale.ROOT : Locale.forLanguageTag("pt"), Wording.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), english ? Locale.ENGLISH : PT_BR).format(values);
    }

    /** The pt-BR sentence (exception messages, the log). */
    @Override
    public String toString() {
        return in(PT_BR);
    }
}
