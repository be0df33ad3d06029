package br.com.sopdesk.api;

import br.com.sopdesk.demand.control.DemandActions;
import br.com.sopdesk.demand.control.DemandSituationException;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/demand-actions}: what the desk's reiterate/restart form does, through the API
 * (seed 004), checked by the same rules with the same messages: 200 with the request after its
 * first attempt, 422 for a field, 409 naming the demand's situation when it does not allow the
 * request (a restart of a demand not finished), 503 when a restart's situation cannot be read now.
 * {@code GET /api/demand-actions/{id}} follows a queued request; only its agent, supervisors and
 * administrators see it (anyone else: 404).
 */
@ApplicationScoped
@Path("demand-actions")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class DemandActionResource {

    @EJB
    DemandActions demands;

    @EJB
    SopCatalog catalog;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** A request on an existing demand: the SOP walk that leads to it, the demand, the customer's reason. */
    public record ActionRequest(String sopId, Integer sopVersion, Map<String, String> answers, String demandNumber, String reason,
                                String customerDocument) {
    }

    /** A request as it stands: {@code state} PENDING, SENDING, DONE or FAILED; {@code step} the workflow step a restart moves to. */
    public record ActionView(long id, String kind, String demandNumber, String state, int attempts, String step, String message) {
    }

    /** Refused because of the demand's situation in Qualitor (null when it could not be read). */
    public record SituationRefusal(String message, String situation, Map<String, String> errors) {
    }

    @POST
    public Response request(ActionRequest r) {
        Locale locale = ApiErrors.locale(headers);
        if (r == null || r.sopId() == null) {
            return TicketResource.refusal(Map.of("sopId", ApiMessages.text(locale, "ticket.sopId")), locale);
        }
        int version = r.sopVersion() != null ? r.sopVersion() : catalog.latest(r.sopId()).map(b -> b.version()).orElse(0);
        try {
            DemandAction action = demands.request(r.sopId(), version, r.answers() == null ? Map.of() : r.answers(), r.demandNumber(),
                    r.reason(), r.customerDocument(), security.getUserPrincipal().getName());
            return Response.ok(view(demands.send(action.getId()), locale)).build();
        } catch (DemandSituationException e) {
            Map<String, String> errors = e.fieldErrors(locale);
            return Response.status(e.situation() == null ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(new SituationRefusal(errors.get("demandNumber"), e.situation(), errors)).build();
        } catch (InvalidSubmissionException e) {
            return TicketResource.refusal(e.fieldErrors(locale), locale);
        }
    }

    @GET
    @Path("{id}")
    public ActionView get(@PathParam("id") long id) {
        Locale locale = ApiErrors.locale(headers);
        return demands.find(id)
                .filter(a -> a.getKind() == DemandAction.Kind.REITERATE || a.getKind() == DemandAction.Kind.RESTART)
                .filter(a -> a.getCreatedBy().equals(security.getUserPrincipal().getName()) || security.isUserInRole("supervisor")
                        || security.isUserInRole("admin"))
                .map(a -> view(a, locale))
                .orElseThrow(() -> new NotFoundException(ApiMessages.text(locale, "demand.unknown", String.valueOf(id))));
    }

    private static ActionView view(DemandAction a, Locale locale) {
        String step = a.restartStep().orElse(null);
        String message = switch (a.getState()) {
            case DONE -> a.getKind() == DemandAction.Kind.REITERATE ? ApiMessages.text(locale, "demand.reiterated")
                    : step == null ? ApiMessages.text(locale, "demand.restarted", a.getDemandNumber())
                    : ApiMessages.text(locale, "demand.restarted.step", a.getDemandNumber(), step);
            case PENDING, SENDING -> ApiMessages.text(locale, "demand.queued", String.valueOf(a.getAttempts()));
            case FAILED -> ApiMessages.text(locale, "demand.failed", String.valueOf(TicketResource.rendered(a.getLastError(), locale)));
        };
        return new ActionView(a.getId(), a.getKind().name(), a.getDemandNumber(), a.getState().name(), a.getAttempts(), step, message);
    }
}
