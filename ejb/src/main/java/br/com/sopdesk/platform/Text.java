package br.com.sopdesk.platform;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * A sentence for a person, kept as a bundle key and its values until the boundary knows the
 * reader's language: services and entities refuse with a {@code Text}, the page or the API renders
 * it with {@link #in(Locale)} (pt-BR unless English was chosen).
 *
 * <p>The key's first part names the feature, whose bundle holds it: {@code ticket.category.inactive}
 * lives in {@code br/com/sopdesk/ticket/TicketMessages.properties} (English) and
 * {@code TicketMessages_pt.properties} (pt-BR). Every entry is a {@link MessageFormat} pattern, so an
 * apostrophe is written twice. Values are kept as text (a ticket number never gains a thousands
 * separator) or as another {@code Text}, rendered in the same language.
 */
public record Text(String key, List<Object> args) implements Serializable {

    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final Logger LOG = Logger.getLogger(Text.class.getName());
    private static final String VERBATIM = "platform.verbatim";

    public Text {
        if (key == null || key.indexOf('.') < 1) {
            throw new IllegalArgumentException("a text's key starts with its feature: " + key);
        }
        args = args.stream().map(a -> a == null ? "" : a instanceof Text ? a : (Object) String.valueOf(a)).toList();
    }

    public static Text of(String key, Object... args) {
        return new Text(key, java.util.Arrays.asList(args));
    }

    /**
     * A sentence that is already in the reader's language or is not ours to translate (what Qualitor
     * answered, a SOP's own wording, a message Bean Validation rendered for the request).
     */
    public static Text verbatim(String sentence) {
        return of(VERBATIM, sentence);
    }

    /** Rendered in pt-BR, or in English when {@code locale} is English. */
    public String in(Locale locale) {
        Locale language = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : PT_BR;
        Object[] values = args.stream().map(a -> a instanceof Text t ? t.in(language) : a).toArray();
        try {
            return new MessageFormat(bundle(key, language).getString(key), language).format(values);
        } catch (MissingResourceException e) {
            LOG.warning(() -> "Texto sem entrada no catálogo: " + key);
            return values.length == 0 ? key : key + " " + List.of(values);
        }
    }

    /** The pt-BR sentence (server logs, exception messages). */
    @Override
    public String toString() {
        return in(PT_BR);
    }

    /** The feature's bundle in pt-BR or English, never in the JVM's default language by accident. */
    static ResourceBundle bundle(String key, Locale language) {
        String feature = key.substring(0, key.indexOf('.'));
        String name = "br.com.sopdesk." + feature + "." + Character.toUpperCase(feature.charAt(0)) + feature.substring(1) + "Messages";
        return ResourceBundle.getBundle(name, "en".equals(language.getLanguage()) ? Locale.ROOT : Locale.forLanguageTag("pt"),
                Text.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
