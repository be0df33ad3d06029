package br.com.sopdesk.ticket.control;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A submission refused before anything was stored or sent, with one message per field (the field
 * names of {@code Intake}, or {@code sop} / {@code answers} for the walk itself).
 */
@ApplicationException(rollback = true)
public class InvalidSubmissionException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidSubmissionException(Map<String, String> fieldErrors) {
        super("submissão inválida: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
