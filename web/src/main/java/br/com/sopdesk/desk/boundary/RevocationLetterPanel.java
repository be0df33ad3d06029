package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.sop.boundary.SopPage;
import br.com.sopdesk.sop.boundary.SopWalkView;
import br.com.sopdesk.warranty.control.RevocationLetters;
import br.com.sopdesk.warranty.entity.RevocationLetter;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * On the route where the customer revokes by notarized letter (seed 003, no revocation password):
 * the administrator's letter, filled with the customer and the certificate read, and where to send
 * it. The letter is read once per page, when the route is first reached.
 */
@Named
@ViewScoped
public class RevocationLetterPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RevocationLetters letters;

    @Inject
    SopPage page;

    @Inject
    SopWalkView walk;

    @Inject
    IntakeForm intake;

    private transient RevocationLetter letter;

    /** Whether the walk stands at the letter outcome. */
    public boolean isShown() {
        var spec = page.getBundle() == null ? null : page.getBundle().warranty();
        return spec != null && spec.atLetter(walk.getWalk());
    }

    /** The letter filled from the call: the customer typed (or from Qualitor) and the certificate read. */
    public String getText() {
        return letters.filled(letter(), intake.getIntake().getCustomerName(), intake.getIntake().getDocument(), intake.getCertificate(),
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String getAddress() {
        return letter().getAddress();
    }

    /** Whether the desk has yet to validate the letter (it ships as a draft). */
    public boolean isDraft() {
        return letter().isDraft();
    }

    private RevocationLetter letter() {
        if (letter == null) {
            letter = letters.current();
        }
        return letter;
    }
}
