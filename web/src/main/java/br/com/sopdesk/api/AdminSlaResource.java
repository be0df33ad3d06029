package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.control.SlaScan;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sla.entity.PolicyRules;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * SLA administration (role {@code admin}): policies, which SOP follows which policy, agents' teams,
 * and running a scan cycle on demand (for operations and the benchmark). Every change, and every
 * scan run this way, is audited.
 */
@Path("admin/sla")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminSlaResource {

    @EJB
    SlaClocks clocks;

    @EJB
    SlaScan scan;

    @EJB
    AuditLog audit;

    @EJB
    SopCatalog catalog;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** A policy as administrators edit it. */
    public record PolicyView(String code, String name, int durationMinutes, boolean businessHours, String workStart, String workEnd,
                             String pauseSituations, int atRiskPercent, int reminderMinutes, String updatedBy, String updatedAt) {
        static PolicyView of(ClockPolicy p) {
            PolicyRules r = p.getRules();
            return new PolicyView(p.getCode(), p.getName(), r.getDurationMinutes(), r.isBusinessHours(), r.getWorkStart(), r.getWorkEnd(),
                    r.getPauseSituations(), r.getAtRiskPercent(), r.getReminderMinutes(), p.getUpdatedBy(), SlaViews.str(p.getUpdatedAt()));
        }
    }

    /** A policy change; absent numbers take the usual defaults (24 h, 75 %, 4 h reminders, 08:00–18:00). */
    public record PolicyChange(String name, Integer durationMinutes, Boolean businessHours, String workStart, String workEnd,
                               String pauseSituations, Integer atRiskPercent, Integer reminderMinutes) {
    }

    public record Assignment(String policy) {
    }

    public record Team(String team) {
    }

    @GET
    @Path("policies")
    public List<PolicyView> policies() {
        return clocks.policies().stream().map(PolicyView::of).toList();
    }

    @GET
    @Path("policies/{code}")
    public PolicyView policy(@PathParam("code") String code) {
        return clocks.policy(code).map(PolicyView::of).orElseThrow(() -> new NotFoundException(ApiMessages.text(ApiErrors.locale(headers), "sla.policy.unknown", code)));
    }

    @PUT
    @Path("policies/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response savePolicy(@PathParam("code") String code, PolicyChange c) {
        if (c == null) {
            return SlaResource.refusal(ApiMessages.text(ApiErrors.locale(headers), "sla.policy.missing"));
        }
        try {
            ClockPolicy saved = clocks.savePolicy(code, c.name(), orElse(c.durationMinutes(), 1440), Boolean.TRUE.equals(c.businessHours()),
                    c.workStart() == null ? "08:00" : c.workStart(), c.workEnd() == null ? "18:00" : c.workEnd(), c.pauseSituations(),
                    orElse(c.atRiskPercent(), 75), orElse(c.reminderMinutes(), 240), user());
            return Response.ok(PolicyView.of(saved)).build();
        } catch (EJBException e) {
            return SlaResource.refusal(e.getCause() == null ? e : e.getCause(), ApiErrors.locale(headers));
        }
    }

    @GET
    @Path("sops")
    public Map<String, String> assignments() {
        Map<String, String> out = new java.util.TreeMap<>();
        clocks.assignments().forEach(a -> out.put(a.getSopId(), a.getPolicyCode()));
        return out;
    }

    @PUT
    @Path("sops/{sopId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("sopId") String sopId, Assignment a) {
        if (catalog.latest(sopId).isEmpty()) {
            return SlaResource.refusal(ApiMessages.text(ApiErrors.locale(headers), "sop.unknown",
                    sopId.length() > 80 ? sopId.substring(0, 80) + "…" : sopId));
        }
        try {
            clocks.assign(sopId, a == null ? null : a.policy(), user());
            return Response.ok(Map.of("sopId", sopId, "policy", a == null || a.policy() == null ? "" : a.policy())).build();
        } catch (EJBException e) {
            return SlaResource.refusal(e.getCause() == null ? e : e.getCause(), ApiErrors.locale(headers));
        }
    }

    @PUT
    @Path("teams/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response team(@PathParam("username") String username, Team t) {
        if (t == null || t.team() == null || t.team().isBlank()) {
            return SlaResource.refusal(ApiMessages.text(ApiErrors.locale(headers), "sla.team.missing"));
        }
        try {
            clocks.team(username, t.team().strip(), user());
        } catch (EJBException e) {
            return SlaResource.refusal(e.getCause() == null ? e : e.getCause(), ApiErrors.locale(headers));
        }
        return Response.ok(Map.of("username", username, "team", t.team().strip())).build();
    }

    /** Runs one scan cycle of the monitor now (due clocks only); audited with what it did. */
    @POST
    @Path("scan")
    public SlaScan.Report scan() {
        SlaScan.Report r = scan.scan();
        audit.record(user(), "sla.varredura", "monitor de SLA", "varredura dos vencidos"
                + " pedida pela API: " + r.clocks() + " relógio(s), " + r.alerts() + " alerta(s), " + r.synced() + " leitura(s) do Qualitor, "
                + r.delivered() + " entrega(s), " + r.millis() + " ms");
        return r;
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }

    private static int orElse(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
