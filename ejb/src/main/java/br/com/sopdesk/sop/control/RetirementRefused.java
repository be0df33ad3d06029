package br.com.sopdesk.sop.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.UserFacing;
import jakarta.ejb.ApplicationException;

/**
 * Retiring or restoring a SOP was refused: the reason given is not acceptable (the API answers 422),
 * or the SOP is not in the state the request assumes (409). An application exception, so the caller
 * gets it as it is and nothing is kept.
 */
@ApplicationException(rollback = true)
public class RetirementRefused extends RuntimeException implements UserFacing {

    private static final long serialVersionUID = 1L;

    private final Text text;
    private final boolean conflict;

    RetirementRefused(Text text, boolean conflict) {
        super(text.toString());
        this.text = text;
        this.conflict = conflict;
    }

    @Override
    public Text text() {
        return text;
    }

    /** Whether the SOP's state, not the reason, is what stood in the way. */
    public boolean conflict() {
        return conflict;
    }
}
