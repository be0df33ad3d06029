package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.sla.control.SlaClocks;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** Binds the dashboard's "my alert e-mails" panel: the supervisor's address, quiet hours, on or off. */
@Named
@ViewScoped
public class AlertSubscriptionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SlaClocks clocks;

    private String email;
    private String quietFrom;
    private String quietUntil;
    private boolean active = true;

    @PostConstruct
    void load() {
        clocks.subscriber(user()).ifPresent(s -> {
            email = s.getEmail();
            quietFrom = s.getQuietFrom();
            quietUntil = s.getQuietUntil();
            active = s.isActive();
        });
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            clocks.subscribe(user(), email, quietFrom, quietUntil, active);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    faces.getApplication().getResourceBundle(faces, "msg").getString("sla.subscription.saved"), null));
        } catch (EJBException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, SlaTexts.message(e), null));
            faces.validationFailed();
        }
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getQuietFrom() {
        return quietFrom;
    }

    public void setQuietFrom(String quietFrom) {
        this.quietFrom = quietFrom;
    }

    public String getQuietUntil() {
        return quietUntil;
    }

    public void setQuietUntil(String quietUntil) {
        this.quietUntil = quietUntil;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
