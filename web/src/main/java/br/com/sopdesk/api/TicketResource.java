package br.com.sopdesk.api;

import br.com.sopdesk.platform.DatabaseAway;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.demand.control.DemandActions;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.i18n.ApiLocale;
import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.privacy.control.Masking;
import br.com.sopdesk.sla.control.ClockLooks;
import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.control.QualitorOutbox;
import br.com.sopdesk.ticket.control.SummaryStore;
import br.com.sopdesk.ticket.control.TicketActionRefused;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.ticket.entity.ClientKey;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketWarranty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/tickets}: the same submission as the SOP page, validated by the same rules with
 * the same messages. Answers 201 with the ticket's state (and Qualitor's demand number when it
 * already has one), or 422 with one message per field and nothing stored or sent. Also reads a
 * ticket (with its walk summary's state in Qualitor), its SLA clock, sends a refused or held one
 * again, and closes its demand: an agent only the tickets they registered, supervisors and
 * administrators any; anyone else's ticket is answered as unknown (404), so its existence is not
 * revealed. Alert recipients (supervisors' e-mails, the webhook) show to supervisors only.
 *
 * <p>One instance serves every request (the request's security, headers and URI reach it through
 * JAX-RS's proxies), so a submission does not pay for its session beans' JNDI look-ups and
 * Jersey's injection each time.
 */
@ApplicationScoped
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    @EJB
    TicketService tickets;

    @EJB
    QualitorOutbox outbox;

    @EJB
    SopCatalog catalog;

    @Inject
    SlaBoard slaBoard;

    @Inject
    ClockLooks looks;

    @Inject
    SlaSettings slaSettings;

    @EJB
    DemandActions demands;

    @EJB
    SummaryStore summaries;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Inject
    Clock clock;

    /**
     * The submission: the SOP walked (latest version when {@code sopVersion} is absent), its answers,
     * the values of the SOP's own fields, the customer's intake with what was tried before escalating,
     * and, for a path claiming a warranty the dates deny, {@code warrantyException: true} with its
     * {@code warrantyExceptionReason}.
     */
    public record TicketRequest(String sopId, Integer sopVersion, Map<String, String> answers, Map<String, String> fields,
                                Customer customer, String description, String triedSolution, String category, Boolean warrantyException,
                                String warrantyExceptionReason) {
    }

    /** The customer's contact data. */
    public record Customer(String document, String name, String email, String phone1, String phone2) {
    }

    /** A stored last error in the reader's language (one stored as a sentence, before codes, as it is). */
    static String rendered(String stored, java.util.Locale locale) {
        return stored == null ? null : Text.read(stored).in(locale);
    }

    /** A stored ticket, on its way to Qualitor or arrived; {@code warranty} is null for SOPs without one. */
    public record TicketView(long id, String submissionKey, String sopId, int sopVersion, String title, String category, String state,
                             String demandNumber, int attempts, String lastError, String refusal, int returnHours, String situation,
                             String summaryState, int summaryAttempts, String summaryError, Warranty warranty) {
        /** Qualitor's refusals may quote the customer's data: masked, as in lists; in the reader's language. */
        static TicketView of(Ticket t, TicketWarranty warranty, java.util.Locale locale) {
            return new TicketView(t.getId(), t.getSubmissionKey(), t.getSopId(), t.getSopVersion(), t.getTitle(), t.getClassification().getCategory(),
                    t.getState().name(), t.getQualitorNumber(), t.getAttempts(), Masking.text(rendered(t.getLastError(), locale)), t.getRefusal(), t.getReturnHours(),
                    t.getQualitorSituation(), t.getSummaryState() == null ? null : t.getSummaryState().name(), t.getSummaryAttempts(),
                    Masking.text(rendered(t.getSummaryError(), locale)), warranty == null ? null : Warranty.of(warranty));
        }
    }

    /**
     * The warranty decision of seed 003 the ticket was filed with: the case, its days, the issuance
     * date and where it came from, whether it was within ({@code null}: no date known), and the
     * warranty exception with its reason when the agent filed one.
     */
    public record Warranty(String warrantyCase, int warrantyDays, java.time.LocalDate issuedOn, String issuedFrom, Integer daysSinceIssue,
                           Boolean within, boolean exception, String exceptionReason) {
        static Warranty of(TicketWarranty w) {
            return new Warranty(w.getWarrantyCase(), w.getDays(), w.getIssuedOn(), w.getIssuedFrom(),
                    w.getDaysSinceIssue(), w.getWithin(), w.isException(), w.getExceptionReason());
        }
    }

    /**
     * Sending a refused or held ticket again: for a held one, {@code checkedInQualitor} must say the
     * person looked in Qualitor and the ticket is not there.
     */
    public record ResendRequest(Boolean checkedInQualitor) {
    }

    /** The demand number a person found in Qualitor for a held ticket. */
    public record FoundRequest(String demandNumber) {
    }

    /** Why a request on a ticket was not accepted. */
    public record Conflict(String message, String state) {
    }

    /** Closing the ticket's demand in Qualitor: why, and whether its related demands close too. */
    public record CloseRequest(String reason, Boolean closeRelated) {
    }

    /** The outcome of a close request: {@code DONE} with Qualitor's situation, or {@code FAILED} with the reason. */
    public record CloseView(long ticketId, String demandNumber, String state, String situation, String message) {
    }

    /** A refused submission: a summary and one message per field. */
    public record Refusal(String message, Map<String, String> errors) {
    }

    /**
     * Stores and sends a submission: 201 with the ticket. With an {@code Idempotency-Key} header (the
     * sender's own name for this submission, up to 200 visible ASCII characters), sending it again
     * after an answer that did not come back (a 503, a timeout) answers 200 with the ticket first
     * stored under that key, whatever the body: nothing is stored or sent twice.
     */
    @POST
    public Response submit(TicketRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && !ClientKey.valid(idempotencyKey)) {
            return refuse(Map.of("Idempotency-Key", ApiMessages.text(locale(), "ticket.idempotency-key")));
        }
        String agent = security.getUserPrincipal().getName();
        ClientKey clientKey = idempotencyKey == null ? null : new ClientKey(agent, idempotencyKey);
        Optional<Ticket> earlier = clientKey == null ? Optional.empty() : tickets.byClientKey(clientKey);
        if (earlier.isPresent()) {
            return again(earlier.get());
        }
        if (request == null || request.sopId() == null) {
            return refuse(Map.of("sopId", ApiMessages.text(locale(), "ticket.sopId")));
        }
        int version = request.sopVersion() != null ? request.sopVersion()
                : catalog.latest(request.sopId()).map(b -> b.version()).orElse(0);
        Customer c = request.customer() == null ? new Customer(null, null, null, null, null) : request.customer();
        Intake intake = new Intake(c.document(), c.name(), request.description(), c.phone1(), c.phone2(), c.email());
        intake.setTriedSolution(request.triedSolution());
        try {
            String exceptionReason = Boolean.TRUE.equals(request.warrantyException())
                    ? (request.warrantyExceptionReason() == null ? "" : request.warrantyExceptionReason()) : null;
            Ticket saved = tickets.submit(request.sopId(), version, request.answers() == null ? Map.of() : request.answers(),
                    request.fields(), intake, request.category(), agent, locale(), null, exceptionReason, clientKey);
            Ticket pushed = outbox.pushStored(saved);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                    .entity(storedView(pushed)).build();
        } catch (InvalidSubmissionException e) {
            return refuse(e.fieldErrors(locale()));
        } catch (EJBException e) {
            // two requests with one key crossed: the submission key's uniqueness refused the second
            Optional<Ticket> crossed = clientKey == null ? Optional.empty() : tickets.byClientKey(clientKey);
            return again(crossed.orElseThrow(() -> e));
        }
    }

    /** A submission sent again under its key: the ticket stored the first time, as it stands. */
    private Response again(Ticket stored) {
        return Response.ok(view(stored)).location(uri.getAbsolutePathBuilder().path(String.valueOf(stored.getId())).build()).build();
    }

    @GET
    @Path("{id}")
    public TicketView get(@PathParam("id") long id) {
        return view(visible(id));
    }

    /** The ticket's SLA clock with its timeline and alerts, once the demand reached Qualitor. */
    @GET
    @Path("{id}/clock")
    public SlaViews.ClockDetail clock(@PathParam("id") long id) {
        visible(id);
        SlaViews.Reader reader = new SlaViews.Reader(locale(), slaSettings.zone());
        return slaBoard.clockOfTicket(id).map(this::looked).map(c -> SlaResource.detail(slaBoard, c, security.isUserInRole("supervisor"), reader, clock.instant()))
                .orElseThrow(() -> new NotFoundException(ApiMessages.text(locale(), "ticket.no-clock", String.valueOf(id))));
    }

    /** The agent looks at the ticket's clock: an old reading is read again, within the budget of Qualitor calls. */
    private SlaClock looked(SlaClock c) {
        looks.lookedAt(c.getId());
        return c;
    }

    /** The ticket, if the caller may see it: its author, a supervisor or an administrator; otherwise unknown (404). */
    private Ticket visible(long id) {
        return tickets.find(id)
                .filter(t -> security.isUserInRole("supervisor") || security.isUserInRole("admin")
                        || t.getCreatedBy().equals(security.getUserPrincipal().getName()))
                .orElseThrow(() -> new NotFoundException(ApiMessages.text(locale(), "ticket.unknown", String.valueOf(id))));
    }

    /**
     * {@code POST /api/tickets/{id}/close}: closes the ticket's demand in Qualitor ({@code closeTicket}),
     * audited. 200 when Qualitor closed it; 422 when the ticket has no demand yet or the reason is
     * missing; 502 with Qualitor's message when Qualitor refused or could not be reached (the
     * request is kept as failed; sending it again is safe).
     */
    @POST
    @Path("{id}/close")
    public Response close(@PathParam("id") long id, CloseRequest request) {
        visible(id);
        CloseRequest r = request == null ? new CloseRequest(null, null) : request;
        try {
            DemandAction action = demands.close(id, Boolean.TRUE.equals(r.closeRelated()), r.reason(), security.getUserPrincipal().getName());
            Ticket t = tickets.find(id).orElseThrow();
            if (action.getState() == DemandAction.State.DONE) {
                return Response.ok(new CloseView(id, action.getDemandNumber(), action.getState().name(), t.getQualitorSituation(), null)).build();
            }
            return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(new CloseView(id, action.getDemandNumber(), action.getState().name(), t.getQualitorSituation(), rendered(action.getLastError(), locale())))
                    .build();
        } catch (InvalidSubmissionException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(new Refusal(ApiMessages.text(locale(), "ticket.close.refused"), e.fieldErrors(locale()))).build();
        }
    }

    /**
     * {@code POST /api/tickets/{id}/resend}: sends a {@code REJECTED} ticket again once what Qualitor
     * refused is fixed (e.g. the customer or contact registered in Qualitor), or a {@code HELD} one
     * once a person checked in Qualitor that it was not created ({@code {"checkedInQualitor": true}}),
     * with the same submission key, through the outbox. Audited. 200 with the ticket as it stands
     * after the attempt; 409 when the ticket is in no state to be sent again; 404 for an unknown one.
     */
    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") long id, ResendRequest request) {
        visible(id);
        try {
            outbox.resend(id, security.getUserPrincipal().getName(), request != null && Boolean.TRUE.equals(request.checkedInQualitor()));
        } catch (TicketActionRefused e) {
            return conflict(id, e);
        }
        return Response.ok(view(tickets.find(id).orElseThrow())).build();
    }

    /**
     * {@code POST /api/tickets/{id}/summary/resend}: attaches a {@code REFUSED} walk summary again,
     * once its cause is fixed or, after a lost answer, once a person checked that the demand has no
     * such file ({@code {"checkedInQualitor": true}}). Audited. 200 with the ticket; 409 when the
     * summary is in no state for it.
     */
    @POST
    @Path("{id}/summary/resend")
    public Response resendSummary(@PathParam("id") long id, ResendRequest request) {
        visible(id);
        try {
            summaries.resend(id, security.getUserPrincipal().getName(), clock.instant(),
                    request != null && Boolean.TRUE.equals(request.checkedInQualitor()));
        } catch (TicketActionRefused e) {
            return conflict(id, e);
        }
        return Response.ok(view(tickets.find(id).orElseThrow())).build();
    }

    /**
     * {@code POST /api/tickets/{id}/found}: a person found in Qualitor the ticket a {@code HELD}
     * submission had created: records its number (nothing is sent). 409 when the ticket is not held.
     */
    @POST
    @Path("{id}/found")
    public Response found(@PathParam("id") long id, FoundRequest request) {
        visible(id);
        String number = request == null || request.demandNumber() == null ? "" : request.demandNumber().strip();
        if (!number.matches("\\d{1,20}")) {
            return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(new Refusal(ApiMessages.text(locale(), "ticket.found.number"), Map.of("demandNumber",
                            ApiMessages.text(locale(), "ticket.found.digits")))).build();
        }
        try {
            outbox.found(id, number, security.getUserPrincipal().getName());
        } catch (TicketActionRefused e) {
            return conflict(id, e);
        }
        return Response.ok(view(tickets.find(id).orElseThrow())).build();
    }

    private TicketView view(Ticket t) {
        return TicketView.of(t, tickets.warranty(t.getId()).orElse(null), locale());
    }

    /**
     * The answer to a ticket just stored: 201 whatever befalls the database after the commit, since
     * a 503 would tell the agent to send again what the outbox will deliver; only the warranty
     * decision, read back, is left out then ({@code GET} shows it).
     */
    private TicketView storedView(Ticket t) {
        try {
            return view(t);
        } catch (RuntimeException e) {
            if (!DatabaseAway.in(e)) {
                throw e;
            }
            return TicketView.of(t, null, locale());
        }
    }

    private Response conflict(long id, TicketActionRefused refused) {
        String message = refused.text().in(locale());
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .entity(new Conflict(message, tickets.find(id).map(t -> t.getState().name()).orElse(null))).build();
    }

    private Response refuse(Map<String, String> errors) {
        return refusal(errors, locale());
    }

    /**
     * 422: nothing was stored, with one message per field; a refusal of the SOP itself (unknown, or
     * retired) is the message, since no field can correct it.
     */
    static Response refusal(Map<String, String> errors, java.util.Locale locale) {
        String message = errors.size() == 1 && errors.containsKey("sop") ? errors.get("sop") : ApiMessages.text(locale, "ticket.refused");
        return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .entity(new Refusal(message, errors)).build();
    }

    private java.util.Locale locale() {
        return ApiErrors.locale(headers);
    }
}
