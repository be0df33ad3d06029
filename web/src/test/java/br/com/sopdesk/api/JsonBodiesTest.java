package br.com.sopdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.i18n.ApiMessages;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every JSON body of the API: one document, bounded, numbers within int, refusals in the caller's words (pt-BR, English). */
class JsonBodiesTest {

    private final JsonBodies reader = new JsonBodies();

    private Object read(String body) throws Exception {
        return reader.readFrom(Object.class, TicketResource.TicketRequest.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private WebApplicationException refused(String body) {
        return assertThrows(WebApplicationException.class, () -> read(body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entity(WebApplicationException e) {
        return (Map<String, Object>) e.getResponse().getEntity();
    }

    @Test
    void aGoodBodyIsRead() throws Exception {
        TicketResource.TicketRequest r = (TicketResource.TicketRequest) read("{\"sopId\": \"perda-de-senha\", \"sopVersion\": 3, \"answers\": {\"tipo\": \"a1\"}}");
        assertEquals("perda-de-senha", r.sopId());
        assertEquals(3, r.sopVersion());
    }

    @Test
    void anEmptyBodyIsA422WithAMessage() {
        WebApplicationException e = refused("");
        assertEquals(422, e.getResponse().getStatus());
        assertTrue(String.valueOf(entity(e).get("message")).startsWith("O corpo do pedido está vazio"), entity(e).toString());
        assertEquals(422, refused(" \r\n ").getResponse().getStatus());
    }

    @Test
    void trailingGarbageAndTwoDocumentsAre422() {
        for (String body : List.of("{\"sopId\": \"x\"} lixo", "{\"sopId\": \"x\"}{\"sopId\": \"y\"}", "{\"sopId\": \"x\"", "[1,]", "{'sopId': 1}")) {
            WebApplicationException e = refused(body);
            assertEquals(422, e.getResponse().getStatus(), body);
            String message = String.valueOf(entity(e).get("message"));
            assertTrue(message.startsWith("O corpo do pedido não é um JSON válido"), message);
            assertFalse(message.contains("token") || message.contains("CURLY") || message.contains("Exception"), message);
        }
    }

    @Test
    void aSopVersionPastTheIntRangeIsA422NamingTheFieldNotAWrappedNumber() {
        for (String n : List.of("2147483648", "-2147483649", "1e30", "99999999999999999999999")) {
            WebApplicationException e = refused("{\"sopId\": \"x\", \"sopVersion\": " + n + "}");
            assertEquals(422, e.getResponse().getStatus());
            @SuppressWarnings("unchecked")
            Map<String, String> errors = (Map<String, String>) entity(e).get("errors");
            assertTrue(errors.get("sopVersion").contains("fora do intervalo"), errors.toString());
        }
    }

    @Test
    void deepNestingIsA422NotAStackOverflow() {
        WebApplicationException e = refused("{\"answers\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}");
        assertEquals(422, e.getResponse().getStatus());
        assertTrue(String.valueOf(entity(e).get("message")).contains("50 níveis"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldWithoutClassNames() {
        WebApplicationException e = refused("{\"sopId\": \"x\", \"sopVersion\": \"três\"}");
        assertEquals(422, e.getResponse().getStatus());
        String all = entity(e).toString();
        assertTrue(all.contains("sopVersion"), all);
        assertFalse(all.contains("br.com.sopdesk") || all.contains("Exception") || all.contains("java."), all);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        WebApplicationException e = refused("{\"description\": \"" + "x".repeat(1_048_576) + "\"}");
        assertEquals(413, e.getResponse().getStatus());
    }

    @Test
    void messagesFollowAcceptLanguage() {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> JsonBodies.check("{} {}", 50, Locale.ENGLISH));
        assertTrue(String.valueOf(entity(e).get("message")).startsWith("The request body is not valid JSON"));
        assertTrue(ApiMessages.text(Locale.ENGLISH, "http.415").contains("application/json"));
    }
}
