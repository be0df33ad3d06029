package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.platform.Text;
import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Settings an administrator typed that cannot be used, each with the reason; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Text> problems;

    public InvalidSettingsException(Map<String, Text> problems) {
        super(problems.toString());
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, Text> problems() {
        return problems;
    }

    /** Each wrong key and why, in pt-BR or English. */
    public Map<String, String> problems(Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach((key, why) -> out.put(key, why.in(locale)));
        return out;
    }
}
