package br.com.sopdesk.api;

import br.com.sopdesk.privacy.control.Masking;
import br.com.sopdesk.ticket.control.RelatedTickets;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/customers/{cnpj-or-cpf}/tickets?sopId=}: the customer's demands in Qualitor, each
 * with the time left to its return and whether it came from the given SOP (a likely duplicate).
 * Titles and Qualitor's error are masked like the page's list ({@link Masking}); the words are in the
 * caller's language.
 */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CustomerResource {

    @EJB
    RelatedTickets related;

    /** The answer, with the duplicates named apart. */
    public record TicketsView(List<RelatedView> tickets, boolean duplicate, String error, boolean customerRegistered) {
    }

    /** One of the customer's demands, its time left in words in the caller's language. */
    public record RelatedView(String number, String title, String situation, String openedAt, String expectedAnswer,
                              Long hoursLeft, Long minutesLeft, String timeLeft, boolean paused, RelatedTickets.Deadline deadline,
                              boolean sameSop, boolean open) {
    }

    @Context
    HttpHeaders headers;

    @GET
    @Path("{document}/tickets")
    public TicketsView tickets(@PathParam("document") String document, @QueryParam("sopId") String sopId) {
        RelatedTickets.Lookup lookup = related.forCustomer(document, sopId);
        Locale locale = ApiErrors.locale(headers);
        List<RelatedView> masked = lookup.tickets().stream()
                .map(r -> new RelatedView(r.number(), Masking.text(r.title()), r.situation(), r.openedAt(), r.expectedAnswer(),
                        r.hoursLeft(), r.minutesLeft(), r.timeLeft() == null ? null : r.timeLeft().in(locale), r.paused(), r.deadline(),
                        r.sameSop(), r.open()))
                .toList();
        return new TicketsView(masked, lookup.hasDuplicate(), lookup.error() == null ? null : Masking.text(lookup.error().in(locale)),
                !lookup.notRegistered());
    }
}
