package br.com.sopdesk.qualitor;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code qualitor.mode=stateless}: every call is a form post to {@code ws/statelessws.php} carrying
 * the credentials, the service ({@code wsdl_file}, spelled as {@code qualitor.wsdl-file} says), the
 * operation and the request document ({@code input_xml}), percent-encoded from the bytes of the
 * configured encoding, which the content type and the document's declaration (or its absence,
 * meaning UTF-8) both name ({@link Http}).
 */
final class StatelessTransport implements WsTransport {

    private final QualitorSettings settings;
    private final Http http;
    private final URI endpoint;
    private final String contentType;

    StatelessTransport(QualitorSettings settings) {
        this.settings = settings;
        this.http = new Http(settings.connectTimeout(), settings.readTimeout());
        String base = settings.baseUri().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "ws/statelessws.php");
        this.contentType = "application/x-www-form-urlencoded; charset=" + settings.encoding().charset().name();
    }

    @Override
    public WsResponse exchange(String service, String operation, WsRequest request) {
        Http.Reply reply = http.post(endpoint, contentType, Map.of(), formBody(service, operation, request), operation);
        if (reply.status() >= 300) {
            throw new QualitorException.Unavailable(Wording.of("connector.http.status", reply.status(), operation), null, reply.status());
        }
        return WsResponse.parse(reply.body(), Http.orLatin1(reply.charset()));
    }

    byte[] formBody(String service, String operation, WsRequest request) {
        return form(service, operation, request, settings.password()).getBytes(StandardCharsets.US_ASCII);
    }

    private String form(String service, String operation, WsRequest request, String password) {
        return "user=" + enc(settings.user())
                + "&password=" + enc(password)
                + "&company=" + enc(settings.company())
                + "&wsdl_file=" + enc(settings.wsdlFile().spell(service))
                + "&operation=" + enc(operation)
                + "&input_xml=" + enc(request.toXml(settings.encoding()));
    }

    @Override
    public String preview(String service, String operation, WsRequest request) {
        return "POST " + settings.baseUri() + "/ws/statelessws.php\nContent-Type: application/x-www-form-urlencoded; charset="
                + settings.encoding().charset().name() + "\n\n" + form(service, operation, request, MASK);
    }

    private String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, settings.encoding().charset());
    }

    @Override
    public void close() {
        // the JDK's client holds no connection open between calls that needs closing here
    }
}
