package br.com.sopdesk.sla.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What an alert keeps to explain itself: the clock's timeline when it was raised, as text codes
 * (a JSON array), rendered line by line in the reader's language. A long timeline keeps its first
 * line (the demand's creation) and as many of the latest as fit, the rest counted as left out.
 * Explanations stored before this form (pt-BR text) are shown as written.
 */
final class Explanation {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** Room kept for the marker that counts the lines left out. */
    private static final int MARKER = 20;

    private Explanation() {
    }

    static String encode(List<Happening> story, int max) {
        List<String> lines = story.stream().sorted(Comparator.comparing(Happening::at)).map(Explanation::line).toList();
        int whole = lines.stream().mapToInt(l -> l.length() + 1).sum() + 1;
        if (whole <= max || lines.isEmpty()) {
            return "[" + String.join(",", lines) + "]";
        }
        String first = lines.get(0);
        Deque<String> tail = new ArrayDeque<>();
        int used = 2 + first.length() + MARKER;
        for (int i = lines.size() - 1; i > 0 && used + lines.get(i).length() + 1 <= max; i--) {
            tail.addFirst(lines.get(i));
            used += lines.get(i).length() + 1;
        }
        List<String> kept = new ArrayList<>();
        kept.add(first);
        kept.add(JSON.createObjectBuilder().add("omitted", lines.size() - 1 - tail.size()).build().toString());
        kept.addAll(tail);
        return "[" + String.join(",", kept) + "]";
    }

    private static String line(Happening h) {
        JsonObject text = JSON.createReader(new StringReader(h.text().encoded(SlaEvent.MAX_DETAIL))).readObject();
        return JSON.createObjectBuilder(text).add("at", h.at().toString()).add("kind", h.kind()).build().toString();
    }

    static boolean isEncoded(String stored) {
        return stored != null && stored.startsWith("[");
    }

    /** One line per event, "18/11/2025 10:00  vencido: Prazo de retorno vencido…", in {@code locale} and {@code zone}. */
    static String render(String stored, Locale locale, ZoneId zone) {
        if (!isEncoded(stored)) {
            return stored;
        }
        JsonArray lines;
        try {
            lines = JSON.createReader(new StringReader(stored)).readArray();
        } catch (JsonException e) {
            return stored;
        }
        ResourceBundle bundle = SlaText.messages(locale);
        StringBuilder out = new StringBuilder();
        for (JsonValue v : lines) {
            JsonObject o = v.asJsonObject();
            if (o.containsKey("omitted")) {
                out.append(MessageFormat.format(bundle.getString("explanation.omitted"), String.valueOf(o.getInt("omitted"))));
            } else {
                String kind = o.getString("kind");
                out.append(SlaText.time(Instant.parse(o.getString("at")), bundle, zone)).append("  ")
                        .append(bundle.containsKey("kind." + kind) ? bundle.getString("kind." + kind) : kind.toLowerCase(Locale.ROOT))
                        .append(": ").append(SlaText.of(o).render(locale, zone));
            }
            out.append('\n');
        }
        return out.toString().strip();
    }
}
