package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.sop.boundary.SopPage;
import br.com.sopdesk.sop.boundary.SopWalkView;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.ticket.entity.Intake;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Switching the guided page to another SOP in the middle of a call: the customer's data, the SOP's
 * fields, the certificate read, the demand number and the answers to questions both SOPs ask travel
 * with the agent (in the flash, across the redirect) instead of being typed again.
 */
@Named
@ViewScoped
public class SopSwitch implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CARRY = "sopdesk.carry";

    @EJB
    SopCatalog catalog;

    @Inject
    SopPage page;

    @Inject
    SopWalkView walk;

    @Inject
    IntakeForm intake;

    @Inject
    DemandForm demand;

    private List<SopBundle> otherSops = List.of();
    private String switchTo;

    /** What travels to the next SOP when the agent switches. */
    record Carry(Intake intake, Map<String, String> answers, Map<String, String> fields, String demandNumber,
                 CertificateFacts certificate) implements Serializable {
    }

    /** View action: takes over what the previous SOP of the call carried, and lists the SOPs to switch to. */
    public void arrive() {
        if (page.getBundle() == null) {
            return;
        }
        if (FacesContext.getCurrentInstance().getExternalContext().getFlash().get(CARRY) instanceof Carry c) {
            walk.carry(c.answers());
            intake.carry(c.intake(), c.fields(), c.certificate());
            demand.setDemandNumber(c.demandNumber());
        }
        String here = page.getBundle().id();
        otherSops = catalog.inService().stream().filter(b -> !b.id().equals(here)).toList();
    }

    /** Opens another SOP, carrying the customer's data and the answers that still apply. */
    public String switchSop() {
        if (switchTo == null || switchTo.equals(page.getBundle().id())) {
            return null;
        }
        Carry carry = new Carry(intake.getIntake(), walk.getAnswers(), intake.getFields(), demand.getDemandNumber(), intake.getCertificate());
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(CARRY, carry);
        return "/app/sop?faces-redirect=true&id=" + switchTo;
    }

    /** At a FOLLOW outcome: continues the call in the SOP that owns the case, carrying what was gathered. */
    public String follow() {
        var current = walk.getWalk() == null ? null : walk.getWalk().current();
        if (current == null || !current.follows()) {
            return null;
        }
        switchTo = current.sop();
        return switchSop();
    }

    /** The title of another published SOP a step leads to, or null when there is none by that id. */
    public String title(String sopId) {
        return sopId == null ? null : otherSops.stream().filter(b -> b.id().equals(sopId)).map(SopBundle::title).findFirst().orElse(null);
    }

    public List<SopBundle> getOtherSops() {
        return otherSops;
    }

    public String getSwitchTo() {
        return switchTo;
    }

    public void setSwitchTo(String switchTo) {
        this.switchTo = switchTo;
    }
}
