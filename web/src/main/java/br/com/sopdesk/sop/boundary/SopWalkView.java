package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.boundary.TicketStatus;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.control.QualitorOutbox;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.ticket.entity.Intake;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds the guided SOP page: the answers picking the path, the intake form when the path
 * escalates, and the ticket's progress to Qualitor after saving.
 */
@Named
@ViewScoped
public class SopWalkView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SopCatalog catalog;

    @Inject
    TicketService tickets;

    @Inject
    QualitorOutbox outbox;

    private String sopId;
    private SopBundle bundle;
    private final Map<String, String> answers = new HashMap<>();
    private Intake intake = new Intake();
    private TicketStatus ticket;

    /** View action: loads the latest version of the SOP named in the URL. */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        bundle = sopId == null ? null : catalog.latest(sopId).orElse(null);
        if (bundle == null) {
            faces.getExternalContext().responseSendError(404, "SOP não encontrado: " + sopId);
            faces.responseComplete();
        }
    }

    public SopWalk getWalk() {
        return SopWalk.of(bundle, answers);
    }

    /** Ajax listener after any answer: the page re-renders the path from the answers. */
    public void answered() {
        // the walk is derived from the answers on every render; nothing to keep
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            var saved = tickets.submit(bundle.id(), bundle.version(), answers, intake,
                    faces.getExternalContext().getRemoteUser(), faces.getViewRoot().getLocale());
            ticket = TicketStatus.of(outbox.push(saved.getId()));
        } catch (InvalidSubmissionException e) {
            e.fieldErrors().forEach((field, message) -> faces.addMessage(clientId(field),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    faces.getApplication().getResourceBundle(faces, "msg").getString("intake.invalid"), null));
            faces.validationFailed();
        }
    }

    /** Poll while queued: shows the demand number as soon as the outbox got it. */
    public void refresh() {
        if (ticket != null && ticket.isQueued()) {
            tickets.find(ticket.id()).map(TicketStatus::of).ifPresent(t -> ticket = t);
        }
    }

    /** Starts another customer on the same SOP. */
    public void restart() {
        answers.clear();
        intake = new Intake();
        ticket = null;
    }

    private static String clientId(String field) {
        return switch (field) {
            case "sop", "answers" -> null;
            default -> "walk:" + field;
        };
    }

    public String getSopId() {
        return sopId;
    }

    public void setSopId(String sopId) {
        this.sopId = sopId;
    }

    public SopBundle getBundle() {
        return bundle;
    }

    public Map<String, String> getAnswers() {
        return answers;
    }

    public Intake getIntake() {
        return intake;
    }

    public TicketStatus getTicket() {
        return ticket;
    }
}
