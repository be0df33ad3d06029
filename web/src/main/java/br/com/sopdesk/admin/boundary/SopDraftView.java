package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sop.control.DraftConflict;
import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopDrafts;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopDraft;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;

/**
 * Binds the SOP editor's draft buttons: save the draft, publish it as the next version, discard it.
 * A draft someone else saved since this editor read it is never overwritten: the page says who saved
 * it and when, and keeps this editor's changes on screen.
 */
@Named
@ViewScoped
public class SopDraftView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");

    @EJB
    SopDrafts drafts;

    @EJB
    SlaClocks clocks;

    @Inject
    SlaSettings sla;

    @Inject
    SopEditorView editor;

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            SopDraft saved = drafts.save(editor.draftId(), editor.readVersion(), editor.basedOn(), editor.getForm(), editor.getSlaPolicy(), user(faces));
            editor.hold(saved);
            editor.check();
            faces.addMessage(null, new FacesMessage(text(faces, "editor.saved")));
        } catch (DraftConflict e) {
            refused(faces, e);
        }
    }

    /**
     * Saves what is on screen, then opens it on the agents' page as a preview (walked exactly as
     * an agent would, nothing saved or sent); stays here when the save is refused or problems remain.
     */
    public String preview() {
        save();
        if (!editor.isSaved() || !editor.getProblems().isEmpty() || FacesContext.getCurrentInstance().getMaximumSeverity() != null
                && FacesContext.getCurrentInstance().getMaximumSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal()) {
            return null;
        }
        return "/app/sop?faces-redirect=true&rascunho=" + editor.draftId();
    }

    /** Publishes what is on screen (saving it in the draft first); the draft is deleted, the admin goes back to the list. */
    public String publish() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            SopBundle published = drafts.publish(editor.draftId(), editor.readVersion(), editor.basedOn(), editor.getForm(), editor.getSlaPolicy(), user(faces));
            assignPolicy(faces, published);
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "admin.published"), published.id(), published.version())));
            return "/admin/index?faces-redirect=true";
        } catch (DraftConflict e) {
            refused(faces, e);
        } catch (InvalidBundleException e) {
            e.problems().forEach(p -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, p.text().in(faces.getViewRoot().getLocale()), null)));
            editor.check();
        }
        return null;
    }

    /** Deletes the draft (a SOP never saved is simply left) and goes back to the list. */
    public String discard() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (editor.draftId() != null) {
            try {
                drafts.discard(editor.draftId(), editor.readVersion(), user(faces));
            } catch (DraftConflict e) {
                refused(faces, e);
                return null;
            }
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(text(faces, "editor.discarded")));
        return "/admin/index?faces-redirect=true";
    }

    /** The SLA policy chosen in the editor, for the SOP's escalations from now on (empty: the default). */
    private void assignPolicy(FacesContext faces, SopBundle published) {
        try {
            clocks.assign(published.id(), editor.getSlaPolicy(), user(faces));
        } catch (EJBException e) {
            Throwable why = e.getCause() == null ? e : e.getCause();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, UserFacing.textOf(why).in(faces.getViewRoot().getLocale()), null));
        }
    }

    private void refused(FacesContext faces, DraftConflict e) {
        String message = e.gone() ? text(faces, "editor.gone")
                : MessageFormat.format(text(faces, "editor.conflict"), e.savedBy(), SHOWN.format(e.savedAt().atZone(sla.zone())));
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    private static String user(FacesContext faces) {
        return faces.getExternalContext().getRemoteUser();
    }

    private static String text(FacesContext faces, String key) {
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }
}
