package br.com.sopdesk.sandbox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP exchange without a container: what the endpoints read and answer, so the same protocol
 * code runs behind the servlets (WAR) and behind the JDK's HTTP server ({@link StandaloneSandbox}).
 * Parameters are percent-decoded to bytes, as PHP does, so each caller decides their charset.
 */
final class Wire {

    private Wire() {
    }

    /**
     * One request: {@code path} relative to the application root ({@code /ws/statelessws.php}),
     * {@code query} raw (still percent-encoded, may be null), header names case-insensitive, and
     * {@code base} the absolute application root ({@code http://host:port/qualitor-sandbox}).
     */
    record Request(String method, String path, String query, String contentType, Map<String, List<String>> headers,
                   byte[] body, String base) {

        Request {
            Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                headers.forEach((k, v) -> {
                    if (k != null) {
                        h.put(k, List.copyOf(v));
                    }
                });
            }
            headers = Collections.unmodifiableMap(h);
            body = body == null ? new byte[0] : body;
        }

        /** The first value of a header, or null. */
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * One answer. {@code cut}: announce more bytes than are sent and drop the connection after the
     * first few (the {@link Faults.Kind#RESET} fault).
     */
    record Response(int status, String contentType, Map<String, String> headers, byte[] body, boolean cut) {

        static Response xml(int status, String xml) {
            return new Response(status, "text/xml; charset=ISO-8859-1", Map.of(), xml.getBytes(StandardCharsets.ISO_8859_1), false);
        }

        static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=UTF-8", Map.of(), text.getBytes(StandardCharsets.UTF_8), false);
        }

        Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, contentType, h, body, cut);
        }

        Response cutOff() {
            return new Response(status, contentType, headers, body, true);
        }

        /** How many bytes a cut answer sends before the connection drops. */
        int cutAfter() {
            return Math.min(40, body.length);
        }
    }

    /**
     * Adds the {@code a=b&c=d} pairs of {@code encoded} (a query string or a form body) to
     * {@code into}, percent-decoded to bytes ({@code +} is a space; a malformed escape stays as it
     * is, as in PHP). A later pair of the same name replaces an earlier one.
     */
    static void decodeForm(byte[] encoded, Map<String, byte[]> into) {
        if (encoded == null) {
            return;
        }
        int start = 0;
        for (int i = 0; i <= encoded.length; i++) {
            if (i == encoded.length || encoded[i] == '&') {
                if (i > start) {
                    int eq = start;
                    while (eq < i && encoded[eq] != '=') {
                        eq++;
                    }
                    String name = new String(percentDecode(encoded, start, eq), StandardCharsets.UTF_8);
                    byte[] value = eq < i ? percentDecode(encoded, eq + 1, i) : new byte[0];
                    if (!name.isEmpty()) {
                        into.put(name, value);
                    }
                }
                start = i + 1;
            }
        }
    }

    static Map<String, byte[]> decodeForm(String encoded) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        decodeForm(encoded == null ? null : encoded.getBytes(StandardCharsets.ISO_8859_1), out);
        return out;
    }

    private static byte[] percentDecode(byte[] src, int from, int to) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = src[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && hex(src, i + 1, to) >= 0 && hex(src, i + 2, to) >= 0) {
                out.write(hex(src, i + 1, to) * 16 + hex(src, i + 2, to));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte[] src, int i, int to) {
        return i < to ? Character.digit(src[i], 16) : -1;
    }

    /** The {@code charset} parameter of a Content-Type, or {@code fallback} when absent or unknown. */
    static Charset charsetOf(String contentType, Charset fallback) {
        if (contentType == null) {
            return fallback;
        }
        for (String p : contentType.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(kv[1].strip().replace("\"", ""));
                } catch (RuntimeException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    /** Whether the Content-Type is {@code application/x-www-form-urlencoded} (any parameters). */
    static boolean isForm(String contentType) {
        return contentType != null && contentType.split(";")[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    /** The value of cookie {@code name} in a Cookie header, or null. */
    static String cookie(List<String> cookieHeaders, String name) {
        if (cookieHeaders == null) {
            return null;
        }
        List<String> found = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String c : header.split(";")) {
                String[] kv = c.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    found.add(kv[1].strip());
                }
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
