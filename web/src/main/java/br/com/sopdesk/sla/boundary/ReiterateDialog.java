package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.demand.control.DemandActions;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.control.TicketService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Binds the dashboard's "reiterate" dialog: the supervisor picks a clock's demand and gives the
 * reason; the reiteration goes to Qualitor at once and the dashboard is read again.
 */
@Named
@ViewScoped
public class ReiterateDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SlaBoard board;

    @EJB
    DemandActions demands;

    @EJB
    TicketService tickets;

    @Inject
    SupervisorView dashboard;

    private Long selectedClock;
    private String reason;

    public void chooseClock(SlaClock clock) {
        selectedClock = clock.getId();
        reason = null;
    }

    public void reiterate() {
        SlaClock clock = selectedClock == null ? null : board.clock(selectedClock).orElse(null);
        if (clock == null) {
            return;
        }
        try {
            int version = tickets.find(clock.getSubject().getTicketId()).map(t -> t.getSopVersion()).orElse(0);
            DemandAction action = demands.reiterateFromBoard(clock.getDemandNumber(), reason, BoardMessages.user(), clock.getSubject().getSopId(), version);
            DemandAction sent = demands.send(action.getId());
            if (sent.getLastError() == null) {
                BoardMessages.info(BoardMessages.text("sla.reiterate.done") + " " + clock.getDemandNumber());
                dashboard.refresh();
                selectedClock = null;
            } else {
                BoardMessages.fail(Text.read(sent.getLastError()).in(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
            }
        } catch (InvalidSubmissionException e) {
            BoardMessages.fail(String.join(" ", e.fieldErrors(FacesContext.getCurrentInstance().getViewRoot().getLocale()).values()));
        } catch (EJBException e) {
            BoardMessages.fail(e.getCause() instanceof InvalidSubmissionException i ? String.join(" ", i.fieldErrors(FacesContext.getCurrentInstance().getViewRoot().getLocale()).values())
                    : String.valueOf(e.getMessage()));
        }
    }

    public Long getSelectedClock() {
        return selectedClock;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
