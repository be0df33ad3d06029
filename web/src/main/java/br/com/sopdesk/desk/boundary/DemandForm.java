package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sop.boundary.SopPage;
import br.com.sopdesk.sop.boundary.SopWalkView;
import br.com.sopdesk.demand.control.DemandActions;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.insight.boundary.WalkRecorder;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Binds the reiterate/restart form at the end of a path about an existing demand ({@code ?chamado=}
 * pre-fills its number when the page is opened from inside Qualitor) and the request's way to
 * Qualitor afterwards (a poll while it is queued).
 */
@Named
@ViewScoped
public class DemandForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DemandActions demands;

    @Inject
    SopPage page;

    @Inject
    SopWalkView walk;

    @Inject
    IntakeForm intake;

    @Inject
    WalkRecorder recorder;

    private String demandNumber;
    private String reason;
    private Long actionId;
    private DemandAction.State state;
    private String error;
    private int attempts;
    private DemandAction.Kind kind;
    private String step;

    /** Reiterates or restarts the demand named in the form, with the customer's reason. */
    public void act() {
        if (page.isPreview()) {
            return; // a draft's preview sends nothing to Qualitor
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            DemandAction action = demands.request(page.getBundle().id(), page.getBundle().version(), walk.getAnswers(), demandNumber,
                    reason, intake.getIntake().getDocument(), faces.getExternalContext().getRemoteUser());
            actionId = action.getId();
            recorder.demanded(action);
            show(demands.send(action.getId()));
        } catch (InvalidSubmissionException e) {
            SubmissionErrors.show(faces, e, page.getBundle());
        }
    }

    /** Poll while the request is queued: shows Qualitor's outcome as soon as the outbox has it. */
    public void refresh() {
        if (actionId != null && isQueued()) {
            demands.find(actionId).ifPresent(this::show);
        }
    }

    private void show(DemandAction action) {
        state = action.getState();
        error = action.getLastError() == null ? null : Text.read(action.getLastError()).in(FacesContext.getCurrentInstance().getViewRoot().getLocale());
        attempts = action.getAttempts();
        kind = action.getKind();
        step = action.restartStep().orElse(null);
    }

    public boolean isQueued() {
        return state == DemandAction.State.PENDING || state == DemandAction.State.SENDING;
    }

    public DemandAction.State getState() {
        return state;
    }

    public String getError() {
        return error;
    }

    public int getAttempts() {
        return attempts;
    }

    /** Whether the request is a reiteration (its confirmation is seed 004's "Demanda reiterada com sucesso"). */
    public boolean isReiteration() {
        return kind == DemandAction.Kind.REITERATE;
    }

    /** The workflow step a restart moved the demand to; null when it asked the team to reopen it. */
    public String getStep() {
        return step;
    }

    public String getDemandNumber() {
        return demandNumber;
    }

    public void setDemandNumber(String demandNumber) {
        this.demandNumber = demandNumber;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
