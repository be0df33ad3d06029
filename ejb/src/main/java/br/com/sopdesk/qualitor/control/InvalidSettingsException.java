package br.com.sopdesk.qualitor.control;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** Settings an administrator typed that cannot be used, each with the reason; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidSettingsException extends RuntimeException {

    private final transient Map<String, String> problems;

    public InvalidSettingsException(Map<String, String> problems) {
        super(problems.toString());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
