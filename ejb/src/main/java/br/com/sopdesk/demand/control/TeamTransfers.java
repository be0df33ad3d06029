package br.com.sopdesk.demand.control;

import br.com.sopdesk.ticket.entity.TicketSent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Queues the move of each new demand whose category names a Qualitor team, in the transaction that
 * records the demand's number ({@link TicketSent}): the move is never lost, and happens once. A plain
 * CDI observer, like {@code ClockStarter}, calling the session bean.
 */
@ApplicationScoped
public class TeamTransfers {

    @EJB
    DemandStore store;

    void sent(@Observes TicketSent sent) {
        store.transferIfTeam(sent.ticket());
    }
}
