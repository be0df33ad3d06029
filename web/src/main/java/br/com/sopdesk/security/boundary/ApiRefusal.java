package br.com.sopdesk.security.boundary;

import br.com.sopdesk.i18n.ApiLocale;
import br.com.sopdesk.i18n.ApiMessages;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The refusals the security filters answer for the API, before any resource runs: JSON
 * {@code {"message"}} like the API's own, in the language the request asks for (the API's bundle).
 */
final class ApiRefusal {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ApiRefusal() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String key, Object... values) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(JSON.createObjectBuilder().add("message", text(request, key, values)).build().toString());
    }

    static String text(HttpServletRequest request, String key, Object... values) {
        return ApiMessages.text(ApiLocale.of(request.getHeader("Accept-Language")), key, values);
    }
}
