package br.com.sopdesk.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Where the server under test is (its port base, {@code it.portbase}, set by the POM) and small HTTP
 * helpers shared by the tests. The server is started once for the whole run by {@code scripts/payara.sh}
 * and the application deployed into it once by {@link OneDeployment}.
 */
final class Env {

    /** The test domain's port base: HTTP on base + 80, as {@code scripts/payara.sh} creates it. */
    static final int PORTBASE = Integer.getInteger("it.portbase", 18000);
    static final String APP = "http://localhost:" + (PORTBASE + 80) + "/sopdesk/";
    static final String SANDBOX = "http://localhost:" + (PORTBASE + 80) + "/qualitor-sandbox/";
    static final String HEALTH = "http://localhost:" + (PORTBASE + 80) + "/health/";
    /** Payara's HTTPS listener (base + 81, the domain's self-signed certificate), for the framed tests. */
    static final int HTTPS_PORT = PORTBASE + 81;
    /** The SMTP server the tests start, where the domain's mail session sends (base + 25). */
    static final int SMTP_PORT = PORTBASE + 25;

    /** Demo users (demo profile only), as documented in the README. */
    static final String AGENT = "agent";
    static final String AGENT_PASSWORD = "agent-demo";

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-demo";

    /**
     * HTTP/1.1, as a browser or Qualitor speaks to a plain-text address: the JDK's default would upgrade
     * to cleartext HTTP/2 (h2c), a path no real client takes, where Grizzly closing a pooled connection
     * surfaced as {@code EOF reached while reading} on the next request.
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Env() {
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    /** A call to the REST API as {@code user}, with a JSON body or none, answering pt-BR unless {@code language} says otherwise. */
    static HttpResponse<String> api(String method, String path, String user, String password, String json, String language,
                                    String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(APP + "api/" + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> agentApi(String method, String path, String json, String... headers) throws IOException, InterruptedException {
        return api(method, path, AGENT, AGENT_PASSWORD, json, null, headers);
    }

    static HttpResponse<String> adminApi(String method, String path, String json) throws IOException, InterruptedException {
        return api(method, path, ADMIN, ADMIN_PASSWORD, json, null);
    }

    /** The value of a top-level string or number field in a flat JSON answer (enough for these tests). */
    static String field(String json, String name) {
        // the string's loop unrolled (runs of plain characters, then one escape): a long value does not recurse per character
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|[-0-9.]+|true|false|null)").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** The sandbox's received tickets, as its control endpoint lists them (JSON text). */
    static String sandboxTickets() throws IOException, InterruptedException {
        return get(SANDBOX + "control/tickets").body();
    }

    /** A sandbox control call ({@code POST control/<path>}), which must succeed. */
    static void sandboxControl(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = post(SANDBOX + "control/" + pathAndQuery, "application/x-www-form-urlencoded", new byte[0]);
        if (r.statusCode() != 200) {
            throw new AssertionError("sandbox control " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** A valid CNPJ no one has used: 8 random digits, branch 0001, and its check digits. */
    static String freshCnpj() {
        String base = String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)) + "0001";
        int[] w1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int[] w2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (base.charAt(i) - '0') * w1[i];
        }
        int d1 = sum % 11 < 2 ? 0 : 11 - sum % 11;
        String with = base + d1;
        sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (with.charAt(i) - '0') * w2[i];
        }
        return with + (sum % 11 < 2 ? 0 : 11 - sum % 11);
    }

    /**
     * How many of the sandbox's tickets carry {@code text} in one of their fields: a test tells its
     * own demands apart by a text of its own, since the outbox may send other tests' tickets meanwhile.
     */
    static long sandboxTicketsWith(String text) throws IOException, InterruptedException {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(sandboxTickets()))) {
            return reader.readArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(t -> t.values().stream().anyMatch(v -> v instanceof jakarta.json.JsonString js && js.getString().contains(text)))
                    .count();
        }
    }
}
