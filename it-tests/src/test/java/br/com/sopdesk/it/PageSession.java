package br.com.sopdesk.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-less visitor of the pages: keeps its session cookie, never follows redirects (so a
 * test sees the 302 to the login form), and signs in by posting the login form with its view state
 * and the page's CSP nonce, as a browser does.
 */
final class PageSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** An anonymous visitor. */
    PageSession() {
        this(HttpClient.Version.HTTP_2);
    }

    /** An anonymous visitor speaking {@code version} (HTTP/1.1: as a browser does to a plain-text address, no h2c upgrade). */
    PageSession(HttpClient.Version version) {
        http = HttpClient.newBuilder().version(version).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A visitor signed in through the login form; fails if the form did not sign them in. */
    static PageSession signedIn(String user, String password) throws IOException, InterruptedException {
        return signedIn(user, password, HttpClient.Version.HTTP_2);
    }

    static PageSession signedIn(String user, String password, HttpClient.Version version) throws IOException, InterruptedException {
        PageSession s = new PageSession(version);
        HttpResponse<String> answer = s.login(user, password);
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").contains("app/index.xhtml")) {
            throw new AssertionError("login as " + user + " failed: " + answer.statusCode() + " " + answer.body());
        }
        return s;
    }

    /** Posts the login form; answers what the server said (302 to the SOP list when it worked). */
    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        String page = get("login.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        form.put("primefaces.nonce", nonce(page)); // what PrimeFaces' script adds to the form in a browser
        return post("login.xhtml", form);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request with the session cookie and the given headers ({@code name, value, ...}); a body only when given. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The session cookie's value now (null before the server gave one). */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no view state in the page");
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    /**
     * The page's CSP nonce (on its script blocks), which PrimeFaces' script adds to every form as
     * {@code primefaces.nonce} and expects back with each post.
     */
    static String nonce(String page) {
        Matcher m = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSP nonce in the page");
        }
        return m.group(1);
    }

    /** The href of the first link to {@code target} in the page, relative to the application, HTML entities undone. */
    static String link(String page, String target) {
        Matcher m = Pattern.compile("href=\"[^\"]*/(" + Pattern.quote(target) + "[^\"]*)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no link to " + target);
        }
        return m.group(1).replace("&amp;", "&");
    }

    private static URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : Env.APP + path);
    }
}
