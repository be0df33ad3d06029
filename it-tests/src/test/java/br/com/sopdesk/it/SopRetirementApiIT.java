package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Comparing, retiring and restoring SOPs over the REST API (administrators only): the changes between
 * two versions; a retired SOP gone from the agents' catalog, refusing new walks and tickets (422)
 * while the tickets made with it carry on; restored, it is back; a retired seed SOP stays retired
 * across a restart.
 */
@BlackBox
class SopRetirementApiIT {

    private static final String SUPERVISOR = "supervisor";
    private static final String SUPERVISOR_PASSWORD = "supervisor-demo";

    /** A SOP of its own per test, found by a word no other SOP has. */
    private static String bundle(String id, String word, int version, String escalateTo, String category) {
        return """
                {
                  "id": "%s",
                  "version": %d,
                  "seed": "997",
                  "title": "Aposentavel %s",
                  "keywords": ["%s"],
                  "start": "q",
                  "nodes": [
                    {"id": "q", "kind": "QUESTION", "title": "Resolveu?",
                     "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "%s"}]},
                    %s
                    {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                    {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}
                  ],
                  "qualitor": {"ticketType": "5", "category": "%s", "location": "4", "severity": "2", "titleTemplate": "Aposentavel"}
                }
                """.formatted(id, version, word, word, escalateTo,
                version > 1 ? "{\"id\": \"confere\", \"kind\": \"STEP\", \"title\": \"Confira o cadastro\", \"next\": \"sobe\"}," : "", category);
    }

    private static String ticketFor(String sopId) {
        return "{\"sopId\":\"" + sopId + "\",\"answers\":{\"q\":\"nao\"},\"customer\":{\"document\":\"11.222.333/0001-81\","
                + "\"name\":\"Padaria\",\"email\":\"a@padaria.com.br\",\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"Token em branco após atualização do driver.\",\"triedSolution\":\"Reinstalação do driver com o cliente.\"}";
    }

    private static String published(int versions) throws Exception {
        String word = "aposentavel" + UUID.randomUUID().toString().substring(0, 8);
        for (int v = 1; v <= versions; v++) {
            HttpResponse<String> r = Env.adminApi("POST", "admin/sops", bundle(word, word, v, v == 1 ? "sobe" : "confere", v == 1 ? "35" : "36"));
            assertEquals(201, r.statusCode(), r.body());
        }
        return word;
    }

    private static String reason(String text) {
        return "{\"reason\":\"" + text + "\"}";
    }

    @Test
    void theDiffListsWhatChangedBetweenTwoVersions() throws Exception {
        String id = published(2);
        HttpResponse<String> r = Env.adminApi("GET", "admin/sops/" + id + "/diff?from=1&to=2", null);
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        assertTrue(body.contains("\"kind\":\"NODE_ADDED\"") && body.contains("\"node\":\"confere\""), body);
        assertTrue(body.contains("\"kind\":\"OPTION_RETARGETED\"") && body.contains("\"from\":\"sobe\"") && body.contains("\"to\":\"confere\""), body);
        assertTrue(body.contains("\"kind\":\"CLASSIFICATION_CHANGED\"") && body.contains("\"property\":\"category\""), body);
        assertTrue(body.contains("\"from\":1") && body.contains("\"to\":2") && body.contains("\"sopId\":\"" + id + "\""), body);
        assertTrue(Env.adminApi("GET", "admin/sops/" + id + "/diff?from=2&to=2", null).body().contains("\"changes\":[]"));
    }

    @Test
    void theDiffRefusesUnknownSopsVersionsAndBadNumbersClearly() throws Exception {
        String id = published(1);
        HttpResponse<String> unknownSop = Env.adminApi("GET", "admin/sops/nao-existe-" + id + "/diff?from=1&to=2", null);
        assertEquals(404, unknownSop.statusCode());
        assertTrue(Env.field(unknownSop.body(), "message").contains("SOP não encontrado"), unknownSop.body());
        HttpResponse<String> unknownVersion = Env.adminApi("GET", "admin/sops/" + id + "/diff?from=1&to=7", null);
        assertEquals(404, unknownVersion.statusCode());
        assertTrue(Env.field(unknownVersion.body(), "message").contains(id + " v7"), unknownVersion.body());
        for (String query : new String[] {"", "?from=1", "?from=um&to=2", "?from=0&to=1", "?from=-1&to=1"}) {
            HttpResponse<String> bad = Env.adminApi("GET", "admin/sops/" + id + "/diff" + query, null);
            assertEquals(400, bad.statusCode(), query);
            assertTrue(Env.field(bad.body(), "message").contains("?from=1&to=2"), query + ": " + bad.body());
        }
        HttpResponse<String> english = Env.api("GET", "admin/sops/" + id + "/diff", Env.ADMIN, Env.ADMIN_PASSWORD, null, "en");
        assertTrue(Env.field(english.body(), "message").startsWith("Give the two versions"), english.body());
    }

    @Test
    void onlyAdministratorsCompareRetireOrRestore() throws Exception {
        String id = published(1);
        for (String[] who : new String[][] {{Env.AGENT, Env.AGENT_PASSWORD}, {SUPERVISOR, SUPERVISOR_PASSWORD}}) {
            assertEquals(403, Env.api("GET", "admin/sops/" + id + "/diff?from=1&to=1", who[0], who[1], null, null).statusCode(), who[0]);
            assertEquals(403, Env.api("POST", "admin/sops/" + id + "/retire", who[0], who[1], reason("Teste de papel"), null).statusCode(), who[0]);
            assertEquals(403, Env.api("POST", "admin/sops/" + id + "/restore", who[0], who[1], reason("Teste de papel"), null).statusCode(), who[0]);
        }
        assertTrue(Env.agentApi("GET", "sops?q=" + id, null).body().contains("\"id\":\"" + id + "\""), "still in service");
    }

    @Test
    void aRetiredSopLeavesTheCatalogRefusesNewTicketsAndIsBackOnceRestored() throws Exception {
        String id = published(1);
        HttpResponse<String> before = Env.agentApi("POST", "tickets", ticketFor(id));
        assertEquals(201, before.statusCode(), before.body());
        String ticket = Env.field(before.body(), "id");

        HttpResponse<String> noReason = Env.adminApi("POST", "admin/sops/" + id + "/retire", reason("  "));
        assertEquals(422, noReason.statusCode(), noReason.body());
        assertTrue(Env.field(noReason.body(), "message").contains("motivo"), noReason.body());
        assertEquals(422, Env.adminApi("POST", "admin/sops/" + id + "/retire", reason("x".repeat(1001))).statusCode());
        assertTrue(Env.agentApi("GET", "sops?q=" + id, null).body().contains(id), "a refused retirement retires nothing");

        HttpResponse<String> retired = Env.adminApi("POST", "admin/sops/" + id + "/retire", reason("Procedimento substituído pelo novo fluxo"));
        assertEquals(200, retired.statusCode(), retired.body());
        assertEquals("true", Env.field(retired.body(), "retired"));
        assertEquals("admin", Env.field(retired.body(), "retiredBy"));
        assertEquals(409, Env.adminApi("POST", "admin/sops/" + id + "/retire", reason("De novo")).statusCode());

        assertEquals("[]", Env.agentApi("GET", "sops?q=" + id, null).body());
        assertFalse(Env.agentApi("GET", "sops", null).body().contains("\"id\":\"" + id + "\""));
        HttpResponse<String> walk = Env.agentApi("GET", "sops/" + id, null);
        assertEquals(422, walk.statusCode(), walk.body());
        assertTrue(Env.field(walk.body(), "message").contains("retirado"), walk.body());
        assertEquals(200, Env.agentApi("GET", "sops/" + id + "/versions/1", null).statusCode(), "its versions stay for its tickets");
        HttpResponse<String> refused = Env.agentApi("POST", "tickets", ticketFor(id));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(Env.field(refused.body(), "message").contains("O SOP " + id + " foi retirado"), "a plain message: " + refused.body());
        HttpResponse<String> refusedEnglish = Env.api("POST", "tickets", Env.AGENT, Env.AGENT_PASSWORD, ticketFor(id), "en");
        assertTrue(Env.field(refusedEnglish.body(), "message").contains("was retired"), refusedEnglish.body());
        HttpResponse<String> old = Env.agentApi("GET", "tickets/" + ticket, null);
        assertEquals(200, old.statusCode(), "the ticket made before keeps its SOP version: " + old.body());
        assertEquals("1", Env.field(old.body(), "sopVersion"));

        HttpResponse<String> restored = Env.adminApi("POST", "admin/sops/" + id + "/restore", reason("Volta: o novo fluxo foi adiado"));
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals("false", Env.field(restored.body(), "retired"));
        assertEquals(409, Env.adminApi("POST", "admin/sops/" + id + "/restore", reason("De novo")).statusCode());
        assertTrue(Env.agentApi("GET", "sops?q=" + id, null).body().contains("\"id\":\"" + id + "\""));
        assertEquals(200, Env.agentApi("GET", "sops/" + id, null).statusCode());
        HttpResponse<String> after = Env.agentApi("POST", "tickets", ticketFor(id));
        assertEquals(201, after.statusCode(), after.body());

        String audit = Env.adminApi("GET", "admin/audit?limit=50&q=" + id, null).body();
        assertTrue(audit.contains("\"action\":\"sop.retirado\"") && audit.contains("Procedimento substituído pelo novo fluxo"), audit);
        assertTrue(audit.contains("\"action\":\"sop.restaurado\"") && audit.contains("o novo fluxo foi adiado"), audit);
    }

    @Test
    void aRetiredSeedSopStaysRetiredAcrossARestart() throws Exception {
        String seed = "compra-link-rapido";
        assertEquals(200, Env.adminApi("POST", "admin/sops/" + seed + "/retire", reason("Loja fora do ar por tempo indeterminado")).statusCode());
        try {
            ApplicationRestart.run();
            assertFalse(Env.agentApi("GET", "sops", null).body().contains("\"id\":\"" + seed + "\""), "the seed loader left it retired");
            assertEquals(422, Env.agentApi("GET", "sops/" + seed, null).statusCode());
        } finally {
            assertEquals(200, Env.adminApi("POST", "admin/sops/" + seed + "/restore", reason("Loja de volta")).statusCode());
        }
        assertTrue(Env.agentApi("GET", "sops", null).body().contains("\"id\":\"" + seed + "\""));
    }

    @Test
    void aRetiredDemandSopRefusesNewReiterationsWithAPlainMessage() throws Exception {
        String seed = "reiterar-demanda";
        assertEquals(200, Env.adminApi("POST", "admin/sops/" + seed + "/retire", reason("Reiterações pelo portal")).statusCode());
        try {
            HttpResponse<String> refused = Env.agentApi("POST", "demand-actions", "{\"sopId\":\"" + seed + "\",\"answers\":{\"aberta\":\"sim\"},"
                    + "\"demandNumber\":\"4711\",\"reason\":\"Cliente sem retorno há dois dias\"}");
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(Env.field(refused.body(), "message").contains("O SOP " + seed + " foi retirado"), refused.body());
        } finally {
            assertEquals(200, Env.adminApi("POST", "admin/sops/" + seed + "/restore", reason("Portal fora do ar")).statusCode());
        }
    }
}
