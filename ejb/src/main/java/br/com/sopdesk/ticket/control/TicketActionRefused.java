package br.com.sopdesk.ticket.control;

import jakarta.ejb.ApplicationException;

/**
 * A person asked something of a ticket its state does not allow (sending again a ticket already in
 * Qualitor, recording a number for one that is not held): the message says why. An application
 * exception, so it reaches the page or the API as it is, not wrapped by the EJB container.
 */
@ApplicationException(rollback = true)
public class TicketActionRefused extends RuntimeException {

    public TicketActionRefused(String message) {
        super(message);
    }
}
