package br.com.sopdesk.api;

import br.com.sopdesk.ticket.control.RelatedTickets;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/customers/{cnpj-or-cpf}/tickets?sopId=}: the customer's demands in Qualitor, each
 * with the time left to its return and whether it came from the given SOP (a likely duplicate).
 */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CustomerResource {

    @Inject
    RelatedTickets related;

    /** The answer, with the duplicates named apart. */
    public record TicketsView(java.util.List<RelatedTickets.Related> tickets, boolean duplicate, String error, boolean customerRegistered) {
    }

    @GET
    @Path("{document}/tickets")
    public TicketsView tickets(@PathParam("document") String document, @QueryParam("sopId") String sopId) {
        RelatedTickets.Lookup lookup = related.forCustomer(document, sopId);
        return new TicketsView(lookup.tickets(), lookup.hasDuplicate(), lookup.error(), !lookup.notRegistered());
    }
}
