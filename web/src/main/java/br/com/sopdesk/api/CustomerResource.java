package br.com.sopdesk.api;

import br.com.sopdesk.privacy.control.Masking;
import br.com.sopdesk.ticket.control.RelatedTickets;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/customers/{cnpj-or-cpf}/tickets?sopId=}: the customer's demands in Qualitor, each
 * with the time left to its return and whether it came from the given SOP (a likely duplicate).
 * Titles and Qualitor's error are masked like the page's list ({@link Masking}).
 */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CustomerResource {

    @EJB
    RelatedTickets related;

    /** The answer, with the duplicates named apart. */
    public record TicketsView(List<RelatedTickets.Related> tickets, boolean duplicate, String error, boolean customerRegistered) {
    }

    @GET
    @Path("{document}/tickets")
    public TicketsView tickets(@PathParam("document") String document, @QueryParam("sopId") String sopId) {
        RelatedTickets.Lookup lookup = related.forCustomer(document, sopId);
        List<RelatedTickets.Related> masked = lookup.tickets().stream()
                .map(r -> new RelatedTickets.Related(r.number(), Masking.text(r.title()), r.situation(), r.openedAt(), r.expectedAnswer(),
                        r.hoursLeft(), r.minutesLeft(), r.timeLeft(), r.paused(), r.deadline(), r.sameSop(), r.open()))
                .toList();
        return new TicketsView(masked, lookup.hasDuplicate(), Masking.text(lookup.error()), !lookup.notRegistered());
    }
}
