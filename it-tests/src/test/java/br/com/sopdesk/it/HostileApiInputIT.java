package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies sent to the API answer a clear 4xx in the caller's words: text Qualitor's XML
 * cannot carry is refused at intake naming the field (never accepted and then refused forever),
 * invisible names, direction controls in e-mails, an empty body, trailing garbage, two documents,
 * a {@code sopVersion} past the int range and deep nesting are all 422, never a 500 or a Java name.
 */
@BlackBox
class HostileApiInputIT {

    private static String ticket(String name, String description, String email, String sopVersion) {
        return "{\"sopId\":\"perda-de-senha\"," + (sopVersion == null ? "" : "\"sopVersion\":" + sopVersion + ",")
                + "\"answers\":{\"tipo\":\"A3\",\"a3-resolveu\":\"nao\"},\"customer\":{\"document\":\"11.222.333/0001-81\","
                + "\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"fields\":{\"midia\":\"Token SafeNet 5110\"},\"triedSolution\":\"Desbloqueio e troca do PIN tentados com o cliente.\","
                + "\"description\":\"" + description + "\"}";
    }

    private static HttpResponse<String> submit(String body) throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", body);
        AdminApiIT.assertNoInternals(r);
        return r;
    }

    @Test
    void textQualitorsXmlCannotCarryIsRefusedAtIntakeNamingTheField() throws Exception {
        String ok = "Cliente não localiza a senha do certificado A1.";
        for (String bad : List.of("\\ud800", "\\udc00", "\\ufffe", "\\uffff", "\\u0001", "\\ufdd0")) {
            HttpResponse<String> r = submit(ticket("Padaria", ok + " " + bad, "a@padaria.com.br", null));
            assertEquals(422, r.statusCode(), bad + " " + r.body());
            assertTrue(r.body().contains("\"description\""), r.body());
            assertTrue(r.body().contains("não pode ser enviado ao Qualitor"), r.body());
        }
    }

    @Test
    void invisibleNamesAndDirectionControlsInEmailsAreRefused() throws Exception {
        String ok = "Cliente não localiza a senha do certificado A1.";
        HttpResponse<String> name = submit(ticket("\\u200b\\u00a0\\u200d", ok, "a@padaria.com.br", null));
        assertEquals(422, name.statusCode(), name.body());
        assertTrue(name.body().contains("\"customerName\""), name.body());
        HttpResponse<String> description = submit(ticket("Padaria", "\\u00a0".repeat(20), "a@padaria.com.br", null));
        assertEquals(422, description.statusCode(), description.body());
        assertTrue(description.body().contains("\"description\""), description.body());
        HttpResponse<String> email = submit(ticket("Padaria", ok, "a@\\u202erb.moc.airadap", null));
        assertEquals(422, email.statusCode(), email.body());
        assertTrue(email.body().contains("\"email\""), email.body());
    }

    @Test
    void malformedBodiesAre422WithAMessage() throws Exception {
        String good = ticket("Padaria", "Cliente não localiza a senha do certificado A1.", "a@padaria.com.br", null);
        for (String body : List.of("", "   ", good + " lixo", good + good, good.substring(0, 40),
                "{\"answers\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}")) {
            HttpResponse<String> r = submit(body);
            assertEquals(422, r.statusCode(), body.length() > 60 ? body.substring(0, 60) : body);
            assertTrue(Env.field(r.body(), "message") != null, r.body());
        }
        HttpResponse<String> english = Env.api("POST", "tickets", Env.AGENT, Env.AGENT_PASSWORD, "", "en");
        assertEquals(422, english.statusCode());
        assertTrue(Env.field(english.body(), "message").startsWith("The request body is empty"), english.body());
    }

    @Test
    void aSopVersionPastTheIntRangeIsA422NotAWrappedNumber() throws Exception {
        for (String version : List.of("2147483648", "4294967297", "-2147483649", "1e40")) {
            HttpResponse<String> r = submit(ticket("Padaria", "Cliente não localiza a senha do certificado A1.", "a@padaria.com.br", version));
            assertEquals(422, r.statusCode(), version + " " + r.body());
            assertTrue(r.body().contains("\"sopVersion\""), r.body());
        }
    }
}
