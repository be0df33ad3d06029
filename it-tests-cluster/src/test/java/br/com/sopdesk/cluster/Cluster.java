package br.com.sopdesk.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The deployment group under test, as {@code scripts/cluster.sh} lays it out from its port base
 * ({@code it.cluster.portbase}): instance n answers HTTP on base + 100 n + 80, the domain's own server
 * (which runs the Qualitor sandbox) on base + 80. Small HTTP helpers over HTTP/1.1, as browsers and
 * load balancers speak to a plain-text address.
 */
final class Cluster {

    static final int PORTBASE = Integer.getInteger("it.cluster.portbase", 28000);
    static final String SANDBOX = "http://localhost:" + (PORTBASE + 80) + "/qualitor-sandbox/";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-demo";
    static final String AGENT = "agent";
    static final String AGENT_PASSWORD = "agent-demo";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Cluster() {
    }

    /** Instance n's name (sopdesk-n) and base address. */
    static String name(int n) {
        return "sopdesk-" + n;
    }

    static String app(int n) {
        return "http://localhost:" + (PORTBASE + 100 * n + 80) + "/sopdesk/";
    }

    static HttpResponse<String> api(int n, String method, String path, String user, String password, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app(n) + "api/" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "pt-BR");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> agent(int n, String method, String path, String json, String... headers) throws IOException, InterruptedException {
        return api(n, method, path, AGENT, AGENT_PASSWORD, json, headers);
    }

    static HttpResponse<String> admin(int n, String method, String path, String json) throws IOException, InterruptedException {
        return api(n, method, path, ADMIN, ADMIN_PASSWORD, json);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A sandbox control call ({@code POST control/<path>}), which must succeed. */
    static void sandbox(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SANDBOX + "control/" + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("sandbox control " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** Moves instance n's product time {@code offset} ahead of its system clock (the test profile's clock is per instance). */
    static void offsetClock(int n, Duration offset) throws IOException, InterruptedException {
        HttpResponse<String> r = admin(n, "PUT", "admin/test/clock", "{\"offsetSeconds\":" + offset.toSeconds() + "}");
        if (r.statusCode() != 200) {
            throw new AssertionError("test clock on " + name(n) + ": " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Whether instance n's log says its own SLA scan timer runs there (every instance of the group
     * has one, made at its start).
     */
    static boolean scansHere(int n) throws IOException {
        java.nio.file.Path logs = java.nio.file.Path.of(System.getProperty("payara.home", "../runtime/target/payara/payara6"), "glassfish", "nodes",
                "localhost-" + System.getProperty("it.cluster.domain", "sopdesk-cluster"), name(n), "logs");
        Pattern line = Pattern.compile("Monitor de SLA: varredura a cada \\d+ s nesta instância \\(" + name(n) + "/");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(logs)) {
            for (java.nio.file.Path log : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                if (line.matcher(java.nio.file.Files.readString(log, StandardCharsets.UTF_8)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs {@code scripts/cluster.sh} with the run's domain and port base (kill, start). */
    static void script(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = System.getProperty("it.cluster.script", "../scripts/cluster.sh");
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("cluster.sh " + String.join(" ", args) + " failed: " + p.exitValue() + "\n" + output);
        }
        System.out.print(output);
    }

    /**
     * A browser-like session signed in through instance n's login form (its cookie jar, the form's
     * view state and CSP nonce, as PrimeFaces' script posts them); never follows redirects.
     */
    static HttpClient signedIn(int n, String user, String password) throws IOException, InterruptedException {
        HttpClient session = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String page = session.send(HttpRequest.newBuilder(URI.create(app(n) + "login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        String form = "login=login&login%3Ausername=" + user + "&login%3Apassword=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(
                        matched(page, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").replace("&#58;", ":").replace("&amp;", "&"), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + java.net.URLEncoder.encode(matched(page, "<script[^>]*\\snonce=\"([^\"]+)\""), StandardCharsets.UTF_8);
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(app(n) + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").contains("app/index.xhtml")) {
            throw new AssertionError("login as " + user + " on " + name(n) + " failed: " + r.statusCode() + " " + r.body());
        }
        return session;
    }

    private static String matched(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        if (!m.find()) {
            throw new AssertionError("not in the login page: " + regex);
        }
        return m.group(1);
    }

    /** Reads until {@code done} holds for what was read, every 100 ms from at once, for at most {@code timeout}; what was read last. */
    static <T> T until(Callable<T> read, Predicate<T> done, Duration timeout, String what) {
        return Awaitility.await(what).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).atMost(timeout).until(read, done::test);
    }

    /** The value of a top-level string or number field in a flat JSON answer. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|true|false|null)").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** A ticket body for the lost-password SOP (A1, attempts exhausted) for {@code document}. */
    static String lostPassword(String document) {
        return "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A1\",\"a1-esgotou\":\"sim\"},"
                + "\"customer\":{\"document\":\"" + document + "\",\"name\":\"Comércio Alfanumérico S.A.\",\"email\":\"ti@comercio.com.br\""
                + ",\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"Cliente perdeu a senha de instalação do A1; tentativas esgotadas.\","
                + "\"triedSolution\":\"Cliente tentou a senha anotada na documentação da emissão; tentativas esgotadas.\"}";
    }
}
