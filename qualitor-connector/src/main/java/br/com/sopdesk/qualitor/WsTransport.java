package br.com.sopdesk.qualitor;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How one {@code <wsqualitor>} request reaches Qualitor and its answer comes back: a form post to
 * the stateless endpoint, or a SOAP call with a login token. {@link QualitorClient} picks one from
 * {@code qualitor.mode}; nothing above it knows which.
 *
 * <p>Implementations throw {@link QualitorException.Unavailable} or {@link QualitorException.Malformed}
 * when no readable answer came, and return answers with {@code status 0} for the client to turn
 * into {@link QualitorException.Refused}.
 */
sealed interface WsTransport extends AutoCloseable permits StatelessTransport, SoapTransport {

    Charset LATIN1 = StandardCharsets.ISO_8859_1;

    /**
     * The JDK's HttpURLConnection, under the JAX-RS clients here, silently sends a buffered POST a
     * second time when the connection drops before the answer starts: a ticket could be opened
     * twice behind the outbox's back. A body streamed with its length declared is never resent.
     */
    String FIXED_LENGTH_STREAMING = "jersey.config.client.httpUrlConnector.useFixedLengthStreaming";

    /** Declares a byte body's length, so it is streamed (see {@link #FIXED_LENGTH_STREAMING}). */
    jakarta.ws.rs.client.ClientRequestFilter DECLARED_LENGTH = request -> {
        if (request.getEntity() instanceof byte[] body) {
            request.getHeaders().putSingle("Content-Length", body.length);
        }
    };

    /** What stands for the password in a request shown to a person. */
    String MASK = "********";

    WsResponse exchange(String service, String operation, WsRequest request);

    /** The request exactly as {@link #exchange} would send it, with the password masked (the setup check shows it). */
    String preview(String service, String operation, WsRequest request);

    @Override
    void close();

    static Charset charsetOf(MediaType type) {
        if (type != null) {
            String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return LATIN1;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static void closeQuietly(Object api) {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a client that failed is not worth reporting
            }
        }
    }
}
