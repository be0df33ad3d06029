package br.com.sopdesk.i18n;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The API's own answers in the caller's language ({@code br.com.sopdesk.api.ApiMessages} bundle: pt-BR unless {@code Accept-Language: en}). */
public final class ApiMessages {

    private ApiMessages() {
    }

    /** The text in the language the request asks for ({@link ApiLocale}). */
    public static String text(HttpHeaders headers, String key, Object... values) {
        return text(ApiLocale.of(headers), key, values);
    }

    public static String text(Locale locale, String key, Object... values) {
        ResourceBundle bundle = ResourceBundle.getBundle("br.com.sopdesk.api.ApiMessages",
                "en".equals(locale.getLanguage()) ? Locale.ROOT : Locale.forLanguageTag("pt"), ApiMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return values.length == 0 ? bundle.getString(key) : MessageFormat.format(bundle.getString(key), values);
    }
}
