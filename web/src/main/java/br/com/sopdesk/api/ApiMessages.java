package br.com.sopdesk.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The API's own refusals in the caller's language ({@code ApiMessages} bundle: pt-BR unless {@code Accept-Language: en}). */
final class ApiMessages {

    private ApiMessages() {
    }

    /** The text in the language the request asks for ({@link ApiErrors#locale}). */
    static String text(HttpHeaders headers, String key, Object... values) {
        return text(ApiErrors.locale(headers), key, values);
    }

    static String text(Locale locale, String key, Object... values) {
        ResourceBundle bundle = ResourceBundle.getBundle("br.com.sopdesk.api.ApiMessages",
                "en".equals(locale.getLanguage()) ? Locale.ROOT : Locale.forLanguageTag("pt"), ApiMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return values.length == 0 ? bundle.getString(key) : MessageFormat.format(bundle.getString(key), values);
    }
}
