package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiLocale;
import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.sop.entity.SopLimits;
import jakarta.annotation.Priority;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every JSON request body of the API, strictly, in place of the JSON-B reader, which took the
 * first of two documents, ignored trailing garbage, silently wrapped {@code 2147483648} to a
 * negative {@code int}, recursed into any nesting (a stack overflow, a 500) and answered mistakes
 * with the parser's tokens or Java class names. Here a body must be one JSON value in UTF-8, at most
 * {@link SopLimits#maxBytes()} (413) and {@link SopLimits#maxDepth()} deep, with its whole numbers
 * within {@code int}; anything else is a 422 saying what is wrong in the caller's language. Its
 * priority puts it before the JSON-B reader, which otherwise may be chosen first for the same type
 * (the order the two are found in varied between deployments).
 */
@Provider
@Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "text/json", "application/*+json"})
public class JsonBodies implements MessageBodyReader<Object> {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]{1,40})'?");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    @Context
    HttpHeaders headers;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type) && !Reader.class.isAssignableFrom(type)
                && !JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entity) throws IOException {
        Locale locale = ApiLocale.of(headers);
        SopLimits limits = SopLimits.configured();
        byte[] body = entity.readNBytes(limits.maxBytes() + 1);
        if (body.length > limits.maxBytes()) {
            throw refusal(413, ApiMessages.text(locale, "body.too-large", limits.maxBytes() / 1024), null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw refusal(422, ApiMessages.text(locale, "body.invalid"), null);
        }
        if (text.isBlank()) {
            throw refusal(422, ApiMessages.text(locale, "body.empty"), null);
        }
        check(text, limits.maxDepth(), locale);
        try {
            return JSONB.fromJson(text, genericType);
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            String property = property(e);
            String message = property == null ? ApiMessages.text(locale, "body.value-type") : ApiMessages.text(locale, "body.field-type", property);
            throw refusal(422, property == null ? message : ApiMessages.text(locale, "body.refused"), property == null ? null : Map.of(property, message));
        }
    }

    /** One streaming pass: one value and nothing after it, the nesting, and each whole number within {@code int}. */
    static void check(String text, int maxDepth, Locale locale) {
        int depth = 0;
        String key = null;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > maxDepth) {
                            throw refusal(422, ApiMessages.text(locale, "body.too-deep", maxDepth), null);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> key = parser.getString();
                    case VALUE_NUMBER -> {
                        String raw = parser.getString();
                        // a number written with hundreds of digits is refused before BigDecimal spends time on it
                        BigDecimal n = raw.length() > 40 ? null : parser.getBigDecimal();
                        if (n == null || n.compareTo(INT_MIN) < 0 || n.compareTo(INT_MAX) > 0) {
                            String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
                            String message = ApiMessages.text(locale, "body.number-range", shown);
                            throw refusal(422, ApiMessages.text(locale, "body.refused"), Map.of(key == null || key.length() > 80 ? "body" : key, message));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException e) {
            throw refusal(422, ApiMessages.text(locale, "body.invalid"), null);
        }
    }

    private static String property(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** {@code {"message"}}, or {@code {"message", "errors": {field: message}}} when a field is named. */
    static WebApplicationException refusal(int status, String message, Map<String, String> errors) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("message", message);
        if (errors != null) {
            entity.put("errors", errors);
        }
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(entity).build());
    }
}
