package br.com.sopdesk.insight.boundary;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.insight.control.WalkLog;
import br.com.sopdesk.sop.boundary.WalkStep;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.event.Observes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records the walk of the guided page it belongs to (one per view): begun when the page opens,
 * moved at each answer ({@link WalkStep}), ended when the ticket or demand request is saved (the
 * desk's forms tell it). Only the record's id is kept here; the row is written through
 * {@link WalkLog} at each step, since the next request may reach another instance. A failure to
 * record never stops the agent's walk.
 */
@ViewScoped
public class WalkRecorder implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WalkRecorder.class.getName());

    @EJB
    WalkLog log;

    private Long recordId;

    void stepped(@Observes WalkStep step) {
        if (step.started()) {
            String agent = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
            write(l -> recordId = l.start(step.bundle(), step.walk(), agent));
        } else if (recordId != null) {
            write(l -> l.walked(recordId, step.walk()));
        }
    }

    /** The ticket of this walk's escalation was saved. */
    public void ticketed(Ticket ticket) {
        if (recordId != null) {
            write(l -> l.ticketed(recordId, ticket));
        }
    }

    /** The demand request of this walk's reiterate or restart outcome was saved. */
    public void demanded(DemandAction action) {
        if (recordId != null) {
            write(l -> l.demanded(recordId, action));
        }
    }

    private void write(Consumer<WalkLog> step) {
        try {
            step.accept(log);
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "walk record " + recordId + " not written", e);
        }
    }
}
