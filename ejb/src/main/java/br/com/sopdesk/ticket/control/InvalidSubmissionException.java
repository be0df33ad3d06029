package br.com.sopdesk.ticket.control;

import br.com.sopdesk.platform.Text;
import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A submission refused before anything was stored or sent, with one text per field (the field
 * names of {@code Intake}, or {@code sop} / {@code answers} for the walk itself), rendered in the
 * reader's language by the page or the API.
 */
@ApplicationException(rollback = true)
public class InvalidSubmissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Text> errors;

    /** Sentences not in a bundle yet (or already in the reader's language): shown as they are. */
    public InvalidSubmissionException(Map<String, String> fieldErrors) {
        this(verbatim(fieldErrors));
    }

    /** One field's refusal (for subclasses that say more about why). */
    protected InvalidSubmissionException(String field, Text error) {
        this(new LinkedHashMap<>(Map.of(field, error)));
    }

    private InvalidSubmissionException(LinkedHashMap<String, Text> errors) {
        super("invalid submission: " + errors);
        this.errors = Collections.unmodifiableMap(errors);
    }

    public static InvalidSubmissionException of(Map<String, Text> errors) {
        return new InvalidSubmissionException(new LinkedHashMap<>(errors));
    }

    public static InvalidSubmissionException of(String field, Text error) {
        return of(Map.of(field, error));
    }

    public Map<String, Text> errors() {
        return errors;
    }

    /** One message per field in {@code locale} (pt-BR unless English). */
    public Map<String, String> fieldErrors(Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, text) -> out.put(field, text.in(locale)));
        return out;
    }

    /** Sentences already rendered (Bean Validation's, in the request's language) as texts shown as they are. */
    static LinkedHashMap<String, Text> verbatim(Map<String, String> sentences) {
        LinkedHashMap<String, Text> out = new LinkedHashMap<>();
        sentences.forEach((field, sentence) -> out.put(field, Text.verbatim(sentence)));
        return out;
    }
}
