package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The administrator's "Conexão com o Qualitor": the setup check passes on the demo against the
 * sandbox and names the broken item when one setting is wrong; settings are checked before they
 * are stored and audited; a category's Qualitor team moves its new demands there, once.
 */
@BlackBox
class QualitorSetupIT {

    @AfterEach
    void restore() throws Exception {
        Env.adminApi("PUT", "admin/qualitor/settings", "{\"qualitor.wsdl-file\": \"\", \"qualitor.extra.phone2\": \"\"}");
        Env.adminApi("PUT", "admin/qualitor/categories/32/team", "{\"team\": \"\"}");
        Env.sandboxControl("wsdl-file-spelling?mode=ANY");
    }

    /** The check named {@code id} (and {@code subject}; null: a check without one), as the JSON answer lists it. */
    private static String check(String body, String id, String subject) {
        Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(body);
        while (m.find()) {
            String c = m.group();
            if (c.contains("\"id\":\"" + id + "\"")
                    && (subject == null ? !c.contains("\"subject\"") : c.contains("\"subject\":\"" + subject + "\""))) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + "/" + subject + " in " + body);
    }

    @Test
    void theDemoPassesEveryCheckAndShowsEachSopsExactRequestWithThePasswordMasked() throws Exception {
        HttpResponse<String> r = Env.adminApi("GET", "admin/qualitor/check", null);
        assertEquals(200, r.statusCode(), r.body());
        // other tests publish SOPs with codes of their own, which no reference demand carries: only the
        // shipped SOPs' codes must all pass (on a fresh demo nothing else is published, and "ok" is true)
        assertFalse(r.body().contains("\"FAILED\""), r.body());
        for (String[] code : new String[][] {{"category", "32"}, {"category", "33"}, {"category", "34"}, {"category", "35"},
                {"category", "36"}, {"ticket-type", "5"}}) {
            assertTrue(check(r.body(), code[0], code[1]).contains("\"status\":\"PASSED\""), code[0] + " " + code[1] + ": " + r.body());
        }
        for (String id : new String[] {"reach", "login", "wsdl-file", "default-contact"}) {
            if (!"soap".equals(System.getProperty("it.qualitorMode")) || !id.equals("wsdl-file")) {
                assertTrue(check(r.body(), id, null).contains("\"status\":\"PASSED\""), id + ": " + r.body());
            }
        }
        assertTrue(check(r.body(), "reach", null).contains("8.20"), "Qualitor's version: " + r.body());
        assertTrue(check(r.body(), "category", "32").contains("Perda de senha"), "Qualitor's own name for the code: " + r.body());
        assertTrue(r.body().contains("\"sop\":\"perda-de-senha v"), r.body());
        assertTrue(r.body().contains("password=********"), "masked: " + r.body());
        assertFalse(r.body().contains("password=sandbox"), "never the password itself");
        // the check is audited with its result: "tudo certo" on a fresh demo; when other test classes ran
        // first, their SOPs' codes may be listed as not run, but never a shipped SOP's code nor a failure
        String audited = Env.adminApi("GET", "admin/audit?action=qualitor.verificacao&limit=1", null).body();
        assertTrue(audited.contains("tudo certo") || (audited.contains("com problemas") && !audited.contains("FAILED")
                && !audited.matches("(?s).*category 3[2-6] .*")), audited);

        // the names read back are kept beside the categories' codes, for the administrator's list
        HttpResponse<String> categories = Env.adminApi("GET", "admin/categories", null);
        jakarta.json.JsonObject c32 = jakarta.json.Json.createReader(new java.io.StringReader(categories.body())).readArray()
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(c -> c.getString("code").equals("32")).findFirst().orElseThrow();
        assertTrue(c32.getString("qualitorName", "").contains("Perda de senha"), categories.body());
        assertFalse(c32.isNull("qualitorNameAt"), "with when it was read: " + c32);
    }

    @Test
    void aWsdlFileSpellingQualitorRefusesIsNamedWithTheSettingToChangeAndTheFixMakesItPass() throws Exception {
        assumeFalse("soap".equals(System.getProperty("it.qualitorMode")), "wsdl_file is the stateless endpoint's");
        Env.sandboxControl("wsdl-file-spelling?mode=BARE_ONLY");
        String body = Env.adminApi("GET", "admin/qualitor/check", null).body();
        assertTrue(body.contains("\"ok\":false"), body);
        String spelling = check(body, "wsdl-file", null);
        assertTrue(spelling.contains("\"status\":\"FAILED\"") && spelling.contains("qualitor.wsdl-file") && spelling.contains("bare"), spelling);
        assertTrue(spelling.contains("Detalhe do Qualitor"), "Qualitor's refusal beside it: " + spelling);
        String english = check(Env.api("GET", "admin/qualitor/check", Env.ADMIN, Env.ADMIN_PASSWORD, null, "en").body(), "wsdl-file", null);
        assertTrue(english.contains("Qualitor's detail") && !english.contains("Detalhe do Qualitor"),
                "our words around Qualitor's own in the reader's language: " + english);

        HttpResponse<String> saved = Env.adminApi("PUT", "admin/qualitor/settings", "{\"qualitor.wsdl-file\": \"bare\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("qualitor.wsdl-file"), saved.body());
        String after = Env.adminApi("GET", "admin/qualitor/check", null).body();
        assertTrue(check(after, "wsdl-file", null).contains("\"status\":\"PASSED\""), after);
        assertTrue(check(after, "category", "32").contains("\"status\":\"PASSED\""), "the codes are read again: " + after);
        assertTrue(Env.adminApi("GET", "admin/audit?action=qualitor.configuracao", null).body().contains("bare"));
    }

    @Test
    void anExtraInformationCodeQualitorDoesNotKnowFailsWithItsWordsBeforeAnythingIsSaved() throws Exception {
        HttpResponse<String> r = Env.adminApi("POST", "admin/qualitor/check", "{\"qualitor.extra.phone2\": \"9999\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"ok\":false"), r.body());
        String extra = check(r.body(), "extra-info", "9999");
        assertTrue(extra.contains("\"status\":\"FAILED\"") && extra.contains("qualitor.extra.phone2"), extra);
        String known = Env.adminApi("POST", "admin/qualitor/check", "{\"qualitor.extra.phone2\": \"1740\"}").body();
        assertTrue(check(known, "extra-info", "1740").contains("\"status\":\"PASSED\""), known);
        assertFalse(Env.adminApi("GET", "admin/qualitor/settings", null).body().contains("\"value\":\"9999\""), "nothing was saved");
    }

    @Test
    void aValueThatCannotBeUsedIsRefusedNamingItsKeyAndNothingIsStored() throws Exception {
        HttpResponse<String> r = Env.adminApi("PUT", "admin/qualitor/settings", "{\"qualitor.encoding\": \"latin-9\", \"qualitor.wsdl-file\": \"bare\"}");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("qualitor.encoding"), r.body());
        assertFalse(Env.adminApi("GET", "admin/qualitor/settings", null).body().replace(" ", "")
                .contains("{\"key\":\"qualitor.wsdl-file\",\"value\":\"bare\""), "all or nothing");
        assertEquals(403, Env.agentApi("GET", "admin/qualitor/check", null).statusCode(), "administrators only");
    }

    @Test
    void aCategorysQualitorTeamMovesEachNewDemandThereOnce() throws Exception {
        assertEquals(200, Env.adminApi("PUT", "admin/qualitor/categories/32/team", "{\"team\": \"7\"}").statusCode());
        assertEquals(422, Env.adminApi("PUT", "admin/qualitor/categories/32/team", "{\"team\": \"<b>\"}").statusCode());
        HttpResponse<String> created = Env.agentApi("POST", "tickets", Tickets.validLostPassword(Env.freshCnpj()));
        assertEquals(201, created.statusCode(), created.body());
        String id = Env.field(created.body(), "id");
        String number = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Env.field(Env.agentApi("GET", "tickets/" + id, null).body(), "demandNumber"), n -> n != null && !n.equals("null"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Env.get(Env.SANDBOX + "control/tickets/" + number + "/team").body(), b -> b.contains("\"cdequipe\":\"7\""));
        assertTrue(Env.adminApi("GET", "admin/audit?action=demanda.transferida", null).body().contains(number));
    }
}
