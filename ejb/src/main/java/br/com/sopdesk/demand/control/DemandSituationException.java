package br.com.sopdesk.demand.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import jakarta.ejb.ApplicationException;

/**
 * A request the demand's state in Qualitor does not allow (a restart of an open or cancelled demand,
 * a reiteration of a closed one), or a restart whose demand's situation cannot be read now: shown on
 * the demand number like any refused field, and answered 409 (503 while unreadable) by the API.
 */
@ApplicationException(rollback = true)
public class DemandSituationException extends InvalidSubmissionException {

    private static final long serialVersionUID = 1L;

    private final String situation;

    DemandSituationException(Text why, String situation) {
        super("demandNumber", why);
        this.situation = situation;
    }

    /** Qualitor's situation of the demand; null when it could not be read. */
    public String situation() {
        return situation;
    }
}
