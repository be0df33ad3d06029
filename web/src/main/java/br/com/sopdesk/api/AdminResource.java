package br.com.sopdesk.api;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.audit.entity.AuditEntry;
import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopBundleYaml;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * Administration (role {@code admin}): categories, SOP bundle import (publish a new version) and
 * export, and the audit trail. Every change is recorded in the audit trail by the services.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminResource {

    @Inject
    Categories categories;

    @Inject
    SopCatalog catalog;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    /** A category with the SOPs (latest versions) that classify their tickets with it. */
    public record CategoryView(String code, String name, boolean active, List<String> usedBy) {
    }

    /** A category change. */
    public record CategoryChange(String name, Boolean active) {
    }

    /** One line of the audit trail. */
    public record AuditView(long id, String at, String actor, String action, String subject, String detail) {
        static AuditView of(AuditEntry a) {
            return new AuditView(a.getId(), a.getAt().toString(), a.getActor(), a.getAction(), a.getSubject(), a.getDetail());
        }
    }

    /** A refused bundle: each problem with its line. */
    public record BundleRefusal(String message, List<Map<String, Object>> problems) {
    }

    @GET
    @Path("categories")
    public List<CategoryView> categories() {
        Map<String, List<String>> usage = catalog.categoryUsage();
        return categories.all().stream()
                .map(c -> new CategoryView(c.getCode(), c.getName(), c.isActive(), usage.getOrDefault(c.getCode(), List.of())))
                .toList();
    }

    @PUT
    @Path("categories/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveCategory(@PathParam("code") String code, CategoryChange change) {
        try {
            Category saved = categories.save(code, change == null ? null : change.name(), change == null || change.active() == null || change.active(), admin());
            return Response.ok(new CategoryView(saved.getCode(), saved.getName(), saved.isActive(), List.of())).build();
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(Map.of("message", e.getMessage())).build();
        }
    }

    @POST
    @Path("sops")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/yaml", "application/x-yaml", "text/yaml"})
    public Response importBundle(String text) {
        try {
            SopBundle published = catalog.publish(text, admin());
            return Response.status(201).entity(new SopResource.SopSummary(published.id(), published.version(), published.seed(),
                    published.title(), published.summary(), published.keywords(), published.certificateTypes())).build();
        } catch (InvalidBundleException e) {
            List<Map<String, Object>> problems = e.problems().stream()
                    .map(p -> Map.<String, Object>of("line", p.line(), "reason", p.reason())).toList();
            return Response.status(422).entity(new BundleRefusal("Pacote de SOP recusado: nada foi publicado.", problems)).build();
        }
    }

    @GET
    @Path("sops/{id}/export")
    public Response export(@PathParam("id") String id, @QueryParam("version") Integer version,
                           @QueryParam("format") @DefaultValue("json") String format) {
        String json = catalog.text(id, version).orElseThrow(() -> new NotFoundException("SOP não encontrado: " + id));
        boolean yaml = "yaml".equalsIgnoreCase(format);
        String file = id + (version == null ? "" : "-v" + version) + (yaml ? ".yaml" : ".json");
        return Response.ok(yaml ? SopBundleYaml.fromJson(json) : json)
                .type(yaml ? "application/yaml;charset=UTF-8" : MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @GET
    @Path("audit")
    public List<AuditView> audit(@QueryParam("limit") @DefaultValue("200") int limit) {
        return audit.latest(limit).stream().map(AuditView::of).toList();
    }

    private String admin() {
        return security.getUserPrincipal().getName();
    }
}
