package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.audit.control.AuditCsv;
import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.audit.entity.AuditEntry;
import br.com.sopdesk.audit.entity.AuditQuery;
import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.privacy.control.Masking;
import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.RetirementRefused;
import br.com.sopdesk.sop.control.SopDiff;
import br.com.sopdesk.sop.control.SopBundleYaml;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.BundleCheck;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopRetirement;
import jakarta.ejb.EJB;
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
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import br.com.sopdesk.sop.entity.SopLimits;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Administration (role {@code admin}): categories, SOP bundle import (publish a new version),
 * export, comparing two versions, retiring and restoring a SOP, and the audit trail (search and CSV export, personal data masked). Every change is
 * recorded in the audit trail by the services. Users are in {@link UserResource}.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminResource {

    @EJB
    Categories categories;

    @EJB
    SopCatalog catalog;

    @EJB
    AuditLog audit;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /**
     * A category with the SOPs (latest versions) that classify their tickets with it, and what
     * Qualitor calls the code with when that was read (both null until a setup check reads it back).
     */
    public record CategoryView(String code, String name, boolean active, List<String> usedBy, String qualitorName, String qualitorNameAt) {

        static CategoryView of(Category c, List<String> usedBy) {
            return new CategoryView(c.getCode(), c.getName(), c.isActive(), usedBy, c.getQualitorName(),
                    c.getQualitorNameAt() == null ? null : c.getQualitorNameAt().toString());
        }
    }

    /** A category change; {@code active} is taken as JSON gives it, so that {@code "maybe"} is refused rather than read as false. */
    public record CategoryChange(String name, Object active) {
    }

    /** One line of the audit trail. */
    public record AuditView(long id, String at, String actor, String action, String subject, String detail) {
        static AuditView of(AuditEntry a) {
            return new AuditView(a.getId(), a.getAt().toString(), a.getActor(), a.getAction(), Masking.text(a.getSubject()), Masking.text(a.getDetail()));
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
                .map(c -> CategoryView.of(c, usage.getOrDefault(c.getCode(), List.of())))
                .toList();
    }

    @PUT
    @Path("categories/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveCategory(@PathParam("code") String code, CategoryChange change) {
        Object active = change == null ? null : change.active();
        if (active != null && !(active instanceof Boolean)) {
            return Response.status(422).entity(Map.of("message", ApiMessages.text(ApiErrors.locale(headers), "category.active"))).build();
        }
        try {
            Category saved = categories.save(code, change == null ? null : change.name(), active == null || (Boolean) active, admin());
            return Response.ok(CategoryView.of(saved, catalog.categoryUsage().getOrDefault(saved.getCode(), List.of()))).build();
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(Map.of("message", UserFacing.textOf(e).in(ApiErrors.locale(headers)))).build();
        } catch (EJBException e) {
            // the entity's refusal (empty, invalid or over-long), wrapped by the container
            if (e.getCause() instanceof IllegalArgumentException refused) {
                return Response.status(422).entity(Map.of("message", UserFacing.textOf(refused).in(ApiErrors.locale(headers)))).build();
            }
            throw e;
        }
    }

    @POST
    @Path("sops")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/yaml", "application/x-yaml", "text/yaml"})
    public Response importBundle(InputStream body) throws IOException {
        Locale locale = ApiErrors.locale(headers);
        try {
            SopLimits limits = SopLimits.configured();
            byte[] bytes = body.readNBytes(limits.maxBytes() + 1);
            if (bytes.length > limits.maxBytes()) {
                throw InvalidBundleException.tooLarge(limits.maxBytes());
            }
            SopBundle published = catalog.publish(new String(bytes, StandardCharsets.UTF_8), admin());
            return Response.status(201).entity(new SopResource.SopSummary(published.id(), published.version(), published.seed(),
                    published.title(), published.summary(), published.keywords(), published.certificateTypes())).build();
        } catch (InvalidBundleException e) {
            List<Map<String, Object>> problems = e.problems().stream()
                    .map(p -> problem(p, locale)).toList();
            return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(new BundleRefusal(ApiMessages.text(locale, e.httpStatus() == 413 ? "sop.too-large" : "sop.refused"), problems)).build();
        }
    }

    /** A problem of a refused bundle: its line and reason, and the node or field it belongs to when it has one. */
    private static Map<String, Object> problem(BundleCheck.Problem p, Locale locale) {
        Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("line", p.line());
        problem.put("reason", p.text().in(locale));
        if (p.node() != null) {
            problem.put("node", p.node());
        }
        if (p.field() != null) {
            problem.put("field", p.field());
        }
        return problem;
    }

    @GET
    @Path("sops/{id}/export")
    public Response export(@PathParam("id") String id, @QueryParam("version") Integer version,
                           @QueryParam("format") @DefaultValue("json") String format) {
        String json = catalog.text(id, version).orElseThrow(() -> new NotFoundException(ApiMessages.text(headers, "sop.unknown", id)));
        boolean yaml = "yaml".equalsIgnoreCase(format);
        String file = id + (version == null ? "" : "-v" + version) + (yaml ? ".yaml" : ".json");
        return Response.ok(yaml ? SopBundleYaml.fromJson(json) : json)
                .type(yaml ? "application/yaml;charset=UTF-8" : MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** Why an administrator retires or restores a SOP. */
    public record ReasonRequest(String reason) {
    }

    /** A SOP's retirement as it stands: {@code retired} with why, by whom and when, or in service. */
    public record RetirementView(String sopId, boolean retired, String reason, String retiredBy, String retiredAt) {
        static RetirementView of(SopRetirement r) {
            return new RetirementView(r.getSopId(), true, r.getReason(), r.getRetiredBy(), r.getRetiredAt().toString());
        }
    }

    /** What changed from version {@code from} to version {@code to} of a SOP. */
    public record DiffView(String sopId, int from, int to, List<SopDiff.Change> changes) {
    }

    /** The changes between two published versions ({@link SopDiff}); 400 without two version numbers, 404 for an unknown SOP or version. */
    @GET
    @Path("sops/{id}/diff")
    public Response diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Locale locale = ApiErrors.locale(headers);
        Integer older = versionNumber(from);
        Integer newer = versionNumber(to);
        if (older == null || newer == null) {
            return Response.status(400).entity(Map.of("message", ApiMessages.text(locale, "sop.diff.versions"))).build();
        }
        known(id);
        SopBundle a = catalog.version(id, older).orElseThrow(() -> new NotFoundException(ApiMessages.text(locale, "sop.version.unknown", id, String.valueOf(older))));
        SopBundle b = catalog.version(id, newer).orElseThrow(() -> new NotFoundException(ApiMessages.text(locale, "sop.version.unknown", id, String.valueOf(newer))));
        return Response.ok(new DiffView(id, older, newer, SopDiff.between(a, b))).build();
    }

    /** Retires a SOP (body {@code {"reason"}}): out of the agents' search, no new walk or ticket; audited. */
    @POST
    @Path("sops/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retire(@PathParam("id") String id, ReasonRequest request) {
        known(id);
        try {
            return Response.ok(RetirementView.of(catalog.retire(id, request == null ? null : request.reason(), admin()))).build();
        } catch (RetirementRefused e) {
            return refused(e);
        }
    }

    /** Puts a retired SOP back in service (body {@code {"reason"}}); audited. */
    @POST
    @Path("sops/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response restore(@PathParam("id") String id, ReasonRequest request) {
        known(id);
        try {
            catalog.restore(id, request == null ? null : request.reason(), admin());
            return Response.ok(new RetirementView(id, false, null, null, null)).build();
        } catch (RetirementRefused e) {
            return refused(e);
        }
    }

    private void known(String id) {
        if (catalog.latest(id).isEmpty()) {
            throw new NotFoundException(ApiMessages.text(headers, "sop.unknown", id));
        }
    }

    private Response refused(RetirementRefused e) {
        return Response.status(e.conflict() ? 409 : 422).entity(Map.of("message", e.text().in(ApiErrors.locale(headers)))).build();
    }

    /** A version number from a query parameter: a whole number from 1, or null. */
    private static Integer versionNumber(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            return null;
        }
        int v = Integer.parseInt(text.strip());
        return v >= 1 ? v : null;
    }

    /** A page of the audit trail: {@code entries} newest first and the {@code total} matching. */
    public record AuditPage(long total, int first, List<AuditView> entries) {
    }

    @GET
    @Path("audit")
    public Response audit(@QueryParam("limit") @DefaultValue("200") int limit, @QueryParam("first") @DefaultValue("0") int first,
                          @QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String text,
                          @QueryParam("paged") @DefaultValue("false") boolean paged) {
        AuditQuery query;
        try {
            query = new AuditQuery(actor, action, date(from), date(to), text);
        } catch (DateTimeParseException e) {
            return Response.status(400).entity(Map.of("message", ApiMessages.text(ApiErrors.locale(headers), "audit.date"))).build();
        }
        List<AuditView> entries = audit.search(query, first, limit).stream().map(AuditView::of).toList();
        return Response.ok(paged ? new AuditPage(audit.count(query), first, entries) : entries).build();
    }

    /** The matching audit entries as a CSV file for spreadsheets (see {@link AuditCsv}); at most 100 000 lines. */
    @GET
    @Path("audit.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response auditCsv(@QueryParam("actor") String actor, @QueryParam("action") String action,
                             @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String text) {
        AuditQuery query;
        try {
            query = new AuditQuery(actor, action, date(from), date(to), text);
        } catch (DateTimeParseException e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", ApiMessages.text(ApiErrors.locale(headers), "audit.date"))).build();
        }
        Locale locale = ApiErrors.locale(headers);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditCsv.header(writer, locale);
            for (int first = 0; first < 100_000; first += 1000) {
                List<AuditEntry> chunk = audit.search(query, first, 1000);
                for (AuditEntry e : chunk) {
                    AuditCsv.row(writer, e);
                }
                if (chunk.size() < 1000) {
                    break;
                }
            }
            writer.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"auditoria-sopdesk.csv\"").build();
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    private String admin() {
        return security.getUserPrincipal().getName();
    }
}
