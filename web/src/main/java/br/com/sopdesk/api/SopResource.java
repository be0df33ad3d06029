package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * The SOP catalog: {@code GET /api/sops?q=words} lists the latest version of each SOP in service
 * (matching the words, accents and case ignored; retired SOPs left out); {@code GET /api/sops/{id}}
 * and {@code .../versions/{v}} give one bundle whole, as published (a retired SOP's latest is
 * refused, its versions stay readable for the tickets made with them).
 */
@Path("sops")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SopResource {

    @EJB
    SopCatalog catalog;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** One line of the catalog. */
    public record SopSummary(String id, int version, String seed, String title, String summary, List<String> keywords,
                             List<String> certificateTypes) {
        static SopSummary of(SopBundle b) {
            return new SopSummary(b.id(), b.version(), b.seed(), b.title(), b.summary(), b.keywords(), b.certificateTypes());
        }
    }

    @GET
    public List<SopSummary> list(@QueryParam("q") String query) {
        String user = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        return catalog.search(query, user).stream().map(SopSummary::of).toList();
    }

    /** The latest version, to walk: 422 for a retired SOP, which starts no new walk (its versions stay readable below). */
    @GET
    @Path("{id}")
    public Response latest(@PathParam("id") String id) {
        String text = catalog.text(id, null).orElseThrow(() -> new NotFoundException(ApiMessages.text(headers, "sop.unknown", id)));
        if (catalog.retired(id)) {
            return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(Map.of("message", ApiMessages.text(headers, "sop.retired", id))).build();
        }
        return Response.ok(text).build();
    }

    @GET
    @Path("{id}/versions/{version}")
    public String version(@PathParam("id") String id, @PathParam("version") int version) {
        return catalog.text(id, version).orElseThrow(() -> new NotFoundException(ApiMessages.text(headers, "sop.version.unknown", id, String.valueOf(version))));
    }
}
