package br.com.sopdesk.i18n;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The API answers in pt-BR unless the caller asks for English with {@code Accept-Language: en}; a
 * header that cannot be read counts as none. Shared by the resources and the security filters
 * that answer for the API.
 */
public final class ApiLocale {

    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private ApiLocale() {
    }

    public static Locale of(HttpHeaders headers) {
        try {
            return headers == null ? PT_BR : of(headers.getAcceptableLanguages());
        } catch (RuntimeException e) {
            return PT_BR;
        }
    }

    /** From the raw {@code Accept-Language} header (servlet filters), e.g. {@code en-US,en;q=0.9}. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return PT_BR;
        }
        try {
            return of(Locale.LanguageRange.parse(acceptLanguage).stream().map(r -> Locale.forLanguageTag(r.getRange())).toList());
        } catch (IllegalArgumentException e) {
            return PT_BR;
        }
    }

    public static Locale of(List<Locale> acceptable) {
        return acceptable.stream()
                .filter(l -> "en".equals(l.getLanguage()) || "pt".equals(l.getLanguage()))
                .findFirst()
                .map(l -> "en".equals(l.getLanguage()) ? Locale.ENGLISH : PT_BR)
                .orElse(PT_BR);
    }
}
