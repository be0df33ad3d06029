package br.com.sopdesk.qualitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP calls to Qualitor, on the JDK's {@link HttpClient} (HTTP/1.1 only: PHP servers are not
 * asked to upgrade). Chosen over the JAX-RS client because the JDK's older HttpURLConnection under
 * it silently sends a POST a second time when the connection drops before the answer starts, and a
 * second {@code addTicketByData} is a second ticket: here a POST goes once, and a lost answer is the
 * outbox's to handle (it looks before sending again). Also lets SOP Desk choose the body's bytes and
 * charset exactly, and reach endpoints only known at run time (a WSDL's address).
 */
final class Http {

    /** An answer: its status, the charset its content type declares (null: none), its bytes and the cookies it set. */
    record Reply(int status, Charset charset, byte[] body, Map<String, String> cookies) {
    }

    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;

    /**
     * @param readTimeout how long an answer may take to arrive whole; an exchange is abandoned (and
     *                    its connection closed) past the connect timeout plus this, so an answer cut
     *                    half-way never holds a caller
     */
    Http(Duration connectTimeout, Duration readTimeout) {
        // the client's own work (reading the answer, completing the exchange) runs on its selector
        // thread instead of being handed to a pool: each hand-off woke another thread, twice per call
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(Runnable::run).build();
        this.readTimeout = readTimeout;
        this.deadline = connectTimeout.plus(readTimeout);
    }

    Reply post(URI uri, String contentType, Map<String, String> headers, byte[] body, String operation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build(), operation);
    }

    Reply get(URI uri, String what) {
        return send(HttpRequest.newBuilder(uri).timeout(readTimeout).GET().build(), what);
    }

    private Reply send(HttpRequest request, String operation) {
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request's own timeout ends at the answer's headers; this one covers its body too
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new QualitorException.Unavailable(Wording.of("connector.http.incomplete", deadline.toMillis(), operation), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new QualitorException.Unavailable(Wording.of("connector.http.failed", WsTransport.rootMessage(cause), operation), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new QualitorException.Unavailable(Wording.of("connector.http.interrupted", operation), e);
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return new Reply(response.statusCode(), charsetOf(response.headers().firstValue("Content-Type").orElse(null)),
                response.body() == null ? new byte[0] : response.body(), cookies);
    }

    /** The {@code Cookie} header for the cookies kept, or none. */
    static Map<String, String> cookieHeader(Map<String, String> cookies) {
        if (cookies.isEmpty()) {
            return Map.of();
        }
        StringBuilder value = new StringBuilder();
        cookies.forEach((name, v) -> value.append(value.length() == 0 ? "" : "; ").append(name).append('=').append(v));
        return Map.of("Cookie", value.toString());
    }

    /** The charset a content type names, or null. */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : List.of(contentType.split(";"))) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The charset to read an undeclared answer with: the content type's, else ISO-8859-1 (Qualitor's own). */
    static Charset orLatin1(Charset declared) {
        return declared == null ? StandardCharsets.ISO_8859_1 : declared;
    }
}
