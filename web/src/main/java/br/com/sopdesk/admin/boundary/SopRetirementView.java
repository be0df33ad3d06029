package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.sop.control.RetirementRefused;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;

/**
 * Binds retiring and restoring a SOP on the administration page: the SOP chosen, whether it is
 * being retired or restored, and the reason the audit trail keeps. The catalog's list is read again
 * after each change.
 */
@Named
@ViewScoped
public class SopRetirementView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SopCatalog catalog;

    @Inject
    AdminView admin;

    private String sopId;
    private boolean retiring;
    private String reason;

    /** Asks for the reason to retire (or, when it is retired, to restore) this SOP. */
    public void choose(SopBundle sop) {
        sopId = sop.id();
        retiring = !admin.isRetired(sop);
        reason = null;
    }

    public void confirm() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String by = faces.getExternalContext().getRemoteUser();
        try {
            if (retiring) {
                catalog.retire(sopId, reason, by);
            } else {
                catalog.restore(sopId, reason, by);
            }
            String done = faces.getApplication().getResourceBundle(faces, "msg").getString(retiring ? "admin.retire.done" : "admin.restore.done");
            faces.addMessage(null, new FacesMessage(MessageFormat.format(done, sopId)));
            sopId = null;
            admin.load();
        } catch (RetirementRefused e) {
            faces.addMessage("admin:reason", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.text().in(faces.getViewRoot().getLocale()), null));
            faces.validationFailed();
        }
    }

    public void cancel() {
        sopId = null;
    }

    public String getSopId() {
        return sopId;
    }

    public boolean isRetiring() {
        return retiring;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
