package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.warranty.control.RevocationLetters;
import br.com.sopdesk.warranty.entity.RevocationLetter;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** Binds the administration page of the revocation letter (template, sending address, validated by the desk). */
@Named
@ViewScoped
public class RevocationLetterView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RevocationLetters letters;

    private String template;
    private String address;
    private boolean validated;

    @PostConstruct
    void load() {
        RevocationLetter l = letters.current();
        template = l.getTemplate();
        address = l.getAddress();
        validated = !l.isDraft();
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            letters.save(template, address, validated, faces.getExternalContext().getUserPrincipal().getName());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    faces.getApplication().getResourceBundle(faces, "msg").getString("letterAdmin.saved"), null));
            load();
        } catch (EJBException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    UserFacing.textOf(e.getCause() == null ? e : e.getCause()).in(faces.getViewRoot().getLocale()), null));
            faces.validationFailed();
        }
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public boolean isValidated() {
        return validated;
    }

    public void setValidated(boolean validated) {
        this.validated = validated;
    }
}
