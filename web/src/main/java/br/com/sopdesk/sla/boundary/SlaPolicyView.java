package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sla.entity.PolicyAssignment;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds the SLA policy administration page: the policies, editing one, and which SOP follows which.
 * The lists are read when the page opens and again after each change.
 */
@Named
@ViewScoped
public class SlaPolicyView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SlaClocks clocks;

    @EJB
    SopCatalog catalog;

    private String code;
    private String name;
    private int durationMinutes = 1440;
    private boolean businessHours;
    private String workStart = "08:00";
    private String workEnd = "18:00";
    private String pauseSituations;
    private int atRiskPercent = 75;
    private int reminderMinutes = 240;
    private String sopId;
    private String sopPolicy;
    private List<SopBundle> sops = List.of();
    private Map<String, String> assignments = Map.of();
    // entities, not serializable: what the last reading found, for this view only
    private transient List<ClockPolicy> policies = List.of();

    @PostConstruct
    void load() {
        policies = clocks.policies();
        sops = catalog.latest();
        assignments = clocks.assignments().stream().collect(Collectors.toMap(PolicyAssignment::getSopId, PolicyAssignment::getPolicyCode));
    }

    public List<ClockPolicy> getPolicies() {
        return policies;
    }

    public List<SopBundle> getSops() {
        return sops;
    }

    /** The policy each SOP follows (empty: the default one). */
    public Map<String, String> getAssignments() {
        return assignments;
    }

    public void edit(ClockPolicy p) {
        code = p.getCode();
        name = p.getName();
        durationMinutes = p.getRules().getDurationMinutes();
        businessHours = p.getRules().isBusinessHours();
        workStart = p.getRules().getWorkStart();
        workEnd = p.getRules().getWorkEnd();
        pauseSituations = p.getRules().getPauseSituations();
        atRiskPercent = p.getRules().getAtRiskPercent();
        reminderMinutes = p.getRules().getReminderMinutes();
    }

    public void save() {
        try {
            ClockPolicy saved = clocks.savePolicy(code, name, durationMinutes, businessHours, workStart, workEnd, pauseSituations,
                    atRiskPercent, reminderMinutes, user());
            message(FacesMessage.SEVERITY_INFO, text("slaAdmin.saved") + " " + saved.getCode());
            load();
        } catch (EJBException e) {
            message(FacesMessage.SEVERITY_ERROR, SlaTexts.message(e));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void assign() {
        try {
            clocks.assign(sopId, sopPolicy == null || sopPolicy.isBlank() ? null : sopPolicy, user());
            message(FacesMessage.SEVERITY_INFO, text("slaAdmin.assigned") + " " + sopId);
            load();
        } catch (EJBException e) {
            message(FacesMessage.SEVERITY_ERROR, SlaTexts.message(e));
        }
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(int durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public boolean isBusinessHours() {
        return businessHours;
    }

    public void setBusinessHours(boolean businessHours) {
        this.businessHours = businessHours;
    }

    public String getWorkStart() {
        return workStart;
    }

    public void setWorkStart(String workStart) {
        this.workStart = workStart;
    }

    public String getWorkEnd() {
        return workEnd;
    }

    public void setWorkEnd(String workEnd) {
        this.workEnd = workEnd;
    }

    public String getPauseSituations() {
        return pauseSituations;
    }

    public void setPauseSituations(String pauseSituations) {
        this.pauseSituations = pauseSituations;
    }

    public int getAtRiskPercent() {
        return atRiskPercent;
    }

    public void setAtRiskPercent(int atRiskPercent) {
        this.atRiskPercent = atRiskPercent;
    }

    public int getReminderMinutes() {
        return reminderMinutes;
    }

    public void setReminderMinutes(int reminderMinutes) {
        this.reminderMinutes = reminderMinutes;
    }

    public String getSopId() {
        return sopId;
    }

    public void setSopId(String sopId) {
        this.sopId = sopId;
    }

    public String getSopPolicy() {
        return sopPolicy;
    }

    public void setSopPolicy(String sopPolicy) {
        this.sopPolicy = sopPolicy;
    }
}
