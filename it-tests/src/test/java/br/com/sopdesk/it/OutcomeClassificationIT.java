package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One SOP may send one case to one Qualitor category (and so to that category's team) and another
 * case elsewhere: an escalation outcome's own classification, its empty parts the SOP's, reaches
 * Qualitor as the ticket's category, and the categories page counts the SOP among that category's users.
 */
@BlackBox
class OutcomeClassificationIT {

    private static final String OWN_CATEGORY = "79";

    private static String bundle(String id) {
        return """
                {"id": "%s", "version": 1, "seed": "994", "title": "Duas filas", "start": "q",
                 "nodes": [
                   {"id": "q", "kind": "QUESTION", "title": "Qual o caso?",
                    "options": [{"value": "senha", "label": "Senha perdida", "next": "sobe"},
                                {"value": "revogar", "label": "Revogação", "next": "revoga"},
                                {"value": "ok", "label": "Resolvido", "next": "fim"}]},
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar ao Relacionamento"},
                   {"id": "revoga", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar à revogação",
                    "qualitor": {"category": "%s", "titleTemplate": "Revogação pedida: {q}"}},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}],
                 "qualitor": {"ticketType": "5", "category": "35", "location": "4", "severity": "2", "titleTemplate": "Duas filas: {q}"}}
                """.formatted(id, OWN_CATEGORY);
    }

    private static String ticket(String sopId, String answer) {
        return Tickets.validLostPassword("11.222.333/0001-81")
                .replace("\"sopId\":\"perda-de-senha\"", "\"sopId\":\"" + sopId + "\"")
                .replaceFirst("\"answers\":\\{[^}]*}", "\"answers\":{\"q\":\"" + answer + "\"}");
    }

    /** The ticket as the sandbox (Qualitor) received it, once SOP Desk has sent it. */
    private static String received(String ticketId) throws Exception {
        String sent = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Env.agentApi("GET", "tickets/" + ticketId, null).body(), b -> "SENT".equals(Env.field(b, "state")));
        String number = Env.field(sent, "demandNumber");
        Matcher m = Pattern.compile("\\{[^{}]*\"cdchamado\"\\s*:\\s*\"" + number + "\"[^{}]*}").matcher(Env.sandboxTickets());
        assertTrue(m.find(), "demand " + number + " is in the sandbox");
        return m.group();
    }

    @Test
    void eachEscalationReachesQualitorWithItsOwnCategory() throws Exception {
        assertEquals(200, Env.adminApi("PUT", "admin/categories/" + OWN_CATEGORY, "{\"name\":\"Revogação (teste)\",\"active\":true}").statusCode());
        String id = "filas-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> published = Env.adminApi("POST", "admin/sops", bundle(id));
        assertEquals(201, published.statusCode(), published.body());

        HttpResponse<String> revoke = Env.agentApi("POST", "tickets", ticket(id, "revogar"));
        assertEquals(201, revoke.statusCode(), revoke.body());
        assertEquals(OWN_CATEGORY, Env.field(revoke.body(), "category"), revoke.body());
        assertEquals("Revogação pedida: Revogação", Env.field(revoke.body(), "title"), "the outcome's own title template");
        String there = received(Env.field(revoke.body(), "id"));
        assertEquals(OWN_CATEGORY, Env.field(there, "cdcategoria"), there);
        assertEquals("5", Env.field(there, "cdtipochamado"), "the ticket type is the SOP's: " + there);

        HttpResponse<String> lost = Env.agentApi("POST", "tickets", ticket(id, "senha"));
        assertEquals(201, lost.statusCode(), lost.body());
        assertEquals("35", Env.field(lost.body(), "category"), "an outcome without its own: the SOP's");
        assertEquals("Duas filas: Senha perdida", Env.field(lost.body(), "title"));
        assertEquals("35", Env.field(received(Env.field(lost.body(), "id")), "cdcategoria"));

        HttpResponse<String> moved = Env.agentApi("POST", "tickets", ticket(id, "revogar").replace("\"answers\":{", "\"category\":\"35\",\"answers\":{"));
        assertEquals(422, moved.statusCode(), "the agent cannot reclassify the outcome's ticket: " + moved.body());

        String categories = Env.adminApi("GET", "admin/categories", null).body();
        Matcher own = Pattern.compile("\\{[^{}]*\"code\"\\s*:\\s*\"" + OWN_CATEGORY + "\"[^{}]*}").matcher(categories);
        assertTrue(own.find() && own.group().contains(id), "the categories page names the SOP using it: " + categories);
    }

    @Test
    void anOutcomesClassificationNamingAnUnknownCategoryIsRefused() throws Exception {
        String id = "filas-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused = Env.adminApi("POST", "admin/sops", bundle(id).replace("\"category\": \"" + OWN_CATEGORY + "\"", "\"category\": \"9876\""));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("9876"), refused.body());
    }
}
