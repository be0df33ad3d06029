package br.com.sopdesk.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile input against every REST endpoint and every page form (issue 16's "Done when"):
 * JSON bodies of the wrong shape and type, with text Qualitor cannot carry, huge or deeply nested
 * values, trailing garbage, two documents, numbers past {@code int} and {@code long}; odd headers;
 * percent-encoded junk, {@code ;jsessionid=}, {@code ..} and very long ids in paths and queries;
 * page posts with generated field values and missing or garbled view states and nonces. Whatever
 * comes in, no answer is a 5xx, every API error is JSON with a {@code message}, and no answer names
 * Java code (a package, a class, an exception, a stack frame).
 *
 * <p>The H2 pass only (it-tests-pg leaves it out). Bounded: each property has a fixed number of
 * tries, and the class takes about a minute. Data it creates is its own (a user, a category, a
 * policy, tickets of a customer of its own, all with unique names); it never touches the demo
 * users, the seeded SOPs or the Qualitor settings. The seed is fixed, so every build sends the
 * same generated cases and a failure is reproducible; change it to explore others.
 */
class HostilePropertiesIT {

    // ---------------------------------------------------------------- what an answer must not show

    /** Names of code, wherever they appear. */
    private static final List<String> MARKERS = List.of("java.", "javax.", "jakarta.", "org.", "com.sun.", "fish.payara", "br.com.sopdesk",
            "Exception", "No enum constant", "Expected tokens", "\tat ", "CURLY", "START_OBJECT");
    /** A fully qualified class name ({@code a.b.Some}) and a stack frame ({@code at a.B.m(B.java:12)}). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*+(?:\\.[a-z][a-z0-9_]*+){1,12}\\.[A-Z][A-Za-z0-9_]*+(?:\\$\\w+)?\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");
    /** What Faces legitimately writes into every page: its request parameter names. */
    private static final Pattern FACES_NAMES = Pattern.compile("jakarta\\.faces\\.(?:ViewState|ClientWindow|RenderKitId|resource|Resource|source|partial\\.[a-z]+|behavior\\.event|Token)\\b");
    /**
     * PrimeFaces' client settings in every page: its Ajax error handling maps error pages by
     * exception type, and it names {@code ViewExpiredException} there by itself. A constant of the
     * framework's configuration, not an answer about an error.
     */
    private static final Pattern PRIMEFACES_ERROR_PAGES = Pattern.compile("errorPages:\\{[^{}]{0,400}\\}");

    /** The first name of code in {@code text}, or null. */
    static String leak(String text) {
        for (String m : MARKERS) {
            if (text.contains(m)) {
                return m;
            }
        }
        Matcher c = CLASS_NAME.matcher(text);
        if (c.find()) {
            return c.group();
        }
        Matcher f = STACK_FRAME.matcher(text);
        return f.find() ? f.group() : null;
    }

    /** Generated text never holds what the checks look for (an echo of it would be a false alarm). */
    static boolean harmless(String generated) {
        String lower = generated.toLowerCase(Locale.ROOT);
        return leak(generated) == null && !lower.contains("java") && !lower.contains("jakarta") && !lower.contains("org")
                && !lower.contains("exception") && !lower.contains("sopdesk") && !lower.contains("curly") && !lower.contains("enum")
                && !lower.contains("token");
    }

    private static String excerpt(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…(" + body.length() + " chars)" : body;
    }

    /** No 5xx and no code names; an API error is JSON with a message. */
    static void assertClean(String what, HttpResponse<String> r, boolean api) {
        String body = r.body() == null ? "" : r.body();
        if (r.statusCode() >= 500) {
            throw new AssertionError(what + " -> " + r.statusCode() + " " + excerpt(body));
        }
        String scanned = api ? body : PRIMEFACES_ERROR_PAGES.matcher(FACES_NAMES.matcher(body).replaceAll("")).replaceAll("errorPages:{}");
        String leaked = leak(scanned);
        if (leaked != null) {
            int at = scanned.indexOf(leaked);
            throw new AssertionError(what + " -> " + r.statusCode() + " names code '" + leaked + "' in: …"
                    + scanned.substring(Math.max(0, at - 200), Math.min(scanned.length(), at + 200)) + "…");
        }
        if (api && r.statusCode() >= 400) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            String message = Env.field(body, "message");
            if (!type.startsWith("application/json") || message == null || message.isBlank()) {
                throw new AssertionError(what + " -> " + r.statusCode() + " is not a JSON error with a message: [" + type + "] " + excerpt(body));
            }
        }
    }

    // ---------------------------------------------------------------- this class's own data

    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    /** An agent and supervisor of this class: its tickets and its SLA subscription. */
    static final String ME = "hostil-" + SUFFIX;
    static final String MY_PASSWORD = "senha-hostil-" + SUFFIX;
    /** The account the user-changing endpoints are aimed at (never a demo user). */
    static final String TARGET = "hostil-alvo-" + SUFFIX;
    static final String CATEGORY = "HZ" + SUFFIX.substring(0, 6).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "X");
    static final String POLICY = "HOSTIL-" + SUFFIX.toUpperCase(Locale.ROOT);
    static final String NO_SOP = "hostil-sem-sop-" + SUFFIX;
    static final String NO_ID = "999999999";
    /** A ticket of {@link #ME}, for the ticket actions. */
    static String myTicket = NO_ID;
    /** Tickets the generated bodies got accepted (201): each must reach Qualitor, not be refused by it. */
    static final Set<String> accepted = ConcurrentHashMap.newKeySet();

    static final HttpClient.Version HTTP_1_1 = HttpClient.Version.HTTP_1_1;

    /** HTTP/1.1, as a browser speaks to a plain-text address (no h2c upgrade). */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static final String GOOD_TICKET = "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A3\",\"a3-resolveu\":\"nao\"},"
            + "\"customer\":{\"document\":\"11.222.333/0001-81\",\"name\":\"Padaria Hostil\",\"email\":\"hostil@padaria.com.br\","
            + "\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},\"description\":\"Cliente não localiza a senha do certificado A3.\","
            + "\"fields\":{\"midia\":\"Token SafeNet 5110\"},\"triedSolution\":\"Desbloqueio e troca do PIN tentados com o cliente.\"}";

    @BeforeContainer
    static void createOwnData() throws Exception {
        OneDeployment.ensure(); // jqwik, not Jupiter: no @BlackBox extension reaches this class
        for (String[] u : new String[][]{{ME, "[\"agent\",\"supervisor\"]"}, {TARGET, "[\"agent\"]"}}) {
            HttpResponse<String> r = Env.adminApi("POST", "admin/users", "{\"username\":\"" + u[0] + "\",\"displayName\":\"Hostil\",\"password\":\""
                    + MY_PASSWORD + "\",\"roles\":" + u[1] + "}");
            if (r.statusCode() != 201) {
                throw new AssertionError("creating " + u[0] + ": " + r.statusCode() + " " + r.body());
            }
        }
        HttpResponse<String> c = Env.adminApi("PUT", "admin/categories/" + CATEGORY, "{\"name\":\"Categoria hostil\",\"active\":false}");
        if (c.statusCode() != 200) {
            throw new AssertionError("category: " + c.statusCode() + " " + c.body());
        }
        HttpResponse<String> t = Env.api("POST", "tickets", ME, MY_PASSWORD, GOOD_TICKET, null);
        if (t.statusCode() != 201) {
            throw new AssertionError("ticket: " + t.statusCode() + " " + t.body());
        }
        myTicket = Env.field(t.body(), "id");
    }

    @AfterContainer
    static void everyAcceptedTicketCanBeDelivered() throws Exception {
        // the tickets the generated bodies got accepted must not be refused by Qualitor (issue 16:
        // "nothing accepted that cannot be delivered"); and none is left queued for the next class
        List<String> wrong = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            wrong.clear();
            boolean settled = true;
            for (String id : accepted) {
                String body = Env.api("GET", "tickets/" + id, ME, MY_PASSWORD, null, null).body();
                String state = Env.field(body, "state");
                if ("REJECTED".equals(state) || "HELD".equals(state)) {
                    wrong.add(id + " " + state + ": " + Env.field(body, "refusal") + " " + Env.field(body, "lastError"));
                } else if (!"SENT".equals(state)) {
                    settled = false;
                }
            }
            return settled || !wrong.isEmpty();
        });
        if (!wrong.isEmpty()) {
            throw new AssertionError("accepted, then refused by Qualitor: " + wrong);
        }
    }

    // ---------------------------------------------------------------- hostile text and JSON

    static final String HOSTILE_CHARS = "\uD800\uDC00\uDBFF\uDFFF\uFFFE\uFFFF\uFDD0\u202E\u202A\u2066\u200B\u200D\u200E\uFEFF\u00A0\u3164\u0000\u0001\u0008"
            + "\u001F\u007F\u0085\u2028\u2029\t\r\n<>\"'&\\/%;:#{}$`*?=+|~^ aZ09çÇãé\u0301\u05D0\u0627";

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> chars = Arbitraries.strings().withChars(HOSTILE_CHARS.toCharArray()).ofMinLength(0).ofMaxLength(40);
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> invisible = Arbitraries.strings().withChars("\u200B\u200C\u200D\u2060\uFEFF\u00A0\u3164 \t".toCharArray()).ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> huge = Arbitraries.integers().between(1_000, 9_000).map(n -> "x".repeat(n));
        Arbitrary<String> emoji = Arbitraries.of("\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDDE7\uD83C\uDDF7")
                .list().ofMaxSize(300).map(l -> String.join("", l));
        Arbitrary<String> known = Arbitraries.of("", " ", "null", "undefined", "NaN", "-1", "0", "2147483648", "1e309", "true",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1' --", "'; DROP TABLE ticket; --",
                "${7*7}", "#{7*7}", "#{facesContext.externalContext}", "%00", "%s%n%x", "../../../etc/passwd", "..\\..\\win.ini",
                "{\"a\":1}", "[1,2]", "\\u0000", "a@\u202Erb.moc.liame", "11.222.333/0001-81", "agent", "admin", "PERDA-DE-SENHA",
                "\u0130\u0131", "ß".repeat(100), "\uD800", "\uDFFF", "\uFFFE", "\u202E\u202E\u202E");
        return Arbitraries.oneOf(chars, chars, anyChars, invisible, huge, emoji, known, known).filter(HostilePropertiesIT::harmless);
    }

    /** A JSON string literal, escaping as a JSON writer would (lone surrogates as \\u escapes). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20 || Character.isSurrogate(ch) || ch == 0xFFFE || ch == 0xFFFF) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Provide
    Arbitrary<String> jsonNumber() {
        return Arbitraries.of("0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
                "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999", "1e309", "-1e309", "1e-400", "0.5",
                "1.0", "1E2", "4294967297", "123456789012345678901234567890123456789012345678901234567890");
    }

    @Provide
    Arbitrary<String> jsonValue() {
        return Arbitraries.lazyOf(
                () -> hostileText().map(HostilePropertiesIT::quote),
                () -> hostileText().map(HostilePropertiesIT::quote),
                this::jsonNumber,
                () -> Arbitraries.of("true", "false", "null", "{}", "[]", "\"\""),
                () -> jsonValue().list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                () -> Combinators.combine(hostileText(), jsonValue()).as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(4)
                        .map(l -> "{" + String.join(",", l) + "}"),
                () -> Arbitraries.integers().between(30, 200).map(n -> "[".repeat(n) + "]".repeat(n)),
                () -> Arbitraries.integers().between(30, 120).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    }

    /** An object with some of the endpoint's own fields (and maybe others) holding hostile values. */
    static Arbitrary<String> shaped(List<String> fields, Arbitrary<String> values) {
        Arbitrary<String> key = fields.isEmpty() ? Arbitraries.of("x", "id", "name") : Arbitraries.oneOf(Arbitraries.of(fields), Arbitraries.of(fields),
                Arbitraries.of("x", "__proto__", "", "\u0000", "id", "class"));
        return Combinators.combine(key, values).as((k, v) -> quote(k) + ":" + v).list().ofMinSize(0).ofMaxSize(Math.max(2, fields.size() + 1))
                .map(l -> "{" + String.join(",", l) + "}");
    }

    /** A body: shaped or any JSON, maybe spoiled (trailing garbage, two documents, cut short, a BOM, bytes not UTF-8). */
    static Arbitrary<byte[]> body(List<String> fields, Arbitrary<String> values) {
        Arbitrary<String> json = Arbitraries.oneOf(shaped(fields, values), shaped(fields, values), values);
        Arbitrary<String> text = Arbitraries.oneOf(json, json, json,
                json.map(j -> j + " lixo"), json.map(j -> j + j), json.map(j -> j.substring(0, j.length() / 2)),
                json.map(j -> "\uFEFF" + j), Arbitraries.of("", "   ", "{", "}", "nul", "'a'", "{'a':1}", "{\"a\":1,}", "[1,]", "{\"a\" 1}",
                        "\"a\\x\"", "{\"a\":\"\\ud800\"}", "{\"a\":01}", "NaN", "Infinity"));
        Arbitrary<byte[]> bytes = text.map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> broken = json.map(j -> {
            byte[] b = j.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[b.length + 3];
            System.arraycopy(b, 0, out, 0, b.length);
            out[b.length] = (byte) 0xED; // a lone surrogate as raw (CESU-8) bytes: not UTF-8
            out[b.length + 1] = (byte) 0xA0;
            out[b.length + 2] = (byte) 0x80;
            return out;
        });
        Arbitrary<byte[]> latin1 = json.map(j -> ("{\"a\":\"caf\u00e9 " + j.length() + "\"}").getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, bytes), net.jqwik.api.Tuple.of(1, broken), net.jqwik.api.Tuple.of(1, latin1));
    }

    // ---------------------------------------------------------------- the endpoints

    enum Who { ME, ADMIN }

    /** An endpoint taking a body: its method, path, caller and the body's own fields. */
    record Endpoint(String method, String path, Who who, List<String> fields) {
        @Override
        public String toString() {
            return method + " " + path + " as " + who;
        }
    }

    static List<Endpoint> bodyEndpoints() {
        return List.of(
                new Endpoint("POST", "tickets", Who.ME, List.of("sopId", "sopVersion", "answers", "fields", "customer", "description", "triedSolution",
                        "category", "warrantyException", "warrantyExceptionReason")),
                new Endpoint("POST", "demand-actions", Who.ME, List.of("sopId", "sopVersion", "answers", "demandNumber", "reason", "customerDocument")),
                new Endpoint("POST", "tickets/" + myTicket + "/close", Who.ME, List.of("reason", "closeRelated")),
                new Endpoint("POST", "tickets/" + NO_ID + "/close", Who.ME, List.of("reason", "closeRelated")),
                new Endpoint("POST", "tickets/" + myTicket + "/resend", Who.ME, List.of("checkedInQualitor")),
                new Endpoint("POST", "tickets/" + myTicket + "/summary/resend", Who.ME, List.of("checkedInQualitor")),
                new Endpoint("POST", "tickets/" + myTicket + "/found", Who.ME, List.of("demandNumber")),
                new Endpoint("POST", "sla/alerts/" + NO_ID + "/ack", Who.ME, List.of("comment")),
                new Endpoint("POST", "sla/clocks/" + NO_ID + "/reiterate", Who.ME, List.of("comment")),
                new Endpoint("PUT", "sla/subscription", Who.ME, List.of("email", "quietFrom", "quietUntil", "active")),
                new Endpoint("POST", "certificates/inspect", Who.ME, List.of("file", "password")),
                new Endpoint("PUT", "admin/categories/" + CATEGORY, Who.ADMIN, List.of("name", "active")),
                new Endpoint("POST", "admin/sops", Who.ADMIN, List.of("id", "version", "seed", "title", "start", "nodes", "qualitor", "keywords", "fields")),
                new Endpoint("POST", "admin/sops/" + NO_SOP + "/retire", Who.ADMIN, List.of("reason")),
                new Endpoint("POST", "admin/sops/" + NO_SOP + "/restore", Who.ADMIN, List.of("reason")),
                new Endpoint("POST", "admin/users", Who.ADMIN, List.of("username", "displayName", "password", "roles")),
                new Endpoint("PUT", "admin/users/" + TARGET, Who.ADMIN, List.of("displayName", "roles", "active", "password")),
                new Endpoint("PUT", "admin/sla/policies/" + POLICY, Who.ADMIN, List.of("name", "durationMinutes", "businessHours", "workStart", "workEnd",
                        "pauseSituations", "atRiskPercent", "reminderMinutes")),
                new Endpoint("PUT", "admin/sla/sops/" + NO_SOP, Who.ADMIN, List.of("policy")),
                new Endpoint("PUT", "admin/sla/teams/" + TARGET, Who.ADMIN, List.of("team")),
                new Endpoint("PUT", "admin/qualitor/settings", Who.ADMIN, List.of()),
                new Endpoint("POST", "admin/qualitor/check", Who.ADMIN, List.of()),
                new Endpoint("PUT", "admin/qualitor/categories/" + CATEGORY + "/team", Who.ADMIN, List.of("team")));
    }

    /** Every API address (templates: {id} a ticket or clock, {sop} a SOP, {code} a category, {user} an account, {policy}). */
    static final List<String[]> ADDRESSES = List.of(
            new String[]{"GET", "sops", "ME"}, new String[]{"GET", "sops/{sop}", "ME"}, new String[]{"GET", "sops/{sop}/versions/{n}", "ME"},
            new String[]{"POST", "tickets", "ME"}, new String[]{"GET", "tickets/{id}", "ME"}, new String[]{"GET", "tickets/{id}/clock", "ME"},
            new String[]{"POST", "tickets/{id}/close", "ME"}, new String[]{"POST", "tickets/{id}/resend", "ME"},
            new String[]{"POST", "tickets/{id}/summary/resend", "ME"}, new String[]{"POST", "tickets/{id}/found", "ME"},
            new String[]{"POST", "demand-actions", "ME"}, new String[]{"GET", "demand-actions/{id}", "ME"},
            new String[]{"GET", "customers/{doc}/tickets", "ME"}, new String[]{"GET", "sla/clocks", "ME"}, new String[]{"GET", "sla/clocks/{id}", "ME"},
            new String[]{"GET", "sla/alerts", "ME"}, new String[]{"POST", "sla/alerts/{id}/ack", "ME"}, new String[]{"POST", "sla/clocks/{id}/reiterate", "ME"},
            new String[]{"GET", "sla/subscription", "ME"}, new String[]{"PUT", "sla/subscription", "ME"}, new String[]{"POST", "certificates/inspect", "ME"},
            new String[]{"GET", "admin/categories", "ADMIN"}, new String[]{"PUT", "admin/categories/{code}", "ADMIN"},
            new String[]{"POST", "admin/sops", "ADMIN"}, new String[]{"GET", "admin/sops/{sop}/export", "ADMIN"},
            new String[]{"GET", "admin/sops/{sop}/diff", "ADMIN"}, new String[]{"POST", "admin/sops/{sop}/retire", "ADMIN"},
            new String[]{"POST", "admin/sops/{sop}/restore", "ADMIN"},
            new String[]{"GET", "admin/audit", "ADMIN"}, new String[]{"GET", "admin/audit.csv", "ADMIN"},
            new String[]{"GET", "admin/users", "ADMIN"}, new String[]{"POST", "admin/users", "ADMIN"}, new String[]{"PUT", "admin/users/{user}", "ADMIN"},
            new String[]{"GET", "admin/sla/policies", "ADMIN"}, new String[]{"GET", "admin/sla/policies/{policy}", "ADMIN"},
            new String[]{"PUT", "admin/sla/policies/{policy}", "ADMIN"}, new String[]{"GET", "admin/sla/sops", "ADMIN"},
            new String[]{"PUT", "admin/sla/sops/{sop}", "ADMIN"}, new String[]{"PUT", "admin/sla/teams/{user}", "ADMIN"},
            new String[]{"POST", "admin/sla/scan", "ADMIN"}, new String[]{"GET", "admin/qualitor/check", "ADMIN"},
            new String[]{"GET", "admin/qualitor/settings", "ADMIN"}, new String[]{"GET", "admin/qualitor/pause", "ADMIN"},
            new String[]{"PUT", "admin/qualitor/categories/{code}/team", "ADMIN"}, new String[]{"POST", "admin/qualitor/resume", "ADMIN"},
            new String[]{"GET", "nao-existe/{id}", "ME"});

    /** The query parameters each address reads. */
    static final Map<String, List<String>> QUERIES = Map.of(
            "sops", List.of("q"), "customers/{doc}/tickets", List.of("sopId"), "sla/clocks", List.of("standing", "team", "sop", "agent"),
            "sla/alerts", List.of("open", "max", "team", "sop", "agent"), "admin/sops/{sop}/export", List.of("version", "format"),
            "admin/sops/{sop}/diff", List.of("from", "to"),
            "admin/audit", List.of("limit", "first", "actor", "action", "from", "to", "q", "paged"),
            "admin/audit.csv", List.of("actor", "action", "from", "to", "q"));

    static HttpResponse<String> call(String method, String path, Who who, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Env.APP + "api/" + path)).timeout(Duration.ofSeconds(30));
        String user = who == Who.ADMIN ? Env.ADMIN : ME;
        String password = who == Who.ADMIN ? Env.ADMIN_PASSWORD : MY_PASSWORD;
        b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest request = b.build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the server closes a kept-alive connection after its request limit; a request sent on it
            // that very moment gets no answer at all. That is this client's connection, not the answer
            // under test: send it again once, on a new connection.
            if (String.valueOf(e.getMessage()).contains("received no bytes") || String.valueOf(e.getMessage()).contains("closed")) {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            throw e;
        }
    }

    static String shown(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + ")" : s;
    }

    // ---------------------------------------------------------------- API properties

    @Provide
    Arbitrary<Endpoint> bodyEndpoint() {
        return Arbitraries.of(bodyEndpoints());
    }

    @Provide
    Arbitrary<byte[]> anyBody() {
        return body(List.of("sopId", "sopVersion", "answers", "customer", "description", "name", "active", "email", "comment", "reason", "team",
                "policy", "username", "roles", "password", "id", "nodes", "durationMinutes", "checkedInQualitor", "demandNumber"), jsonValue());
    }

    /** Hostile bodies to every endpoint that takes one. */
    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, seed = "20261205")
    void everyBodyEndpointAnswersHostileBodiesCleanly(@ForAll("bodyEndpoint") Endpoint e, @ForAll("anyBody") byte[] body) throws Exception {
        HttpResponse<String> r = call(e.method(), e.path(), e.who(), "application/json", body);
        assertClean(e + " " + shown(body), r, true);
        if (e.path().equals("tickets") && r.statusCode() == 201) {
            accepted.add(Env.field(r.body(), "id"));
        }
    }

    /** A valid ticket with one or two parts made hostile: refused in words (422 naming the field) or accepted and deliverable. */
    @Provide
    Arbitrary<String> mutatedTicket() {
        List<String> paths = List.of("sopId", "sopVersion", "answers", "answers.tipo", "answers.a3-resolveu", "fields", "customer", "customer.document",
                "customer.name", "customer.email", "customer.phone1", "customer.phone2", "description", "triedSolution", "category");
        Arbitrary<String> value = Arbitraries.oneOf(hostileText().map(HostilePropertiesIT::quote), hostileText().map(HostilePropertiesIT::quote),
                hostileText().map(t -> quote("Cliente não localiza a senha " + t)), jsonValue());
        return Combinators.combine(Arbitraries.of(paths), value, Arbitraries.of(paths), value, Arbitraries.of(true, false))
                .as((p1, v1, p2, v2, two) -> {
                    String t = replace(GOOD_TICKET, p1, v1);
                    return two ? replace(t, p2, v2) : t;
                });
    }

    /** {@code json} (the good ticket) with the value at {@code path} (a.b) replaced by {@code value}. */
    static String replace(String json, String path, String value) {
        String[] parts = path.split("\\.");
        String key = parts[parts.length - 1];
        String parent = parts.length == 1 ? null : parts[0];
        int from = parent == null ? 0 : json.indexOf("\"" + parent + "\":");
        if (from < 0) {
            return json;
        }
        int at = json.indexOf("\"" + key + "\":", parent == null ? 0 : from);
        if (at < 0 || parent == null && json.indexOf("\"" + key + "\":") != at) {
            // a top-level field the good ticket lacks: added
            return parent == null ? "{\"" + key + "\":" + value + "," + json.substring(1) : json;
        }
        int start = at + key.length() + 3;
        int end = valueEnd(json, start);
        return json.substring(0, start) + value + json.substring(end);
    }

    private static int valueEnd(String json, int start) {
        char c = json.charAt(start);
        if (c == '"') {
            int i = start + 1;
            while (json.charAt(i) != '"' || json.charAt(i - 1) == '\\') {
                i++;
            }
            return i + 1;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (ch == '"' && json.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (ch == '{' || ch == '[')) {
                depth++;
            } else if (!inString && (ch == '}' || ch == ']')) {
                if (depth == 0) {
                    return i;
                }
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (!inString && depth == 0 && ch == ',') {
                return i;
            }
        }
        return json.length();
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, seed = "20261205")
    void ticketsWithHostilePartsAreRefusedInWordsOrDeliverable(@ForAll("mutatedTicket") String ticket) throws Exception {
        HttpResponse<String> r = call("POST", "tickets", Who.ME, "application/json", ticket.getBytes(StandardCharsets.UTF_8));
        String what = "POST tickets " + (ticket.length() > 300 ? ticket.substring(0, 300) + "…" : ticket);
        assertClean(what, r, true);
        if (r.statusCode() == 201) {
            accepted.add(Env.field(r.body(), "id"));
        } else if (r.statusCode() != 422) {
            throw new AssertionError(what + " -> " + r.statusCode() + " (a ticket is accepted, 201, or refused, 422): " + excerpt(r.body()));
        }
    }

    @Provide
    Arbitrary<String> hostileSegment() {
        Arbitrary<String> encoded = hostileText().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        Arbitrary<String> raw = Arbitraries.of("..", ".", "%2e%2e", "%2E%2E%2F%2E%2E", "..%2f..%2fWEB-INF%2fweb.xml", "%00", "%", "%zz", "%c0%ae",
                "%ed%a0%80", "%ef%bf%be", "%e2%80%ae", "x;jsessionid=ABCDEF0123456789", ";jsessionid=1", "x;a=b", "-1", "0", "2147483648",
                "9223372036854775808", "1e3", "0x10", "%20", "a%2Fb", "%5C", "~", "WEB-INF", "META-INF%2FMANIFEST.MF", "x.json", "x.xml");
        Arbitrary<String> longId = Arbitraries.integers().between(100, 6_000).map(n -> "9".repeat(n));
        return Arbitraries.oneOf(encoded, raw, raw, longId);
    }

    @Provide
    Arbitrary<String> hostileQuery() {
        Arbitrary<String> value = Arbitraries.oneOf(hostileSegment(), Arbitraries.of("", "true", "maybe", "-1", "2147483648", "1e9", "naive", "due",
                "yaml", "json", "xml", "2024-13-45", "2024-01-01T25:00", "AT_RISK", "NOPE"));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("q", "limit", "first", "max", "version", "format", "from", "to", "mode", "open",
                "paged", "standing", "sopId", "actor", "jsessionid", "primefaces.nonce"), hostileSegment());
        return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("&", l));
    }

    @Provide
    Arbitrary<String[]> address() {
        return Arbitraries.of(ADDRESSES);
    }

    /** Hostile path segments and query strings on every address: no 5xx, JSON errors, no code names. */
    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, seed = "20261205")
    void everyAddressAnswersHostilePathsAndQueriesCleanly(@ForAll("address") String[] a, @ForAll("hostileSegment") String segment,
                                                          @ForAll("hostileQuery") String query, @ForAll boolean jsessionid) throws Exception {
        String path = a[1].replaceAll("\\{[a-z]+\\}", Matcher.quoteReplacement(segment));
        if (jsessionid) {
            path += ";jsessionid=" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        }
        if (!query.isEmpty()) {
            path += "?" + query;
        }
        URI uri;
        try {
            uri = URI.create(Env.APP + "api/" + path);
        } catch (IllegalArgumentException notAUri) {
            return; // the client cannot even send it
        }
        byte[] body = a[0].equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = call(a[0], path, Who.valueOf(a[2]), body == null ? null : "application/json", body);
        String what = a[0] + " " + (path.length() > 300 ? path.substring(0, 300) + "…(" + path.length() + ")" : path);
        if (refusedBeforeTheApplication(r, uri.toString())) {
            return;
        }
        assertClean(what, r, true);
    }

    @Provide
    Arbitrary<String[]> hostileHeaders() {
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json;charset=ISO-8859-1", "application/json;charset=x-nope",
                "application/json;charset=UTF-16", "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz", "application/yaml", "*/*", "",
                "application", "application/", "/json", ";;;", "application/json; a", "application/json;boundary=\"", "\u00e7/\u00e7");
        Arbitrary<String> language = Arbitraries.of("en", "pt-BR", "*", "", "xx", "en;q=abc", "en;q=2", "zz-ZZ-ZZ-ZZ", "en-US,en;q=0.9,pt;q=0.8",
                "pt-BR;q=0.1, en;q=0.1", "a".repeat(500), "en,".repeat(300), "i-klingon", "x-\u00e7", "de-DE-u-co-phonebk", ",,,", "en;q=",
                ";q=1");
        Arbitrary<String> accept = Arbitraries.of("application/json", "text/html", "application/xml", "text/csv", "*/*", "", "image/png",
                "application/json;q=0", "nope", "text/*;q=0.1, application/json;q=abc");
        Arbitrary<String> big = Arbitraries.integers().between(1, 4_000).map(n -> "x".repeat(n));
        return Combinators.combine(contentType, language, accept, big, Arbitraries.of("X-Forwarded-For", "X-Real-IP", "Origin", "Referer", "Cookie",
                        "If-None-Match", "Range", "X-HTTP-Method-Override", "Forwarded"), Arbitraries.of(true, false))
                .as((ct, lang, acc, value, name, hugeLanguage) -> new String[]{ct, hugeLanguage ? lang + value.substring(0, Math.min(value.length(), 1500)) : lang,
                        acc, name, name.equals("Cookie") ? "JSESSIONID=" + value : name.equals("X-HTTP-Method-Override") ? "DELETE" : value});
    }

    /** Odd Content-Type, Accept-Language, Accept and big header values (within Payara's limit) on every endpoint. */
    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, seed = "20261205")
    void everyEndpointAnswersHostileHeadersCleanly(@ForAll("address") String[] a, @ForAll("hostileHeaders") String[] h) throws Exception {
        String path = a[1].replace("{id}", myTicket).replace("{sop}", NO_SOP).replace("{n}", "1").replace("{code}", CATEGORY)
                .replace("{user}", TARGET).replace("{policy}", POLICY).replace("{doc}", "11222333000181");
        byte[] body = a[0].equals("GET") ? null : "{\"comment\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        List<String> headers = new ArrayList<>(List.of("Accept-Language", h[1], h[3], h[4]));
        if (!h[2].isEmpty()) {
            headers.addAll(List.of("Accept", h[2]));
        }
        HttpResponse<String> r;
        try {
            r = call(a[0], path, Who.valueOf(a[2]), h[0].isEmpty() ? null : h[0], body, headers.toArray(String[]::new));
        } catch (IllegalArgumentException unsendable) {
            return; // a header value the client refuses to send
        }
        String what = a[0] + " " + path + " Content-Type=" + h[0] + " Accept-Language=" + excerptOf(h[1]) + " Accept=" + h[2] + " " + h[3] + "=" + excerptOf(h[4]);
        // a refusal of what the caller accepts (406) may not be JSON: the caller said it takes no JSON
        boolean api = !(r.statusCode() == 406 && !h[2].isEmpty() && !h[2].contains("json") && !h[2].contains("*"));
        assertClean(what, r, api);
    }

    /** An encoded NUL or bytes that are not UTF-8 in the address. */
    private static final Pattern MALFORMED = Pattern.compile("(?i)%00|%(?![0-9a-f]{2})|%ed%a0|%c0%ae|%ef%bf%be|%zz");

    /**
     * Payara's HTTP layer (Grizzly) refuses a request line past its buffer or with an encoded NUL or
     * bytes that are not UTF-8 with an empty 400 before any SOP Desk code runs (docs/input-limits.md).
     */
    static boolean refusedBeforeTheApplication(HttpResponse<String> r, String address) {
        return r.statusCode() == 400 && r.body().isEmpty() && (address.length() > 7_000 || MALFORMED.matcher(address).find());
    }

    private static String excerptOf(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }

    // ---------------------------------------------------------------- pages

    /** A page form: where it is, who opens it, its form id, the fields to fill and the buttons to press. */
    record PageForm(String page, Who who, String form, List<String> fields, List<String> buttons) {
        @Override
        public String toString() {
            return page + " (" + form + ")";
        }
    }

    /**
     * The forms of the pages. Fields that name things get a prefix of this class's own, so a post
     * that goes through creates only data of its own; the Qualitor settings form is posted only
     * with view states and nonces that cannot work (saving it would change the run's Qualitor).
     */
    static final List<PageForm> FORMS = List.of(
            new PageForm("login.xhtml", null, "login", List.of("login:username", "login:password"), List.of("login:submit")),
            new PageForm("app/index.xhtml", Who.ME, "search", List.of("search:q"), List.of("search:j_idt18:0:j_idt19")),
            new PageForm("app/sop.xhtml?id=perda-de-senha", Who.ME, "walk", List.of("walk:path:0:answer", "walk:switchTo_input",
                    "walk:certificate-password", "walk:certificate-pem", "walk:document", "walk:customerName", "walk:description", "walk:email",
                    "walk:phone1", "walk:phone2", "walk:demandNumber", "walk:reason", "walk:foundNumber"),
                    List.of("walk:switch", "walk:certificate-read", "walk:save", "walk:act", "walk:found", "walk:path:0:answer")),
            new PageForm("admin/index.xhtml", Who.ADMIN, "admin", List.of("admin:newCode", "admin:newName", "admin:bundle"),
                    List.of("admin:createCategory", "admin:publish")),
            new PageForm("admin/users.xhtml", Who.ADMIN, "users", List.of("users:newUsername", "users:newDisplayName", "users:newPassword",
                    "users:newRoles"), List.of("users:create")),
            new PageForm("admin/sla.xhtml", Who.ADMIN, "sla", List.of("sla:code", "sla:name", "sla:duration", "sla:business_input", "sla:workStart",
                    "sla:workEnd", "sla:pause", "sla:atRisk", "sla:reminder", "sla:sopId_input", "sla:sopPolicy_input"), List.of("sla:save", "sla:assign")),
            new PageForm("admin/audit.xhtml", Who.ADMIN, "audit", List.of("audit:actor", "audit:action", "audit:text", "audit:from_input", "audit:to_input"),
                    List.of("audit:search")),
            new PageForm("admin/qualitor.xhtml", Who.ADMIN, "qualitor", List.of("qualitor:settings:0:value", "qualitor:teams:0:team"),
                    List.of("qualitor:save", "qualitor:check", "qualitor:teams:0:saveTeam")));

    /** Fields whose value, if accepted, names a new thing: it starts with this class's prefix. */
    static final Map<String, String> OWN_PREFIX = Map.of("admin:newCode", "HZ", "users:newUsername", "hz-", "sla:code", "HZ-");
    /** The sign-in form is posted from addresses of this class's own (the test server believes X-Forwarded-For), never throttling the run's. */
    static final java.util.concurrent.atomic.AtomicInteger ADDRESS = new java.util.concurrent.atomic.AtomicInteger();

    static final Map<Who, PageSession> sessions = new ConcurrentHashMap<>();

    /** A signed-in session of {@code who}, signed in again if a post signed it out. */
    static PageSession session(Who who) throws Exception {
        PageSession s = sessions.get(who);
        if (s == null) {
            s = who == Who.ADMIN ? PageSession.signedIn(Env.ADMIN, Env.ADMIN_PASSWORD, HTTP_1_1) : PageSession.signedIn(ME, MY_PASSWORD, HTTP_1_1);
            sessions.put(who, s);
        }
        return s;
    }

    enum Token { PAGES, MISSING, GARBLED }

    @Provide
    Arbitrary<PageForm> pageForm() {
        return Arbitraries.of(FORMS);
    }

    @Provide
    Arbitrary<String> garbledToken() {
        return Arbitraries.oneOf(hostileText(), Arbitraries.of("-1:1", "stateless", "0", "-42:4242", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
                "H4sIAAAAAAAAAAMAAAAAAAAAAAA=", "%", "a:b:c", "9".repeat(400), "-9223372036854775808:-9223372036854775808", "::"));
    }

    @Provide
    Arbitrary<Map<String, String>> formValues() {
        Arbitrary<String> value = Arbitraries.oneOf(hostileText(), hostileText(), Arbitraries.of("A1", "A3", "agent", "admin", "supervisor", "on", "true",
                "12:00", "99:99", "__:__", "-1", "2147483648", "perda-de-senha", "11.222.333/0001-81", "2024-02-30", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        return Arbitraries.maps(Arbitraries.integers().between(0, 20).map(String::valueOf), value).ofMaxSize(8);
    }

    /**
     * Page posts with generated field values, the page's view state and nonce or missing or garbled
     * ones, as a full post or a PrimeFaces ajax post: no 5xx, no code names.
     */
    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, seed = "20261205")
    void everyPageFormAnswersHostilePostsCleanly(@ForAll("pageForm") PageForm f, @ForAll("formValues") Map<String, String> values,
                                                 @ForAll Token viewState, @ForAll Token nonce, @ForAll("garbledToken") String garbled,
                                                 @ForAll boolean ajax, @ForAll int button) throws Exception {
        PageSession s = f.who() == null ? new PageSession(HTTP_1_1) : session(f.who());
        HttpResponse<String> opened = s.get(f.page());
        if (opened.statusCode() == 302 && f.who() != null) {
            sessions.remove(f.who()); // a post signed the session out: a new one
            s = session(f.who());
            opened = s.get(f.page());
        }
        assertClean("GET " + f.page(), opened, false);
        boolean safe = !f.form().equals("qualitor") || viewState != Token.PAGES && nonce != Token.PAGES;
        if (!safe) {
            viewState = Token.GARBLED;
        }
        Map<String, String> post = new LinkedHashMap<>();
        post.put(f.form(), f.form());
        int i = 0;
        for (String field : f.fields()) {
            String v = values.get(String.valueOf(i++));
            if (v != null) {
                String prefix = OWN_PREFIX.get(field);
                post.put(field, prefix == null ? v : prefix + SUFFIX.substring(0, 4) + v);
            }
        }
        String pressed = f.buttons().get(Math.floorMod(button, f.buttons().size()));
        if (ajax) {
            post.put("jakarta.faces.partial.ajax", "true");
            post.put("jakarta.faces.source", pressed);
            post.put("jakarta.faces.partial.execute", "@all");
            post.put("jakarta.faces.partial.render", f.form());
            post.put(pressed, pressed);
        } else {
            post.put(pressed, "");
        }
        String pageViewState = opened.statusCode() == 200 ? PageSession.viewState(opened.body()) : "-1:1";
        String pageNonce = opened.statusCode() == 200 ? PageSession.nonce(opened.body()) : "x";
        if (viewState != Token.MISSING) {
            post.put("jakarta.faces.ViewState", viewState == Token.PAGES ? pageViewState : garbled);
        }
        if (nonce != Token.MISSING) {
            post.put("primefaces.nonce", nonce == Token.PAGES ? pageNonce : garbled);
        }
        String address = "2001:db8:4057:11e::" + Integer.toHexString(ADDRESS.incrementAndGet());
        String target = f.page().replaceAll("\\?.*", "");
        HttpResponse<String> r = ajax
                ? s.send("POST", target, "application/x-www-form-urlencoded", form(post), "X-Forwarded-For", address, "Faces-Request", "partial/ajax")
                : s.send("POST", target, "application/x-www-form-urlencoded", form(post), "X-Forwarded-For", address);
        assertClean("POST " + target + (ajax ? " (ajax)" : "") + " " + excerptOf(post.toString()), r, false);
    }

    @Provide
    Arbitrary<String> pageAddress() {
        return Arbitraries.of("login.xhtml", "index.xhtml", "app/index.xhtml", "app/sop.xhtml", "app/", "admin/index.xhtml", "admin/users.xhtml",
                "admin/sla.xhtml", "admin/audit.xhtml", "admin/qualitor.xhtml", "supervisor/index.xhtml", "supervisor/", "error/answer",
                "error/expired.xhtml", "error/500.xhtml", "nao-existe.xhtml", "jakarta.faces.resource/nao-existe.js.xhtml");
    }

    /** Pages opened with hostile query strings, path parameters and session ids: no 5xx, no code names. */
    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED, seed = "20261205")
    void everyPageAnswersHostileAddressesCleanly(@ForAll("pageAddress") String page, @ForAll("hostileSegment") String segment,
                                                 @ForAll("hostileQuery") String query, @ForAll boolean signedIn, @ForAll boolean asPathParameter)
            throws Exception {
        PageSession s = signedIn ? session(Who.ADMIN) : new PageSession(HTTP_1_1);
        String path = asPathParameter ? page.replace(".xhtml", ".xhtml;" + segment) : page.replace(".xhtml", "") + "/" + segment;
        path = page.endsWith("/") || !asPathParameter && segment.length() % 2 == 0 ? page : path;
        String address = path + "?id=" + segment + (query.isEmpty() ? "" : "&" + query);
        HttpResponse<String> r;
        try {
            r = s.get(address);
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        if (refusedBeforeTheApplication(r, address)) {
            return;
        }
        assertClean("GET " + excerptOf(address), r, false);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
