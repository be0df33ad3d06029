package br.com.sopdesk.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.io.StringReader;
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
    private static final String STORED = "{\"text\":";
    private static final JsonProvider JSON = JsonProvider.provider();

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

    /**
     * The form kept in a column of at most {@code max} characters, for {@link #read} to render later in
     * the reader's language: a small JSON object of the key and its values; a verbatim sentence is
     * kept as it is. When it does not fit, the longest values are cut.
     */
    public String stored(int max) {
        if (VERBATIM.equals(key) && args.size() == 1 && args.get(0) instanceof String sentence) {
            return sentence.length() <= max ? sentence : sentence.substring(0, Math.max(0, max - 3)) + "...";
        }
        Text t = this;
        String out = t.json().toString();
        while (out.length() > max) {
            String longest = t.longest();
            if (longest == null || longest.length() <= 3) {
                return toString().length() <= max ? toString() : toString().substring(0, Math.max(0, max - 3)) + "...";
            }
            t = t.cut(longest, longest.substring(0, Math.max(2, longest.length() - (out.length() - max) - 1)) + "…");
            out = t.json().toString();
        }
        return out;
    }

    /** What {@link #stored} kept, as a text again; anything else (a sentence written before) is shown as it is. */
    public static Text read(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(STORED)) {
            try {
                return of(JSON.createReader(new StringReader(stored)).readObject());
            } catch (JsonException | ClassCastException | IllegalArgumentException | NullPointerException e) {
                LOG.fine(() -> "stored text not readable, shown as it is: " + e);
            }
        }
        return verbatim(stored);
    }

    private JsonObject json() {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        args.forEach(a -> {
            if (a instanceof Text t) {
                values.add(t.json());
            } else {
                values.add((String) a);
            }
        });
        return JSON.createObjectBuilder().add("text", key).add("args", values).build();
    }

    private static Text of(JsonObject o) {
        List<Object> values = o.getJsonArray("args").stream()
                .map(v -> v instanceof JsonObject j ? (Object) of(j) : ((JsonString) v).getString()).toList();
        return new Text(o.getString("text"), values);
    }

    private String longest() {
        String longest = null;
        for (Object a : args) {
            String candidate = a instanceof Text t ? t.longest() : (String) a;
            if (candidate != null && (longest == null || candidate.length() > longest.length())) {
                longest = candidate;
            }
        }
        return longest;
    }

    private Text cut(String value, String shorter) {
        boolean[] done = {false};
        return new Text(key, args.stream().map(a -> {
            if (done[0]) {
                return a;
            }
            if (a instanceof Text t) {
                Text c = t.cut(value, shorter);
                done[0] = !c.equals(t);
                return (Object) c;
            }
            if (a.equals(value)) {
                done[0] = true;
                return shorter;
            }
            return a;
        }).toList());
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
