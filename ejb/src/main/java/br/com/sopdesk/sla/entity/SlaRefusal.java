package br.com.sopdesk.sla.entity;

import java.time.ZoneId;
import java.util.Locale;

/**
 * A request the SLA monitor refuses (an inconsistent policy, a blank comment...), with its reason as
 * a text code: {@link #getMessage()} says it in pt-BR, {@link #message(Locale)} in the reader's language.
 */
public class SlaRefusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final SlaText text;

    public SlaRefusal(String key, String... args) {
        super(key);
        this.text = SlaText.of(key, args);
    }

    public SlaText text() {
        return text;
    }

    public String message(Locale locale) {
        return text.render(locale, ZoneId.of("UTC"));
    }

    @Override
    public String getMessage() {
        return message(SlaText.PT);
    }
}
