package br.com.sopdesk.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The API answers in pt-BR unless the caller asks for English with {@code Accept-Language: en}. */
final class ApiLocale {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private ApiLocale() {
    }

    static Locale of(HttpHeaders headers) {
        return of(headers.getAcceptableLanguages());
    }

    static Locale of(java.util.List<Locale> acceptable) {
        return acceptable.stream()
                .filter(l -> "en".equals(l.getLanguage()) || "pt".equals(l.getLanguage()))
                .findFirst()
                .map(l -> "en".equals(l.getLanguage()) ? Locale.ENGLISH : PT_BR)
                .orElse(PT_BR);
    }
}
