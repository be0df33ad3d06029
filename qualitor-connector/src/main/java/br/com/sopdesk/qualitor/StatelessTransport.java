package br.com.sopdesk.qualitor;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code qualitor.mode=stateless}: every call is a form post to {@code ws/statelessws.php} carrying
 * the credentials, the service ({@code wsdl_file}, spelled as {@code qualitor.wsdl-file} says), the
 * operation and the request document ({@code input_xml}), percent-encoded from the bytes of the
 * configured encoding, which the content type and the document's declaration (or its absence,
 * meaning UTF-8) both name. The body travels as bytes through the JAX-RS client, so SOP Desk, not
 * the client, chooses its charset.
 */
final class StatelessTransport implements WsTransport {

    private final QualitorSettings settings;
    private final Client http;
    private final WebTarget endpoint;
    private final String contentType;

    StatelessTransport(QualitorSettings settings) {
        this.settings = settings;
        this.http = ClientBuilder.newBuilder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(FIXED_LENGTH_STREAMING, true)
                .register(DECLARED_LENGTH)
                .build();
        String base = settings.baseUri().toString();
        this.endpoint = http.target((base.endsWith("/") ? base : base + "/") + "ws/statelessws.php");
        this.contentType = "application/x-www-form-urlencoded; charset=" + settings.encoding().charset().name();
    }

    @Override
    public WsResponse exchange(String service, String operation, WsRequest request) {
        byte[] body = formBody(service, operation, request);
        Response response;
        try {
            response = endpoint.request().post(Entity.entity(body, contentType));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new QualitorException.Unavailable("HTTP " + status + " em " + operation, e, status);
        } catch (ProcessingException e) {
            throw new QualitorException.Unavailable(WsTransport.rootMessage(e) + " em " + operation, e);
        }
        try (response) {
            if (response.getStatus() >= 300) {
                throw new QualitorException.Unavailable("HTTP " + response.getStatus() + " em " + operation, null, response.getStatus());
            }
            byte[] bytes = response.readEntity(byte[].class);
            return WsResponse.parse(bytes == null ? new byte[0] : bytes, WsTransport.charsetOf(response.getMediaType()));
        } catch (ProcessingException e) {
            throw new QualitorException.Unavailable(WsTransport.rootMessage(e) + " ao ler a resposta de " + operation, e);
        }
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
        http.close();
    }
}
