package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.entity.SlaAlert;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Binds the dashboard's alerts waiting for acknowledgement (for the chosen team, SOP and agent) and
 * the acknowledgement dialog. The alerts are read with the rest of the dashboard ({@link SupervisorView#refresh})
 * and again after an acknowledgement.
 */
@Named
@ViewScoped
public class SlaAlertsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SlaBoard board;

    @EJB
    SlaClocks clocks;

    @Inject
    SlaFilter filter;

    // entities, not serializable: what the last refresh read, for this view only
    private transient List<SlaAlert> openAlerts = List.of();
    private Long selectedAlert;
    private String comment;

    void refresh() {
        openAlerts = board.alerts(true, filter.anyStanding(), 100);
    }

    public void chooseAlert(SlaAlert alert) {
        selectedAlert = alert.getId();
        comment = null;
    }

    public void acknowledge() {
        try {
            clocks.acknowledge(selectedAlert, BoardMessages.user(), comment);
            BoardMessages.info(BoardMessages.text("sla.ack.done"));
            refresh();
            selectedAlert = null;
        } catch (EJBException e) {
            BoardMessages.fail(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            BoardMessages.fail(e.getMessage());
        }
    }

    public List<SlaAlert> getOpenAlerts() {
        return openAlerts;
    }

    public Long getSelectedAlert() {
        return selectedAlert;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
