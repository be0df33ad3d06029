package br.com.sopdesk.qualitor;

import java.util.Optional;

/**
 * The one place a request goes out: through the configured transport, a {@code status 0} answer
 * becoming a classified refusal. Apart from the operations so that what every call shares (the
 * refusal, and whether Qualitor last refused SOP Desk's own login) is written once.
 *
 * <p>Thread-safe, like the client that owns it.
 */
final class Exchange implements AutoCloseable {

    private final WsTransport transport;
    private volatile String credentialsRefusal;

    Exchange(QualitorSettings settings) {
        this.transport = switch (settings.mode()) {
            case STATELESS -> new StatelessTransport(settings);
            case SOAP -> new SoapTransport(settings);
        };
    }

    WsTransport transport() {
        return transport;
    }

    /**
     * Sends the request and answers Qualitor's reply, or throws its refusal. Remembers whether
     * Qualitor refused SOP Desk's own login ({@link #credentialsRefusal}), cleared by the next call
     * that logs in fine ({@code getVersion} needs no login, so it tells nothing either way).
     */
    WsResponse call(String service, String operation, WsRequest request) {
        WsResponse answer;
        try {
            answer = transport.exchange(service, operation, request);
        } catch (QualitorException.Unauthorized e) {
            credentialsRefusal = e.getMessage();
            throw e;
        }
        if (!answer.ok()) {
            QualitorException refusal = QualitorException.refusal(operation, answer.errorCode(), answer.message());
            if (refusal instanceof QualitorException.Unauthorized) {
                credentialsRefusal = refusal.getMessage();
            } else if (!"getVersion".equals(operation)) {
                credentialsRefusal = null;
            }
            throw refusal;
        }
        if (!"getVersion".equals(operation)) {
            credentialsRefusal = null;
        }
        return answer;
    }

    /** The request exactly as {@link #call} would send it, password masked, nothing sent. */
    String preview(String service, String operation, WsRequest request) {
        return transport.preview(service, operation, request);
    }

    /** Qualitor's refusal of SOP Desk's login on the latest authenticated call, if it refused it. */
    Optional<String> credentialsRefusal() {
        return Optional.ofNullable(credentialsRefusal);
    }

    @Override
    public void close() {
        transport.close();
    }
}
