package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Administration over the REST API: publishing a new SOP version while tickets keep the version they
 * were made with, refusing a bad bundle with line and reason, categories, and the audit trail.
 */
@BlackBox
class AdminApiIT {

    private static String bundle(String id, int version, String title) {
        return """
                {
                  "id": "%s",
                  "version": %d,
                  "seed": "999",
                  "title": "%s",
                  "start": "q",
                  "nodes": [
                    {"id": "q", "kind": "QUESTION", "title": "Resolveu?",
                     "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "sobe"}]},
                    {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                    {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}
                  ],
                  "qualitor": {"ticketType": "5", "category": "35", "location": "4", "severity": "2", "titleTemplate": "%s"}
                }
                """.formatted(id, version, title, title);
    }

    private static String ticketFor(String sopId) {
        return "{\"sopId\":\"" + sopId + "\",\"answers\":{\"q\":\"nao\"},\"customer\":{\"document\":\"11.222.333/0001-81\","
                + "\"name\":\"Padaria\",\"email\":\"a@padaria.com.br\",\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"Falha ao formatar o token, mensagem de erro 0x80.\",\"triedSolution\":\"Formatação pelo SafeNet tentada com o cliente.\"}";
    }

    @Test
    void aNewVersionIsPublishedAndOlderTicketsKeepTheirVersion() throws Exception {
        String id = "teste-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle(id, 1, "Teste v1")).statusCode());
        HttpResponse<String> first = Env.agentApi("POST", "tickets", ticketFor(id));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals("1", Env.field(first.body(), "sopVersion"));

        HttpResponse<String> v2 = Env.adminApi("POST", "admin/sops", bundle(id, 2, "Teste v2"));
        assertEquals(201, v2.statusCode(), v2.body());
        assertTrue(Env.agentApi("GET", "sops/" + id, null).body().contains("Teste v2"));

        HttpResponse<String> second = Env.agentApi("POST", "tickets", ticketFor(id));
        assertEquals("2", Env.field(second.body(), "sopVersion"), second.body());
        assertEquals("Teste v2", Env.field(second.body(), "title"));
        HttpResponse<String> old = Env.agentApi("GET", "tickets/" + Env.field(first.body(), "id"), null);
        assertEquals("1", Env.field(old.body(), "sopVersion"), "the older ticket keeps version 1: " + old.body());
        assertEquals("Teste v1", Env.field(old.body(), "title"));

        HttpResponse<String> again = Env.adminApi("POST", "admin/sops", bundle(id, 2, "Teste v2 de novo"));
        assertEquals(422, again.statusCode(), again.body());
        assertTrue(again.body().contains("publique como versão 3"), again.body());

        HttpResponse<String> export = Env.adminApi("GET", "admin/sops/" + id + "/export?version=1", null);
        assertEquals(200, export.statusCode());
        assertTrue(export.body().contains("Teste v1"));

        String yaml = Env.adminApi("GET", "admin/sops/" + id + "/export?format=yaml", null).body();
        assertTrue(yaml.contains("id: " + id) && yaml.contains("version: 2"), yaml);
        HttpResponse<String> v3 = Env.api("POST", "admin/sops", Env.ADMIN, Env.ADMIN_PASSWORD,
                yaml.replace("version: 2", "version: 3").replace("Teste v2", "Teste v3 em YAML"), null);
        assertEquals(201, v3.statusCode(), "a YAML bundle is published too: " + v3.body());
        assertTrue(Env.agentApi("GET", "sops/" + id, null).body().contains("Teste v3 em YAML"));

        String audit = Env.adminApi("GET", "admin/audit", null).body();
        assertTrue(audit.contains("SOP " + id + " v1") && audit.contains("SOP " + id + " v2"), audit);
        assertTrue(audit.contains("\"action\":\"sop.publicado\"") && audit.contains("\"actor\":\"admin\""), audit);
        assertTrue(audit.contains("\"action\":\"chamado.registrado\"") && audit.contains("\"action\":\"chamado.enviado\""), audit);
    }

    @Test
    void aBadBundleIsRefusedWithTheLineAndReason() throws Exception {
        String bad = bundle("teste-ruim", 1, "Ruim").replace("\"next\": \"sobe\"", "\"next\": \"sumiu\"");
        HttpResponse<String> r = Env.adminApi("POST", "admin/sops", bad);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"line\":9"), r.body());
        assertTrue(r.body().contains("'sumiu', que não existe"), r.body());
        HttpResponse<String> english = Env.api("POST", "admin/sops", Env.ADMIN, Env.ADMIN_PASSWORD, bad, "en");
        assertTrue(english.body().contains("\"line\":9") && english.body().contains("'sumiu', which does not exist"), english.body());

        HttpResponse<String> syntax = Env.adminApi("POST", "admin/sops", "{\n  \"id\": \"x\",\n  \"version\": 1\n  \"title\": \"x\"\n}");
        assertEquals(422, syntax.statusCode());
        assertTrue(syntax.body().contains("\"line\":4") && syntax.body().contains("JSON inválido"), syntax.body());

        HttpResponse<String> unknownCategory = Env.adminApi("POST", "admin/sops", bundle("teste-cat", 1, "Cat").replace("\"category\": \"35\"", "\"category\": \"9999\""));
        assertEquals(422, unknownCategory.statusCode());
        assertTrue(unknownCategory.body().contains("categoria 9999 não está cadastrada"), unknownCategory.body());
    }

    @Test
    void categoriesAreAdministeredAndAnInactiveOneTakesNoTickets() throws Exception {
        String id = "teste-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(200, Env.adminApi("PUT", "admin/categories/77", "{\"name\":\"Categoria de teste\",\"active\":true}").statusCode());
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle(id, 1, "Categoria 77").replace("\"category\": \"35\"", "\"category\": \"77\"")).statusCode());
        String categories = Env.adminApi("GET", "admin/categories", null).body();
        assertTrue(categories.contains("\"code\":\"77\"") && categories.contains(id), categories);

        assertEquals(200, Env.adminApi("PUT", "admin/categories/77", "{\"name\":\"Categoria de teste\",\"active\":false}").statusCode());
        HttpResponse<String> refused = Env.agentApi("POST", "tickets", ticketFor(id));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(Env.field(refused.body(), "category").contains("inativa"), refused.body());

        String audit = Env.adminApi("GET", "admin/audit", null).body();
        assertTrue(audit.contains("\"action\":\"categoria.alterada\"") && audit.contains("ativa: true → false"), audit);
    }

    @Test
    void administrationIsForAdminsOnly() throws Exception {
        assertEquals(403, Env.agentApi("GET", "admin/audit", null).statusCode());
        assertEquals(403, Env.agentApi("POST", "admin/sops", bundle("x", 1, "x")).statusCode());
        assertEquals(401, Env.api("GET", "admin/categories", null, null, null, null).statusCode());
    }

    /** Never a 500, never a Java name, a parser's tokens or a stack trace in an answer. */
    static void assertNoInternals(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
        for (String leak : java.util.List.of("br.com.sopdesk", "org.", "java.", "jakarta.", "Exception", "No enum constant", "Expected tokens",
                "CURLY", "\tat ")) {
            assertFalse(r.body().contains(leak), "'" + leak + "' in " + r.body());
        }
    }

    @Test
    void categoryChangesThatCannotBeStoredAre422WithTheReason() throws Exception {
        for (String[] bad : new String[][]{{"40", "{\"name\": \"\", \"active\": true}"}, {"%3Cb%3E", "{\"name\": \"Nome\"}"},
                {"40", "{\"name\": \"" + "n".repeat(5000) + "\"}"}, {"40", "{\"name\": \"Nome\", \"active\": \"maybe\"}"},
                {"40", "{\"name\": \"\u200B\u00A0\"}"}, {"40", "{\"name\": \"Nome\"} lixo"}}) {
            HttpResponse<String> r = Env.adminApi("PUT", "admin/categories/" + bad[0], bad[1]);
            assertEquals(422, r.statusCode(), bad[1].length() > 80 ? "5000-character name" : bad[1] + " " + r.body());
            assertTrue(Env.field(r.body(), "message") != null && !Env.field(r.body(), "message").isBlank(), r.body());
            assertNoInternals(r);
        }
        HttpResponse<String> english = Env.api("PUT", "admin/categories/40", Env.ADMIN, Env.ADMIN_PASSWORD, "{\"name\": \"N\", \"active\": \"maybe\"}", "en");
        assertEquals("Give active as true or false.", Env.field(english.body(), "message"));
    }

    @Test
    void aTeamNameOverEightyCharactersAndAPolicyForAnUnknownSopAre422() throws Exception {
        HttpResponse<String> team = Env.adminApi("PUT", "admin/sla/teams/agent", "{\"team\": \"" + "t".repeat(81) + "\"}");
        assertEquals(422, team.statusCode(), team.body());
        assertTrue(Env.field(team.body(), "message").contains("limite é 80"), team.body());
        HttpResponse<String> policy = Env.adminApi("PUT", "admin/sla/sops/nao-existe-" + UUID.randomUUID().toString().substring(0, 8),
                "{\"policy\": \"RETORNO-24H\"}");
        assertEquals(422, policy.statusCode(), policy.body());
        assertTrue(Env.field(policy.body(), "message").startsWith("SOP não encontrado"), policy.body());
    }

    @Test
    void bundlesPastTheLimitsAreRefusedNamingTheLimit() throws Exception {
        String id = "limite-" + UUID.randomUUID().toString().substring(0, 8);
        String huge = bundle(id, 1, "Grande").replace("\"seed\": \"999\",", "\"seed\": \"999\", \"keywords\": [" +
                ("\"" + "k".repeat(3000) + "\",").repeat(360) + "\"fim\"],");
        HttpResponse<String> tooLarge = Env.adminApi("POST", "admin/sops", huge);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body().length() > 300 ? tooLarge.body().substring(0, 300) : tooLarge.body());
        assertTrue(tooLarge.body().contains("1024 KB"), tooLarge.body());

        String deep = "{\"id\": \"" + id + "\", \"x\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        HttpResponse<String> nested = Env.adminApi("POST", "admin/sops", deep);
        assertEquals(422, nested.statusCode(), nested.body());
        assertTrue(nested.body().contains("50 níveis"), nested.body());
        assertNoInternals(nested);

        String nope = bundle(id, 1, "Tipo").replace("\"start\": \"q\",", "\"start\": \"q\", \"fields\": [{\"name\": \"x\", \"label\": \"X\", \"type\": \"NOPE\"}],");
        HttpResponse<String> type = Env.adminApi("POST", "admin/sops", nope);
        assertEquals(422, type.statusCode());
        assertTrue(type.body().contains("'type'") && type.body().contains("'NOPE'"), type.body());
        assertNoInternals(type);

        HttpResponse<String> syntax = Env.adminApi("POST", "admin/sops", bundle(id, 1, "A") + bundle(id, 2, "B"));
        assertEquals(422, syntax.statusCode());
        assertNoInternals(syntax);

        HttpResponse<String> markup = Env.adminApi("POST", "admin/sops", bundle(id, 1, "Ids").replace("\"fim\"", "\"<b>fim</b>\""));
        assertEquals(422, markup.statusCode());
        assertTrue(markup.body().contains("id de nó inválido"), markup.body());

        String text = bundle(id, 1, "Texto").replace("\"Escalar\"", "\"" + "E".repeat(4001) + "\"");
        HttpResponse<String> longText = Env.adminApi("POST", "admin/sops", text);
        assertEquals(422, longText.statusCode());
        assertTrue(longText.body().contains("4000 caracteres"), longText.body());
    }
}
