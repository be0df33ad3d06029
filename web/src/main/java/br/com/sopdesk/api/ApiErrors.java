package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiLocale;
import br.com.sopdesk.i18n.ApiMessages;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;

/**
 * The API's errors as JSON {@code {"message"}}, like its other refusals, in the caller's language
 * ({@link ApiMessages}): an unknown ticket (404 with the resource's own message), an unknown address,
 * a method the address does not take (405, with {@code Allow}). A body that is empty or not JSON is
 * refused like any other bad input (422), never with a stack trace, a parser's words or a 500
 * ({@link UnreadableBody}, {@link JsonBodies}). An error that already has a body keeps it.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        return answer(e, locale(headers));
    }

    /** The JSON answer for {@code e}; shared with the mapper of 400s ({@link CertificateRequestProblems}). */
    static Response answer(WebApplicationException e, Locale locale) {
        Response r = e.getResponse();
        if (r.hasEntity()) {
            return r;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoContentException) {
                return UnreadableBody.refusal(locale, "body.empty");
            }
        }
        // the exception's own message is a resource's (Jersey's start with "HTTP "), unless it names code
        String m = e.getMessage();
        boolean ours = m != null && !m.startsWith("HTTP ") && !m.contains("Exception") && !m.contains("br.com.") && !m.contains("class ");
        String message = ours ? e.getMessage() : generic(r.getStatus(), locale);
        return Response.fromResponse(r).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(Map.of("message", message)).build();
    }

    /** A JSON body the reader could not parse (Jersey reports it as a ProcessingException, otherwise a 500). */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProcessingException e) {
            return refusal(locale(headers), "body.invalid");
        }

        static Response refusal(Locale locale, String key) {
            return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(Map.of("message", ApiMessages.text(locale, key))).build();
        }
    }

    static Locale locale(HttpHeaders headers) {
        return ApiLocale.of(headers);
    }

    private static String generic(int status, Locale locale) {
        return switch (status) {
            case 400, 404, 405, 406, 413, 415 -> ApiMessages.text(locale, "http." + status);
            default -> ApiMessages.text(locale, status >= 500 ? "http.500" : "http.other");
        };
    }
}
