package br.com.sopdesk.qualitor;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@code qualitor.mode=soap}: {@code login(login, passwd, company)} once for a token, then every
 * operation as {@code op(auth, xmlValue)} on {@code ws/services/service.php?wsdl=<service>}, the
 * same {@code <wsqualitor>} documents as the stateless mode travelling as strings inside SOAP 1.1
 * envelopes ({@link SoapEnvelope}).
 *
 * <p>The token is cached and shared by all threads. When Qualitor says it is invalid or expired (a
 * SOAP Fault or a {@code status 0} answer about the token or the session), this logs in again and
 * repeats the call once: a call refused for its token did nothing, so repeating it cannot duplicate.
 * A login refused, or a token refused again right after a fresh login, is
 * {@link QualitorException.Unauthorized}: an outage on SOP Desk's side, retried later.
 * The password goes only into the login envelope; it is never logged nor put in an exception.
 */
final class SoapTransport implements WsTransport {

    /** {@code getVersion} needs no login (Qualitor answers it to anyone). */
    private static final String NO_AUTH_OPERATION = "getVersion";

    private final QualitorSettings settings;
    private final SoapWsApi api;
    private final Object loginLock = new Object();
    private volatile String token;

    SoapTransport(QualitorSettings settings) {
        this.settings = settings;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(settings.baseUri())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // SOAP faults come with HTTP 500: their envelope is read here, not turned into an exception
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(SoapWsApi.class);
    }

    @Override
    public WsResponse exchange(String service, String operation, WsRequest request) {
        String xml = request.toXml(settings.xmlDeclaration());
        if (NO_AUTH_OPERATION.equals(operation)) {
            return answerOf(operation, invoke(service, operation, new LinkedHashMap<>()));
        }
        String used = token(service);
        try {
            return call(service, operation, used, xml);
        } catch (TokenRejected first) {
            forget(used);
            try {
                return call(service, operation, token(service), xml);
            } catch (TokenRejected again) {
                // a token refused right after a fresh login: the integration user may not do this
                throw new QualitorException.Unauthorized(again.code, again.getMessage());
            }
        }
    }

    private WsResponse call(String service, String operation, String auth, String xml) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("auth", auth);
        parts.put("xmlValue", xml);
        SoapEnvelope.Answer answer = invoke(service, operation, parts);
        if (answer.fault() != null) {
            if (aboutToken(answer.fault().message())) {
                throw new TokenRejected(answer.fault().code(), answer.fault().message());
            }
            throw faultError(operation, answer.fault());
        }
        WsResponse response = answerOf(operation, answer);
        if (!response.ok() && aboutToken(response.message())) {
            throw new TokenRejected(response.errorCode(), response.message());
        }
        return response;
    }

    /** The cached token, or a new one from {@code login}: one login at a time, shared by every caller. */
    String token(String service) {
        String current = token;
        if (current != null) {
            return current;
        }
        synchronized (loginLock) {
            if (token == null) {
                token = login(service);
            }
            return token;
        }
    }

    private void forget(String used) {
        synchronized (loginLock) {
            if (used != null && used.equals(token)) {
                token = null;
            }
        }
    }

    private String login(String service) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("login", settings.user());
        parts.put("passwd", settings.password());
        parts.put("company", settings.company());
        SoapEnvelope.Answer answer = invoke(service, "login", parts);
        if (answer.fault() != null) {
            if (answer.fault().code().toLowerCase(Locale.ROOT).startsWith("client")) {
                throw new QualitorException.Unauthorized(answer.fault().code(), answer.fault().message());
            }
            throw faultError("login", answer.fault());
        }
        String value = answer.value() == null ? "" : answer.value().strip();
        if (value.startsWith("<")) {
            // some installations answer the login with a <wsqualitor> document
            WsResponse response = WsResponse.parse(value);
            if (!response.ok()) {
                throw new QualitorException.Unauthorized(response.errorCode(), response.message());
            }
            value = response.items().isEmpty() ? "" : response.single().getOrDefault("token", "").strip();
        }
        if (value.isEmpty()) {
            throw new QualitorException.Malformed("login sem token na resposta");
        }
        return value;
    }

    private SoapEnvelope.Answer invoke(String service, String operation, Map<String, String> parts) {
        byte[] envelope = SoapEnvelope.request(service, operation, parts);
        Response response;
        try {
            response = api.call(service, SoapEnvelope.soapAction(service, operation), envelope);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new QualitorException.Unavailable("HTTP " + status + " em " + operation, e, status);
        } catch (ProcessingException e) {
            throw new QualitorException.Unavailable(WsTransport.rootMessage(e) + " em " + operation, e);
        }
        try (response) {
            int status = response.getStatus();
            byte[] bytes = response.readEntity(byte[].class);
            bytes = bytes == null ? new byte[0] : bytes;
            if (status >= 300) {
                // a SOAP server reports faults with HTTP 500 and an envelope; anything else is an HTTP failure
                if (status == 500 && looksLikeXml(bytes)) {
                    try {
                        SoapEnvelope.Answer answer = SoapEnvelope.parse(bytes, WsTransport.charsetOf(response.getMediaType()));
                        if (answer.fault() != null) {
                            return answer;
                        }
                    } catch (QualitorException.Malformed notAnEnvelope) {
                        // fall through: a plain HTTP 500
                    }
                }
                throw new QualitorException.Unavailable("HTTP " + status + " em " + operation, null, status);
            }
            return SoapEnvelope.parse(bytes, WsTransport.charsetOf(response.getMediaType()));
        } catch (ProcessingException e) {
            throw new QualitorException.Unavailable(WsTransport.rootMessage(e) + " ao ler a resposta de " + operation, e);
        }
    }

    private static WsResponse answerOf(String operation, SoapEnvelope.Answer answer) {
        if (answer.fault() != null) {
            throw faultError(operation, answer.fault());
        }
        String value = answer.value() == null ? "" : answer.value().strip();
        if (!value.startsWith("<")) {
            // getVersion may answer the bare version string
            if ("getVersion".equals(operation) && !value.isEmpty()) {
                return new WsResponse(true, "", "", java.util.List.of(Map.of("version", value)));
            }
            throw new QualitorException.Malformed("resposta SOAP de " + operation + " não é um documento wsqualitor");
        }
        return WsResponse.parse(value);
    }

    /**
     * A fault the client caused ({@code Client}: bad credentials, bad request) is a refusal that
     * sending again will not fix; a server-side fault may pass, and may come after the work was done.
     */
    private static QualitorException faultError(String operation, SoapEnvelope.Fault fault) {
        if (fault.code().toLowerCase(Locale.ROOT).startsWith("client")) {
            return QualitorException.refusal(operation, fault.code(), fault.message());
        }
        return new QualitorException.Unavailable("SOAP Fault " + fault.code() + " em " + operation + ": " + fault.message(), null, 500);
    }

    /** Whether Qualitor's message says the token or the session is invalid or expired. */
    static boolean aboutToken(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("token") || m.contains("sess") || m.contains("autentica") || m.contains("authentica")
                || m.contains("not logged") || m.contains("não logado") || m.contains("nao logado");
    }

    private static boolean looksLikeXml(byte[] body) {
        for (byte b : body) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** Qualitor refused the token: log in again and repeat once. */
    private static final class TokenRejected extends RuntimeException {
        final String code;

        TokenRejected(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    @Override
    public void close() {
        WsTransport.closeQuietly(api);
    }
}
