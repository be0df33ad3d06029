package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.sla.control.ChangeAnnouncements;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Where Qualitor's service flow tells SOP Desk that a demand changed (role {@code integration}, the
 * integration's secret: see {@code IntegrationCaller}), so its SLA clocks read it at the next scan
 * instead of at their cadence. The call decides nothing by itself: the read does. Every well-formed
 * call gets the same answer, whether the demand has an open clock or not, is one of SOP Desk's or
 * not, or its read was already waiting, so the caller learns nothing about which demands exist.
 */
@Path("qualitor/demand-changed")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class QualitorInboundResource {

    @EJB
    ChangeAnnouncements announcements;

    @Context
    HttpHeaders headers;

    /** The answer to every well-formed call. */
    public record Received(String cdchamado, boolean received) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response demandChanged(@QueryParam(DemandChangeNotice.FIELD) List<String> query, InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(DemandChangeNotice.MAX_BODY + 1);
        if (bytes.length > DemandChangeNotice.MAX_BODY) {
            return refusal(413, ApiMessages.text(ApiErrors.locale(headers), "body.too-large", DemandChangeNotice.MAX_BODY / 1024));
        }
        DemandChangeNotice.Read read = DemandChangeNotice.read(headers.getMediaType(), bytes, query);
        if (read.refusal() != null) {
            return refusal(400, ApiMessages.text(ApiErrors.locale(headers), read.refusal()));
        }
        announcements.announced(read.demand());
        return Response.ok(new Received(read.demand(), true)).build();
    }

    private static Response refusal(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(Map.of("message", message)).build();
    }
}
