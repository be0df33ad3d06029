package br.com.sopdesk.sla.control;

import br.com.sopdesk.ticket.entity.TicketSent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts the SLA clock of each ticket Qualitor numbered ({@link TicketSent}), in the sender's
 * transaction. A plain CDI bean observes the event and calls {@link SlaClocks}: with the observer
 * on the session bean itself, Weld looked the bean up in JNDI and caught an exception on every
 * ticket (about 1 % of the submission's CPU in the benchmark).
 */
@ApplicationScoped
public class ClockStarter {

    @EJB
    SlaClocks clocks;

    void started(@Observes TicketSent sent) {
        if (!sent.ticket().isRecordedCall()) {
            // a call recorded at first contact is closed at once: no return is promised, nothing to watch
            clocks.started(sent.ticket());
        }
    }
}
