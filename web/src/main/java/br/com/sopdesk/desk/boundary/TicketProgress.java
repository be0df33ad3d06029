package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.ticket.boundary.TicketStatus;
import br.com.sopdesk.ticket.control.QualitorOutbox;
import br.com.sopdesk.ticket.control.TicketActionRefused;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * Binds the saved ticket's way to Qualitor on the guided SOP page: its progress (a poll while it is
 * queued), sending a refused or held ticket again once the agent fixed the cause in Qualitor, and
 * the demand number the agent found there for a held one. The customer's demands are read again
 * whenever the ticket reached an outcome.
 */
@Named
@ViewScoped
public class TicketProgress implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TicketService tickets;

    @EJB
    QualitorOutbox outbox;

    @Inject
    RelatedPanel related;

    private TicketStatus ticket;
    private String foundNumber;

    /** The ticket just saved ({@link IntakeForm}). */
    void follow(Ticket saved) {
        ticket = TicketStatus.of(saved, locale());
    }

    /** Poll while queued: shows the demand number as soon as the outbox got it. */
    public void refresh() {
        if (ticket != null && ticket.isQueued()) {
            reread();
            if (!ticket.isQueued()) {
                related.again();
            }
        }
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
            ticket = TicketStatus.of(outbox.resend(ticket.id(), faces.getExternalContext().getRemoteUser(), checked), locale());
            if (!ticket.isQueued()) {
                related.again();
            }
        } catch (TicketActionRefused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.text().in(locale()), null));
            reread();
        }
    }

    /** Records the demand number the agent found in Qualitor for a held ticket. */
    public void found() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String number = foundNumber == null ? "" : foundNumber.strip();
        if (!number.matches("\\d{1,20}")) {
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString("result.held.foundNumber.invalid");
            faces.addMessage("walk:foundNumber", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            faces.validationFailed();
            return;
        }
        try {
            ticket = TicketStatus.of(outbox.found(ticket.id(), number, faces.getExternalContext().getRemoteUser()), locale());
            related.again();
        } catch (TicketActionRefused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.text().in(locale()), null));
        }
    }

    private void reread() {
        tickets.find(ticket.id()).map(t -> TicketStatus.of(t, locale())).ifPresent(t -> ticket = t);
    }

    /** The page's language, which the agent may switch. */
    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public TicketStatus getTicket() {
        return ticket;
    }

    public String getFoundNumber() {
        return foundNumber;
    }

    public void setFoundNumber(String foundNumber) {
        this.foundNumber = foundNumber;
    }
}
