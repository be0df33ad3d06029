package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Text;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.io.StringReader;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A sentence of the SLA monitor kept as a key of {@code SlaMessages} and its arguments, so the
 * database holds codes and each reader sees it in their own language and the desk's time zone.
 * Arguments are typed by a prefix (text, time, time with the zone's name, duration, alert level);
 * stored as a small JSON object. Text stored before this form (pt-BR sentences) reads back as is.
 */
public record SlaText(String key, List<String> args) implements Serializable {

    public static final Locale PT = Locale.forLanguageTag("pt-BR");
    private static final JsonProvider JSON = JsonProvider.provider();

    public SlaText {
        args = List.copyOf(args);
    }

    public static SlaText of(String key, String... args) {
        return new SlaText(key, List.of(args));
    }

    /** A sentence written before texts were stored as codes: shown as it was written. */
    public static SlaText written(String text) {
        return new SlaText(null, List.of(text(text)));
    }

    public static String text(String s) {
        return "s:" + (s == null ? "" : s);
    }

    /** A text with its own key (Qualitor's refusal, say), shown in the reader's language; at most 300 characters stored. */
    public static String wording(Text t) {
        return "x:" + t.stored(300);
    }

    /** A time shown in the desk's zone, e.g. 18/11/2025 10:00. */
    public static String time(Instant at) {
        return "t:" + at;
    }

    /** A time shown with the zone's name, e.g. 18/11/2025 10:00 (horário de Brasília). */
    public static String zoned(Instant at) {
        return "z:" + at;
    }

    public static String span(Duration d) {
        return "d:" + d;
    }

    /** An alert level ({@code AT_RISK}, {@code BREACH}, {@code REMINDER_n}) in the reader's words. */
    public static String level(String level) {
        return "l:" + level;
    }

    /** The stored form, at most {@code max} characters: the longest text arguments are cut until it fits. */
    public String encoded(int max) {
        List<String> a = new ArrayList<>(args);
        String out = encode(key, a);
        while (out.length() > max) {
            int longest = -1;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).startsWith("s:") && (longest < 0 || a.get(i).length() > a.get(longest).length())) {
                    longest = i;
                }
            }
            if (longest < 0 || a.get(longest).length() <= 3) {
                throw new IllegalArgumentException("text does not fit " + max + " characters: " + key);
            }
            String s = a.get(longest);
            a.set(longest, s.substring(0, Math.max(3, s.length() - (out.length() - max) - 1)) + "…");
            out = encode(key, a);
        }
        return out;
    }

    public String encoded() {
        return encode(key, args);
    }

    private static String encode(String key, List<String> args) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        args.forEach(a::add);
        return (key == null ? JSON.createObjectBuilder().addNull("k") : JSON.createObjectBuilder().add("k", key))
                .add("a", a).build().toString();
    }

    /** Whether a stored string is in this form rather than a sentence written before it. */
    public static boolean isEncoded(String stored) {
        return stored != null && stored.startsWith("{\"k\":");
    }

    /** Reads the stored form back; anything else is a sentence as it was written. */
    public static SlaText decode(String stored) {
        if (!isEncoded(stored)) {
            return written(stored);
        }
        try {
            return of(JSON.createReader(new StringReader(stored)).readObject());
        } catch (JsonException | ClassCastException e) {
            return written(stored);
        }
    }

    static SlaText of(JsonObject o) {
        String key = o.isNull("k") ? null : o.getString("k");
        return new SlaText(key, o.getJsonArray("a").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }

    /** The sentence in {@code locale} (English, or pt-BR for anything else), times in {@code zone}. */
    public String render(Locale locale, ZoneId zone) {
        if (key == null) {
            return args.isEmpty() ? "" : Text.read(args.get(0).substring(2)).in(locale);
        }
        ResourceBundle bundle = messages(locale);
        Object[] values = args.stream().map(a -> value(a, bundle, zone, locale)).toArray();
        return MessageFormat.format(bundle.getString(key), values);
    }

    private static String value(String arg, ResourceBundle bundle, ZoneId zone, Locale locale) {
        String v = arg.length() < 2 ? "" : arg.substring(2);
        return switch (arg.isEmpty() ? 's' : arg.charAt(0)) {
            case 't' -> time(Instant.parse(v), bundle, zone);
            case 'z' -> MessageFormat.format(bundle.getString("format.zoned"), time(Instant.parse(v), bundle, zone), zoneName(zone, bundle));
            case 'd' -> human(Duration.parse(v), bundle);
            case 'l' -> describe(v, bundle);
            case 'x' -> Text.read(v).in(locale);
            default -> v;
        };
    }

    static String time(Instant at, ResourceBundle bundle, ZoneId zone) {
        return DateTimeFormatter.ofPattern(bundle.getString("format.time")).format(at.atZone(zone));
    }

    /** The zone as people name it, e.g. "horário de Brasília" mid-sentence in pt-BR. */
    public static String zoneName(ZoneId zone, Locale locale) {
        return zoneName(zone, messages(locale));
    }

    private static String zoneName(ZoneId zone, ResourceBundle bundle) {
        String name = zone.getDisplayName(TextStyle.FULL, bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : PT);
        if (name.isEmpty()) {
            return zone.getId();
        }
        return "pt".equals(bundle.getLocale().getLanguage()) ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }

    static String human(Duration d, ResourceBundle bundle) {
        long minutes = Math.abs(d.toMinutes());
        return minutes >= 60 ? MessageFormat.format(bundle.getString("format.hours"), String.valueOf(minutes / 60), String.valueOf(minutes % 60))
                : MessageFormat.format(bundle.getString("format.minutes"), String.valueOf(minutes));
    }

    /** An alert level in the reader's words: "Em risco", "Prazo estourado", "Lembrete 2: prazo ainda estourado". */
    public static String describe(String level, Locale locale) {
        return describe(level, messages(locale));
    }

    private static String describe(String level, ResourceBundle bundle) {
        if (AlertSchedule.AT_RISK.equals(level) || AlertSchedule.BREACH.equals(level)) {
            return bundle.getString("level." + level);
        }
        return MessageFormat.format(bundle.getString("level.REMINDER"), level.substring(level.indexOf('_') + 1));
    }

    /** One text of the bundle without arguments (e.g. a timeline kind's name), or {@code fallback} when it has none. */
    public static String word(String key, Locale locale, String fallback) {
        ResourceBundle bundle = messages(locale);
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** The SLA messages in pt-BR or English, never in the JVM's default language by accident. */
    public static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle("br.com.sopdesk.sla.SlaMessages",
                locale != null && "en".equals(locale.getLanguage()) ? Locale.ROOT : Locale.forLanguageTag("pt"),
                SlaText.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
