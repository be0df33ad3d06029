package br.com.sopdesk.ticket.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.UserFacing;
import jakarta.ejb.ApplicationException;

/**
 * A person asked something of a ticket its state does not allow (sending again a ticket already in
 * Qualitor, recording a number for one that is not held): the text says why. An application
 * exception, so it reaches the page or the API as it is, not wrapped by the EJB container.
 */
@ApplicationException(rollback = true)
public class TicketActionRefused extends RuntimeException implements UserFacing {

    private static final long serialVersionUID = 1L;

    private final Text text;

    public TicketActionRefused(Text text) {
        super(text.toString());
        this.text = text;
    }

    /** A sentence not in a bundle yet: shown as it is, in every language. */
    public TicketActionRefused(String message) {
        this(Text.verbatim(message));
    }

    @Override
    public Text text() {
        return text;
    }
}
