package br.com.sopdesk.api;
import jakarta.json.spi.JsonProvider;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which demand Qualitor says changed, read from what its service flow's web-service call can be set
 * to send without code: a JSON body {@code {"cdchamado": "123"}} (text or whole number), a form body
 * {@code cdchamado=123}, or the query parameter {@code ?cdchamado=123}, Qualitor's own field name. One
 * demand per call; the same number given twice (body and address) is one, two different numbers are
 * refused rather than guessed between. The parameter keeps Qualitor's name on purpose: it is SOP
 * Desk's own API, named after what the Qualitor administrator has at hand; nothing here reads
 * Qualitor's wire format.
 */
final class DemandChangeNotice {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String FIELD = "cdchamado";
    /** The largest body read: a demand number needs a few bytes. */
    static final int MAX_BODY = 4096;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");

    private DemandChangeNotice() {
    }

    /** The demand, or the key of the refusal in the API's bundle. */
    record Read(String demand, String refusal) {

        static Read of(String demand) {
            return new Read(demand, null);
        }

        static Read refused(String key) {
            return new Read(null, key);
        }
    }

    /** Reads the demand from the body of {@code type} (empty when none) and the query's values of {@code cdchamado}. */
    static Read read(MediaType type, byte[] body, List<String> query) {
        List<String> values = new ArrayList<>(query == null ? List.of() : query);
        if (!new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            try {
                if (isJson(type)) {
                    values.addAll(fromJson(body));
                } else if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                    values.addAll(fromForm(new String(body, StandardCharsets.UTF_8)));
                } else if (values.isEmpty()) {
                    return Read.refused("inbound.body.unsupported");
                }
            } catch (RuntimeException e) {
                return Read.refused("inbound.body.invalid");
            }
        }
        List<String> distinct = values.stream().map(v -> v == null ? "" : v.strip()).distinct().toList();
        if (distinct.isEmpty()) {
            return Read.refused("inbound.demand.missing");
        }
        if (distinct.size() > 1) {
            return Read.refused("inbound.demand.conflict");
        }
        return NUMBER.matcher(distinct.get(0)).matches() ? Read.of(distinct.get(0)) : Read.refused("inbound.demand.invalid");
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || "text".equals(type.getType()) && "json".equals(type.getSubtype())
                || type.getSubtype().endsWith("+json"));
    }

    /** The JSON object's {@code cdchamado}, as text (a whole number as written); a value of another kind reads as invalid. */
    private static List<String> fromJson(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonObject o = reader.readObject();
            JsonValue v = o.get(FIELD);
            if (v == null) {
                return List.of();
            }
            if (v instanceof JsonString s) {
                return List.of(s.getString());
            }
            if (v instanceof JsonNumber n && n.isIntegral()) {
                return List.of(n.bigIntegerValue().toString());
            }
            return List.of("");
        }
    }

    private static List<String> fromForm(String body) {
        List<String> out = new ArrayList<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (name.strip().equals(FIELD)) {
                out.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
