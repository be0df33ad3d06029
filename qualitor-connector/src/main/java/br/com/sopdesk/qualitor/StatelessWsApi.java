package br.com.sopdesk.qualitor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Qualitor's stateless web-service endpoint as a MicroProfile REST Client. The form body is
 * encoded by {@link StatelessTransport} in the configured encoding, which is why it travels as
 * bytes rather than as {@code @FormParam}s (whose charset the client would choose), with the
 * content type that names that encoding.
 */
@Path("/ws/statelessws.php")
public interface StatelessWsApi {

    @POST
    @Consumes("application/x-www-form-urlencoded; charset=ISO-8859-1")
    Response callLatin1(byte[] formBody);

    @POST
    @Consumes("application/x-www-form-urlencoded; charset=UTF-8")
    Response callUtf8(byte[] formBody);
}
