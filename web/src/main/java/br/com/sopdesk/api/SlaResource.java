package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.demand.control.DemandActions;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.sla.control.ClockLooks;
import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaRefusal;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SLA monitor for supervisors (role {@code supervisor}): clocks by standing with the board's
 * filters, one clock's timeline and alerts, the alerts waiting for acknowledgement, acknowledging
 * one with a comment, reiterating the demand in Qualitor (a reason is required, as in seed 004), and
 * the supervisor's own alert subscription.
 */
@Path("sla")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SlaResource {

    @EJB
    SlaBoard board;

    @EJB
    ClockLooks looks;

    @EJB
    SlaClocks clocks;

    @EJB
    DemandActions demands;

    @EJB
    TicketService tickets;

    @Inject
    SlaSettings settings;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Inject
    Clock time;

    /** A comment or reason sent by the supervisor. */
    public record Note(String comment) {
    }

    /** The supervisor's e-mail and quiet hours for alerts. */
    public record Subscription(String email, String quietFrom, String quietUntil, Boolean active) {
    }

    @GET
    @Path("clocks")
    public List<SlaViews.ClockView> clocks(@QueryParam("standing") String standing, @QueryParam("team") String team,
                                          @QueryParam("sop") String sop, @QueryParam("agent") String agent) {
        Instant now = time.instant();
        return board.clocks(new SlaBoard.Filter(standing == null ? null : standing.toUpperCase(), team, sop, agent), now).stream()
                .map(c -> SlaViews.ClockView.of(c, now)).toList();
    }

    @GET
    @Path("clocks/{id}")
    public SlaViews.ClockDetail clock(@PathParam("id") long id) {
        SlaClock c = board.clock(id).orElseThrow(() -> new NotFoundException(ApiMessages.text(locale(), "sla.clock.unknown", String.valueOf(id))));
        looks.lookedAt(id);  // a supervisor opens its row: an old reading is read again, within the budget
        return detail(board, c, true, reader(), time.instant());
    }

    /** A clock (read at {@code now}, product time) with its timeline and alerts; the deliveries' recipients and errors only when {@code recipients}. */
    static SlaViews.ClockDetail detail(SlaBoard board, SlaClock c, boolean recipients, SlaViews.Reader r, Instant now) {
        return new SlaViews.ClockDetail(SlaViews.ClockView.of(c, now),
                board.timeline(c.getId()).stream().map(e -> SlaViews.EventView.of(e, r)).toList(),
                board.alertsOfDemand(c.getDemandNumber()).stream()
                        .map(a -> SlaViews.AlertView.of(a, board.deliveries(a.getId()).stream()
                                .map(d -> recipients ? SlaViews.DeliveryView.of(d, r) : SlaViews.DeliveryView.withoutRecipient(d)).toList(), r))
                        .toList());
    }

    /** The caller's language (Accept-Language) and the desk's zone, for the texts stored as codes. */
    SlaViews.Reader reader() {
        return new SlaViews.Reader(ApiErrors.locale(headers), settings.zone());
    }

    @GET
    @Path("alerts")
    public List<SlaViews.AlertView> alerts(@QueryParam("open") @DefaultValue("false") boolean open,
                                           @QueryParam("max") @DefaultValue("200") int max, @QueryParam("team") String team,
                                           @QueryParam("sop") String sop, @QueryParam("agent") String agent) {
        return board.alerts(open, new SlaBoard.Filter(null, team, sop, agent), max).stream()
                .map(a -> SlaViews.AlertView.of(a, board.deliveries(a.getId()).stream().map(d -> SlaViews.DeliveryView.of(d, reader())).toList(),
                        reader()))
                .toList();
    }

    @POST
    @Path("alerts/{id}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response acknowledge(@PathParam("id") long id, Note note) {
        try {
            var a = clocks.acknowledge(id, security.getUserPrincipal().getName(), note == null ? null : note.comment());
            return Response.ok(SlaViews.AlertView.of(a, List.of(), reader())).build();
        } catch (EJBException e) {
            return refusal(e.getCause() == null ? e : e.getCause(), locale());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return refusal(e, locale());
        }
    }

    @POST
    @Path("clocks/{id}/reiterate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reiterate(@PathParam("id") long id, Note note) {
        SlaClock c = board.clock(id).orElseThrow(() -> new NotFoundException(ApiMessages.text(locale(), "sla.clock.unknown", String.valueOf(id))));
        looks.lookedAt(id);  // a supervisor opens its row: an old reading is read again, within the budget
        int sopVersion = tickets.find(c.getSubject().getTicketId()).map(t -> t.getSopVersion()).orElse(0);
        DemandAction action;
        try {
            action = demands.reiterateFromBoard(c.getDemandNumber(), note == null ? null : note.comment(),
                    security.getUserPrincipal().getName(), c.getSubject().getSopId(), sopVersion);
        } catch (EJBException e) {
            return refusal(e.getCause() == null ? e : e.getCause(), locale());
        } catch (InvalidSubmissionException e) {
            return refusal(e, locale());
        }
        var sent = demands.send(action.getId());
        return Response.ok(Map.of("demand", c.getDemandNumber(), "state", sent.getState().name(),
                "message", sent.getLastError() == null ? ApiMessages.text(headers, "demand.reiterated") : TicketResource.rendered(sent.getLastError(), locale()))).build();
    }

    @GET
    @Path("subscription")
    public Subscription subscription() {
        return clocks.subscriber(security.getUserPrincipal().getName())
                .map(s -> new Subscription(s.getEmail(), s.getQuietFrom(), s.getQuietUntil(), s.isActive()))
                .orElse(new Subscription(null, null, null, false));
    }

    @PUT
    @Path("subscription")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(Subscription s) {
        if (s == null) {
            return refusal(ApiMessages.text(locale(), "sla.subscription.missing"));
        }
        try {
            var saved = clocks.subscribe(security.getUserPrincipal().getName(), s.email(), s.quietFrom(), s.quietUntil(),
                    s.active() == null || s.active());
            return Response.ok(new Subscription(saved.getEmail(), saved.getQuietFrom(), saved.getQuietUntil(), saved.isActive())).build();
        } catch (EJBException e) {
            return refusal(e.getCause() == null ? e : e.getCause(), locale());
        }
    }

    /** A 422 with a service's refusal in the caller's language (the SLA monitor's own refusals included). */
    static Response refusal(Throwable e, Locale locale) {
        String message = e instanceof InvalidSubmissionException i ? String.join(" ", i.fieldErrors(locale).values())
                : e instanceof SlaRefusal r ? r.message(locale) : UserFacing.textOf(e).in(locale);
        return refusal(message);
    }

    static Response refusal(String message) {
        return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(Map.of("message", message)).build();
    }

    private Locale locale() {
        return ApiErrors.locale(headers);
    }
}
