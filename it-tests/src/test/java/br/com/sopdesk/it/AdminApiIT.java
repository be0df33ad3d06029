package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Administration over the REST API: publishing a new SOP version while tickets keep the version they
 * were made with, refusing a bad bundle with line and reason, categories, and the audit trail.
 */
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
                + "\"description\":\"Falha ao formatar o token, mensagem de erro 0x80.\"}";
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
}
