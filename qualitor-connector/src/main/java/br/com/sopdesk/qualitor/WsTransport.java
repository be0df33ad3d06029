package br.com.sopdesk.qualitor;


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

    /** What stands for the password in a request shown to a person. */
    String MASK = "********";

    WsResponse exchange(String service, String operation, WsRequest request);

    /** The request exactly as {@link #exchange} would send it, with the password masked (the setup check shows it). */
    String preview(String service, String operation, WsRequest request);

    @Override
    void close();

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
