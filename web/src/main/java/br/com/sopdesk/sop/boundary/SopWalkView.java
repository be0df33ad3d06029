package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.demand.control.DemandActions;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.boundary.TicketStatus;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.control.QualitorOutbox;
import br.com.sopdesk.ticket.control.RelatedTickets;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.ticket.entity.Intake;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the guided SOP page: the answers picking the path; at the end, the ticket form (escalation)
 * or the reiterate/restart form (an existing demand); the progress to Qualitor after saving, and
 * sending a refused or held ticket again once the agent fixed the cause in Qualitor. Opened
 * from inside Qualitor, {@code ?cnpj=} and {@code ?chamado=} pre-fill the customer and the demand.
 * Switching to another SOP keeps the customer's data and the answers to questions both SOPs ask.
 */
@Named
@ViewScoped
public class SopWalkView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CARRY = "sopdesk.carry";

    @EJB
    SopCatalog catalog;

    @EJB
    TicketService tickets;

    @EJB
    QualitorOutbox outbox;

    @EJB
    DemandActions demands;

    @EJB
    Categories categories;

    @EJB
    RelatedTickets relatedTickets;

    private String sopId;
    private String cnpj;
    private String demandNumber;
    private String reason;
    private String switchTo;
    private SopBundle bundle;
    private Map<String, String> answers = new HashMap<>();
    private Map<String, String> fields = new HashMap<>();
    private Intake intake = new Intake();
    private TicketStatus ticket;
    private DemandAction.State demandState;
    private String demandError;
    private Long demandActionId;
    private int demandAttempts;
    private String foundNumber;
    private RelatedTickets.Lookup related;
    private CertificateFacts certificate;

    /** View action: loads the latest version of the SOP named in the URL and applies the context. */
    @SuppressWarnings("unchecked")
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        bundle = sopId == null ? null : catalog.latest(sopId).orElse(null);
        if (bundle == null) {
            faces.getExternalContext().responseSendError(404, "SOP não encontrado: " + sopId);
            faces.responseComplete();
            return;
        }
        Object carried = faces.getExternalContext().getFlash().get(CARRY);
        if (carried instanceof Carry c) {
            intake = c.intake();
            answers = new HashMap<>(c.answers());
            fields = new HashMap<>(c.fields());
            demandNumber = c.demandNumber();
            certificate = c.certificate();
        }
        if (cnpj != null && !cnpj.isBlank() && intake.getDocument() == null) {
            intake.setDocument(cnpj);
        }
        catalog.recordUse(faces.getExternalContext().getRemoteUser(), bundle.id());
        loadRelated();
    }

    /** Reads the customer's demands in Qualitor for the document typed (or given in the URL). */
    public void loadRelated() {
        related = intake.getDocument() == null || intake.getDocument().isBlank() ? null
                : relatedTickets.forCustomer(intake.getDocument(), bundle.id());
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
            var saved = tickets.submit(bundle.id(), bundle.version(), answers, fields, intake, null,
                    faces.getExternalContext().getRemoteUser(), faces.getViewRoot().getLocale(), certificate);
            ticket = TicketStatus.of(outbox.pushStored(saved));
            loadRelated();
        } catch (InvalidSubmissionException e) {
            refused(faces, e);
        }
    }

    /** Reiterates or restarts the demand named in the form, with the customer's reason. */
    public void act() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            DemandAction action = demands.request(bundle.id(), bundle.version(), answers, demandNumber, reason,
                    intake.getDocument(), faces.getExternalContext().getRemoteUser());
            demandActionId = action.getId();
            show(demands.send(action.getId()));
        } catch (InvalidSubmissionException e) {
            refused(faces, e);
        }
    }

    /** Poll while the request is queued: shows Qualitor's outcome as soon as the outbox has it. */
    public void refreshDemand() {
        if (demandActionId != null && isDemandQueued()) {
            demands.find(demandActionId).ifPresent(this::show);
        }
    }

    private void show(DemandAction action) {
        demandState = action.getState();
        demandError = action.getLastError();
        demandAttempts = action.getAttempts();
    }

    public boolean isDemandQueued() {
        return demandState == DemandAction.State.PENDING || demandState == DemandAction.State.SENDING;
    }

    /** Sends a refused ticket again, once what Qualitor refused is fixed there ({@code Reenviar}). */
    public void resend() {
        resend(false);
    }

    /** Sends a held ticket again: the agent checked in Qualitor that it was not created. */
    public void resendChecked() {
        resend(true);
    }

    private void resend(boolean checked) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ticket = TicketStatus.of(outbox.resend(ticket.id(), faces.getExternalContext().getRemoteUser(), checked));
            if (!ticket.isQueued()) {
                loadRelated();
            }
        } catch (br.com.sopdesk.ticket.control.TicketActionRefused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.text().in(faces.getViewRoot().getLocale()), null));
            tickets.find(ticket.id()).map(TicketStatus::of).ifPresent(t -> ticket = t);
        }
    }

    /** Records the demand number the agent found in Qualitor for a held ticket. */
    public void found() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String number = foundNumber == null ? "" : foundNumber.strip();
        if (!number.matches("\\d{1,20}")) {
            faces.addMessage("walk:foundNumber", new FacesMessage(FacesMessage.SEVERITY_ERROR, "Informe o número da demanda (somente dígitos).", null));
            faces.validationFailed();
            return;
        }
        try {
            ticket = TicketStatus.of(outbox.found(ticket.id(), number, faces.getExternalContext().getRemoteUser()));
            loadRelated();
        } catch (br.com.sopdesk.ticket.control.TicketActionRefused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.text().in(faces.getViewRoot().getLocale()), null));
        }
    }

    /** Poll while queued: shows the demand number as soon as the outbox got it. */
    public void refresh() {
        if (ticket != null && ticket.isQueued()) {
            tickets.find(ticket.id()).map(TicketStatus::of).ifPresent(t -> ticket = t);
            if (!ticket.isQueued()) {
                loadRelated();
            }
        }
    }

    /** Starts another customer on the same SOP. */
    public void restart() {
        answers.clear();
        fields.clear();
        intake = new Intake();
        certificate = null;
        ticket = null;
        demandState = null;
        demandError = null;
        demandActionId = null;
        foundNumber = null;
        reason = null;
        related = null;
    }

    /** Opens another SOP, carrying the customer's data and the answers that still apply. */
    public String switchSop() {
        if (switchTo == null || switchTo.equals(bundle.id())) {
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(CARRY, new Carry(intake, answers, fields, demandNumber, certificate));
        return "/app/sop?faces-redirect=true&id=" + switchTo;
    }

    /** The name of the SOP's Qualitor category, shown beside its code (read-only: it comes from the SOP). */
    public String getCategoryName() {
        return bundle.qualitor() == null ? "" : categories.find(bundle.qualitor().category()).map(c -> c.getName()).orElse("");
    }

    public List<SopBundle> getOtherSops() {
        return catalog.latest().stream().filter(b -> !b.id().equals(bundle.id())).toList();
    }

    private void refused(FacesContext faces, InvalidSubmissionException e) {
        e.fieldErrors(faces.getViewRoot().getLocale()).forEach((field, message) -> faces.addMessage(clientId(field),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                faces.getApplication().getResourceBundle(faces, "msg").getString("intake.invalid"), null));
        faces.validationFailed();
    }

    /** The page component showing a field's error: intake fields by name, SOP fields by position. */
    private String clientId(String field) {
        if (field.startsWith("fields.")) {
            String name = field.substring("fields.".length());
            for (int i = 0; i < bundle.fields().size(); i++) {
                if (bundle.fields().get(i).name().equals(name)) {
                    return "walk:extra:" + i + ":field";
                }
            }
            return null;
        }
        return switch (field) {
            case "sop", "answers", "category" -> null;
            default -> "walk:" + field;
        };
    }

    /** What travels to the next SOP when the agent switches. */
    record Carry(Intake intake, Map<String, String> answers, Map<String, String> fields, String demandNumber,
                 CertificateFacts certificate) implements Serializable {
    }

    /** The facts read from the customer's certificate (by {@code CertificatePanel}), kept with the ticket. */
    public void certificateRead(CertificateFacts facts) {
        this.certificate = facts;
    }

    public CertificateFacts getCertificate() {
        return certificate;
    }

    public String getSopId() {
        return sopId;
    }

    public void setSopId(String sopId) {
        this.sopId = sopId;
    }

    public String getCnpj() {
        return cnpj;
    }

    public void setCnpj(String cnpj) {
        this.cnpj = cnpj;
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

    public String getSwitchTo() {
        return switchTo;
    }

    public void setSwitchTo(String switchTo) {
        this.switchTo = switchTo;
    }

    public SopBundle getBundle() {
        return bundle;
    }

    public Map<String, String> getAnswers() {
        return answers;
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public Intake getIntake() {
        return intake;
    }

    public TicketStatus getTicket() {
        return ticket;
    }

    public RelatedTickets.Lookup getRelated() {
        return related;
    }

    public DemandAction.State getDemandState() {
        return demandState;
    }

    public String getDemandError() {
        return demandError;
    }

    public int getDemandAttempts() {
        return demandAttempts;
    }

    public String getFoundNumber() {
        return foundNumber;
    }

    public void setFoundNumber(String foundNumber) {
        this.foundNumber = foundNumber;
    }
}
