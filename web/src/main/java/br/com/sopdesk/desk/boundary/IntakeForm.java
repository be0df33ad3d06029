package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.platform.DatabaseAway;
import br.com.sopdesk.sop.boundary.SopPage;
import br.com.sopdesk.sop.boundary.SopWalkView;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.insight.boundary.WalkRecorder;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.control.QualitorOutbox;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.ticket.entity.Intake;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds the ticket form at the end of an escalating path: the customer ({@code ?cnpj=} pre-fills the
 * document when the page is opened from inside Qualitor), the SOP's own fields and the facts read
 * from the customer's certificate; saving hands the ticket to the outbox and its progress to
 * {@link TicketProgress}.
 */
@Named
@ViewScoped
public class IntakeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TicketService tickets;

    @EJB
    QualitorOutbox outbox;

    @Inject
    SopPage page;

    @Inject
    SopWalkView walk;

    @Inject
    RelatedPanel related;

    @Inject
    TicketProgress progress;

    @Inject
    WalkRecorder recorder;

    private String cnpj;
    private Intake intake = new Intake();
    private Map<String, String> fields = new HashMap<>();
    private CertificateFacts certificate;
    private boolean warrantyException;
    private String warrantyReason;

    /** View action: the document given in the URL, unless one came from another SOP; its demands in Qualitor. */
    public void open() {
        if (page.getBundle() == null) {
            return;
        }
        if (cnpj != null && !cnpj.isBlank() && intake.getDocument() == null) {
            intake.setDocument(cnpj);
        }
        lookUpRelated();
    }

    /** Continues with the customer of another SOP of the same call ({@link SopSwitch}). */
    void carry(Intake carried, Map<String, String> carriedFields, CertificateFacts carriedCertificate) {
        intake = carried;
        fields = new HashMap<>(carriedFields);
        certificate = carriedCertificate;
    }

    /** Reads the customer's demands in Qualitor for the document typed (or given in the URL, or read). */
    public void lookUpRelated() {
        related.lookUp(intake.getDocument(), page.getBundle().id());
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (page.isPreview()) {
            return; // a draft's preview saves nothing: the page shows no button, and a forged request does nothing
        }
        try {
            var saved = tickets.submit(page.getBundle().id(), page.getBundle().version(), walk.getAnswers(), fields, intake, null,
                    faces.getExternalContext().getRemoteUser(), faces.getViewRoot().getLocale(), certificate,
                    warrantyException ? (warrantyReason == null ? "" : warrantyReason) : null, null);
            recorder.ticketed(saved);
            progress.follow(outbox.pushStored(saved));
            relatedAfterSaving();
        } catch (InvalidSubmissionException e) {
            SubmissionErrors.show(faces, e, page.getBundle());
        }
    }

    /**
     * The customer's other demands, once the ticket is saved; a database gone after the commit must
     * not turn the saved ticket into an error page, which would have the agent save it again.
     */
    private void relatedAfterSaving() {
        try {
            lookUpRelated();
        } catch (RuntimeException e) {
            if (!DatabaseAway.in(e)) {
                throw e;
            }
        }
    }

    /** The facts read from the customer's certificate (by {@code CertificatePanel}), kept with the ticket. */
    public void certificateRead(CertificateFacts facts) {
        this.certificate = facts;
    }

    public CertificateFacts getCertificate() {
        return certificate;
    }

    /** Whether the path walked claims seed 003's warranty, which the dates must confirm (or the agent files an exception). */
    public boolean isWarrantyClaimed() {
        var spec = page.getBundle() == null ? null : page.getBundle().warranty();
        return spec != null && walk.getWalk() != null && spec.claimsWithin(walk.getWalk());
    }

    /** Whether the agent files the ticket as a warranty exception (a path the dates deny), with {@link #getWarrantyReason()}. */
    public boolean isWarrantyException() {
        return warrantyException;
    }

    public void setWarrantyException(boolean warrantyException) {
        this.warrantyException = warrantyException;
    }

    public String getWarrantyReason() {
        return warrantyReason;
    }

    public void setWarrantyReason(String warrantyReason) {
        this.warrantyReason = warrantyReason;
    }

    public String getCnpj() {
        return cnpj;
    }

    public void setCnpj(String cnpj) {
        this.cnpj = cnpj;
    }

    public Intake getIntake() {
        return intake;
    }

    public Map<String, String> getFields() {
        return fields;
    }
}
