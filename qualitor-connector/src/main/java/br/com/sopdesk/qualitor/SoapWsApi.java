package br.com.sopdesk.qualitor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Qualitor's SOAP services ({@code WSTicket}, {@code WSGeneral}) as a MicroProfile REST Client: the
 * SOAP 1.1 envelope is written and read by {@link SoapEnvelope} (Qualitor publishes no WSDL we
 * could generate stubs from), and travels as ISO-8859-1 bytes with its {@code SOAPAction}.
 */
@Path("/ws/services/service.php")
public interface SoapWsApi {

    @POST
    @Consumes("text/xml; charset=ISO-8859-1")
    Response call(@QueryParam("wsdl") String service, @HeaderParam("SOAPAction") String soapAction, byte[] envelope);
}
