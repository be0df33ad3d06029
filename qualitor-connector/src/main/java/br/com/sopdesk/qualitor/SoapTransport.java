package br.com.sopdesk.qualitor;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code qualitor.mode=soap}, as real clients speak it: each service's WSDL ({@code qualitor.soap.wsdl},
 * e.g. {@code ws/services/Ticket/WSTicket.wsdl}) is read at run time for the endpoint, namespace,
 * SOAPAction and part names ({@link Wsdl}); each service logs in once ({@code login(user, pass,
 * company)}) and passes its token as the first part of every call, sending back the cookies that
 * service set (a PHP session may hold the login). The same {@code <wsqualitor>} documents as the
 * stateless mode travel as strings inside the envelopes ({@link SoapEnvelope}).
 *
 * <p>When an answer reads as the session being gone, this logs that service in again and repeats
 * the call once (a call refused for its token did nothing, so repeating it cannot duplicate); what
 * comes back then is reported as it is. Only a refused {@code login} is
 * {@link QualitorException.Unauthorized}. The calls go through {@link Http} (the endpoint is only
 * known once the WSDL is read). The password goes only into the login envelope; it is never logged
 * nor put in an exception.
 */
final class SoapTransport implements WsTransport {

    /** {@code getVersion} needs no login (Qualitor answers it to anyone). */
    private static final String NO_AUTH_OPERATION = "getVersion";

    private final QualitorSettings settings;
    private final Http http;
    private final Map<String, Port> ports = new ConcurrentHashMap<>();

    SoapTransport(QualitorSettings settings) {
        this.settings = settings;
        this.http = new Http(settings.connectTimeout(), settings.readTimeout());
    }

    /** One service as this client knows it: its WSDL, its token and its cookies. */
    private final class Port {
        final String service;
        final Object loginLock = new Object();
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        volatile Wsdl wsdl;
        volatile String token;
        final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();

        Port(String service) {
            this.service = service;
        }

        Wsdl wsdl() {
            Wsdl known = wsdl;
            if (known == null) {
                synchronized (loginLock) {
                    if (wsdl == null) {
                        wsdl = readWsdl(service);
                    }
                    known = wsdl;
                }
            }
            return known;
        }

        Wsdl.Operation operation(String name) {
            return wsdl().operation(name).orElseThrow(() -> new QualitorException.Refused(RefusalKind.OTHER, "", "WSDL " + wsdlUri(service) + ": " + name,
                    Wording.of("connector.refused.no-operation", name, service, wsdlUri(service))));
        }

        String token() {
            String current = token;
            if (current != null) {
                return current;
            }
            synchronized (loginLock) {
                if (token == null) {
                    token = login(this);
                    logins.incrementAndGet();
                }
                return token;
            }
        }

        void forget(String used) {
            synchronized (loginLock) {
                if (used != null && used.equals(token)) {
                    token = null;
                }
            }
        }
    }

    /** Where the service's WSDL is: {@code qualitor.soap.wsdl} with {@code {service}} and {@code {group}} (the name without "WS"). */
    URI wsdlUri(String service) {
        String group = service.startsWith("WS") ? service.substring(2) : service;
        String path = settings.soapWsdl().replace("{service}", service).replace("{group}", group);
        String base = settings.baseUri().toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private Wsdl readWsdl(String service) {
        URI uri = wsdlUri(service);
        Http.Reply reply = http.get(uri, "leitura do WSDL " + uri);
        if (reply.status() >= 300) {
            throw new QualitorException.Unavailable(Wording.of("connector.wsdl.status", reply.status(), uri), null, reply.status());
        }
        return Wsdl.parse(reply.body(), uri);
    }

    private Port port(String service) {
        return ports.computeIfAbsent(service, Port::new);
    }

    /** The endpoint the service's WSDL names (reads the WSDL when not read yet). */
    URI endpoint(String service) {
        return port(service).wsdl().endpoint();
    }

    /** Makes sure the service has a token, logging in when it has none (the setup check). */
    void login(String service) {
        port(service).token();
    }

    /** How many times each service has logged in (tests, the setup check). */
    Map<String, Integer> logins() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ports.forEach((s, p) -> counts.put(s, p.logins.get()));
        return counts;
    }

    @Override
    public WsResponse exchange(String service, String operation, WsRequest request) {
        Port port = port(service);
        if (NO_AUTH_OPERATION.equals(operation)) {
            return answerOf(operation, invoke(port, operation, List.of()));
        }
        String xml = request.toXml(settings.encoding());
        String used = port.token();
        try {
            return call(port, operation, used, xml);
        } catch (TokenRejected first) {
            port.forget(used);
            try {
                return call(port, operation, port.token(), xml);
            } catch (TokenRejected again) {
                // a fresh login's token refused too: report Qualitor's answer as it is
                if (again.fault != null) {
                    throw faultError(operation, again.fault);
                }
                return again.answer;
            }
        }
    }

    @Override
    public String preview(String service, String operation, WsRequest request) {
        Port port = port(service);
        Wsdl.Operation op = port.operation(operation);
        byte[] envelope = SoapEnvelope.request(op.namespace(), operation,
                parts(op, List.of("<token " + service + ">", request.toXml(settings.encoding()))), settings.encoding());
        return "POST " + port.wsdl().endpoint() + "\nContent-Type: text/xml; charset=" + settings.encoding().charset().name()
                + "\nSOAPAction: \"" + op.soapAction() + "\"\n\n" + new String(envelope, settings.encoding().charset());
    }

    private WsResponse call(Port port, String operation, String auth, String xml) {
        SoapEnvelope.Answer answer = invoke(port, operation, List.of(auth, xml));
        if (answer.fault() != null) {
            if (aboutToken(answer.fault().message())) {
                throw new TokenRejected(answer.fault(), null);
            }
            throw faultError(operation, answer.fault());
        }
        WsResponse response = answerOf(operation, answer);
        if (!response.ok() && aboutToken(response.message())) {
            throw new TokenRejected(null, response);
        }
        return response;
    }

    private String login(Port port) {
        port.cookies.clear();
        SoapEnvelope.Answer answer = invoke(port, "login", List.of(settings.user(), settings.password(), settings.company()));
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
            throw new QualitorException.Malformed(Wording.of("connector.answer.no-token"));
        }
        return value;
    }

    /** The values in the order of the operation's input parts, named as the WSDL names them. */
    private static Map<String, String> parts(Wsdl.Operation op, List<String> values) {
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> names = op.inputParts();
        for (int i = 0; i < values.size(); i++) {
            parts.put(i < names.size() ? names.get(i) : "arg" + i, values.get(i));
        }
        return parts;
    }

    private SoapEnvelope.Answer invoke(Port port, String operation, List<String> values) {
        Wsdl.Operation op = port.operation(operation);
        byte[] envelope = SoapEnvelope.request(op.namespace(), operation, parts(op, values), settings.encoding());
        URI endpoint = port.wsdl().endpoint();
        Map<String, String> headers = new LinkedHashMap<>(Http.cookieHeader(port.cookies));
        headers.put("SOAPAction", "\"" + op.soapAction() + "\"");
        Http.Reply reply = http.post(endpoint, "text/xml; charset=" + settings.encoding().charset().name(), headers, envelope, operation);
        port.cookies.putAll(reply.cookies());
        int status = reply.status();
        byte[] bytes = reply.body();
        if (status >= 300) {
            // a SOAP server reports faults with HTTP 500 and an envelope; anything else is an HTTP failure
            if (status == 500 && looksLikeXml(bytes)) {
                try {
                    SoapEnvelope.Answer answer = SoapEnvelope.parse(bytes, Http.orLatin1(reply.charset()));
                    if (answer.fault() != null) {
                        return answer;
                    }
                } catch (QualitorException.Malformed notAnEnvelope) {
                    // fall through: a plain HTTP 500
                }
            }
            if (status == 404) {
                port.wsdl = null; // the service may have moved: read its WSDL again next time
            }
            throw new QualitorException.Unavailable(Wording.of("connector.http.status", status, operation), null, status);
        }
        return SoapEnvelope.parse(bytes, Http.orLatin1(reply.charset()));
    }

    private static WsResponse answerOf(String operation, SoapEnvelope.Answer answer) {
        if (answer.fault() != null) {
            throw faultError(operation, answer.fault());
        }
        String value = answer.value() == null ? "" : answer.value().strip();
        if (!value.startsWith("<")) {
            // getVersion may answer the bare version string
            if ("getVersion".equals(operation) && !value.isEmpty()) {
                return new WsResponse(true, "", "", List.of(Map.of("version", value)));
            }
            throw new QualitorException.Malformed(Wording.of("connector.answer.not-wsqualitor", operation));
        }
        return WsResponse.parse(value);
    }

    /**
     * A fault the client caused ({@code Client}) is Qualitor's refusal, carrying its words; a
     * server-side fault may pass, and may come after the work was done.
     */
    private static QualitorException faultError(String operation, SoapEnvelope.Fault fault) {
        if (fault.code().toLowerCase(Locale.ROOT).startsWith("client")) {
            return QualitorException.refusal(operation, fault.code(), fault.message());
        }
        return new QualitorException.Unavailable(Wording.of("connector.soap.fault", fault.code(), operation, fault.message()), null, 500);
    }

    /**
     * Whether Qualitor's message reads as the token or the session being gone. A guess, used only to
     * decide whether to log in again and repeat once (harmless when wrong), never to classify.
     */
    static boolean aboutToken(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("token") || m.contains("sess") || m.contains("autentica") || m.contains("authentica")
                || m.contains("not logged") || m.contains("não logado") || m.contains("nao logado") || m.contains("login");
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

    /** Qualitor's answer reads as the token being refused: log in again and repeat once. */
    private static final class TokenRejected extends RuntimeException {
        final transient SoapEnvelope.Fault fault;
        final transient WsResponse answer;

        TokenRejected(SoapEnvelope.Fault fault, WsResponse answer) {
            super(null, null, false, false);
            this.fault = fault;
            this.answer = answer;
        }
    }

    @Override
    public void close() {
        // the JDK's client holds no connection open between calls that needs closing here
    }
}
