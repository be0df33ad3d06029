package br.com.sopdesk.demand.control;

import br.com.sopdesk.ticket.entity.TicketSent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Queues what each new demand needs next (its move to the category's Qualitor team, or the closing
 * of a call recorded at first contact) in the transaction that records the demand's number
 * ({@link TicketSent}): never lost, done once. A plain CDI observer, like {@code ClockStarter},
 * calling the session bean.
 */
@ApplicationScoped
public class NewDemands {

    @EJB
    DemandStore store;

    void sent(@Observes TicketSent sent) {
        store.followUp(sent.ticket());
    }
}
