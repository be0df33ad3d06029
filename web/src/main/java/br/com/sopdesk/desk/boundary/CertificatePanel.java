package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.certificate.control.CertificateInspector;
import br.com.sopdesk.certificate.control.UnreadableCertificateException;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateWarning;
import br.com.sopdesk.certificate.entity.WarrantyDecision;
import br.com.sopdesk.sop.boundary.SopPage;
import br.com.sopdesk.sop.boundary.SopWalkView;
import br.com.sopdesk.sop.entity.FieldSpec;
import br.com.sopdesk.ticket.control.FormFill;
import br.com.sopdesk.warranty.control.Warranties;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.primefaces.event.FileUploadEvent;

/**
 * The "customer's certificate" panel of the SOP page: the agent drops the file (with the PFX
 * password) or pastes the PEM text; the facts show, the empty form fields fill in, and the warnings
 * and, in the SOPs that meet seed 003's warranty, the warranty decision appear. The file, the pasted text and the
 * password are dropped right after reading; only the facts stay (and go with the ticket).
 *
 * <p>PrimeFaces delivers the upload while the form is being validated, before the values typed in
 * the ticket form reach the model; reading it then would fill fields that the model update
 * overwrites a moment later with what was submitted. So the upload is read in the application phase,
 * like the paste button's action. The password never goes into this bean or the view state: the
 * moment its input is validated it is taken out of the component into the request's attributes,
 * and it is cleared after the one reading it serves.
 */
@Named
@ViewScoped
public class CertificatePanel implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Inject
    CertificateInspector inspector;

    @Inject
    SopPage page;

    @Inject
    SopWalkView walk;

    @Inject
    IntakeForm intake;

    @Inject
    Warranties warranties;

    @Inject
    Clock clock;

    /** FacesContext attribute holding the password typed with this request (request scope only). */
    private static final String PASSWORD = CertificatePanel.class.getName() + ".password";

    private transient String pasted;
    private String error;
    private List<String> filled = List.of();

    /**
     * The upload listener: reads the dropped file with the password typed beside it, once the form's
     * values are in the model (PrimeFaces calls it first while validating: it is put off until then).
     */
    public void upload(FileUploadEvent event) {
        if (event.getPhaseId() != PhaseId.INVOKE_APPLICATION) {
            event.setPhaseId(PhaseId.INVOKE_APPLICATION);
            event.queue();
            return;
        }
        byte[] content = event.getFile().getContent();
        ((UIInput) event.getComponent()).resetValue();
        read(content);
    }

    /** Reads the PEM text pasted from a token tool. */
    public void readPasted() {
        byte[] text = pasted == null ? new byte[0] : pasted.getBytes(StandardCharsets.UTF_8);
        pasted = null;
        read(text);
    }

    /**
     * {@code postValidate} of the password input: takes the value out of the component (so it is
     * neither saved with the view nor written to a bean) into this request's attributes, where the
     * reading finds it.
     */
    public void takePassword(ComponentSystemEvent event) {
        UIInput input = (UIInput) event.getComponent();
        Object typed = input.isLocalValueSet() ? input.getLocalValue() : input.getSubmittedValue();
        input.resetValue();
        if (typed instanceof String s && !s.isEmpty()) {
            FacesContext.getCurrentInstance().getAttributes().put(PASSWORD, s.toCharArray());
        }
    }

    private void read(byte[] content) {
        char[] secret = (char[]) FacesContext.getCurrentInstance().getAttributes().remove(PASSWORD);
        try {
            CertificateFacts facts = inspector.inspect(content, secret);
            error = null;
            intake.certificateRead(facts);
            filled = FormFill.fill(facts, intake.getIntake(), page.getBundle().fields(), intake.getFields());
            if (filled.contains("document")) {
                intake.lookUpRelated();
            }
        } catch (UnreadableCertificateException e) {
            error = e.message(locale());
        } finally {
            Arrays.fill(content, (byte) 0);
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    public CertificateFacts getFacts() {
        return intake.getCertificate();
    }

    /** Warnings against what the form holds now (the CNPJ typed may change after reading). */
    public List<CertificateWarning> getWarnings() {
        CertificateFacts facts = getFacts();
        return facts == null ? List.of() : facts.warnings(intake.getIntake().getDocument(), clock.instant());
    }

    public String message(CertificateWarning warning) {
        return warning.message(locale());
    }

    /** Days to the end of validity; negative once expired (the page then says how long ago). */
    public long getDaysLeft() {
        return getFacts() == null ? 0 : getFacts().daysLeft(clock.instant());
    }

    public long getDaysExpired() {
        return -getDaysLeft();
    }

    /** Once the SOP's warranty case is known (000, 002, or 003 once answered): the decision, from the certificate read or the date typed. */
    public String getWarranty() {
        return decision().map(d -> d.message(locale())).orElse(null);
    }

    /** When the path walked says "within the warranty" and the dates deny it: why, naming both dates. */
    public String getWarrantyRefusal() {
        if (page.getBundle() == null || walk.getWalk() == null) {
            return null;
        }
        return warranties.refusal(page.getBundle(), walk.getWalk(), decision()).map(t -> t.in(locale())).orElse(null);
    }

    private Optional<WarrantyDecision> decision() {
        return page.getBundle() == null ? Optional.empty()
                : warranties.decide(page.getBundle(), walk.getAnswers(), intake.getFields(), getFacts());
    }

    /** e-CPF, e-CNPJ or another kind of certificate, in the agent's language. */
    public String getKind() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString("cert.kind." + getFacts().kind().name());
    }

    public String getChain() {
        return String.join(" → ", getFacts().chain());
    }

    public String getUsage() {
        return String.join(", ", getFacts().keyUsage());
    }

    public String day(Object date) {
        return date instanceof LocalDate d ? DAY.format(d) : "";
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public int getMaxBytes() {
        return inspector.maxBytes();
    }

    public String getError() {
        return error;
    }

    public List<String> getFilled() {
        return filled;
    }

    public String getPasted() {
        return null;
    }

    public void setPasted(String pasted) {
        this.pasted = pasted;
    }
}
