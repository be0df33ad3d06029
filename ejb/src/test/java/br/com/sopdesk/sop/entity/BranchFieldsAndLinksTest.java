package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopBundleJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A field asked on one branch only, and a node's links (tutorial video, another SOP), as an administrator publishes them. */
class BranchFieldsAndLinksTest {

    private static String bundle(String when, String see) {
        return """
                {"id": "ramo", "version": 1, "title": "Ramo", "start": "tipo",
                 "nodes": [
                   {"id": "tipo", "kind": "QUESTION", "title": "Tipo", "see": %s,
                    "options": [{"value": "A1", "label": "A1", "next": "sobe"}, {"value": "A3", "label": "A3", "next": "sobe"}]},
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"}
                 ],
                 "fields": [{"name": "midia", "label": "Mídia", "required": true, "when": %s}],
                 "qualitor": {"ticketType": "5", "category": "32"}}""".formatted(see, when);
    }

    @Test
    void aBranchFieldIsAskedOnlyWhereItsAnswerWasGiven() {
        SopBundle b = SopBundleJson.read(bundle("{\"question\": \"tipo\", \"answer\": \"A3\"}", "null"));
        assertEquals(List.of("midia"), b.fieldsFor(Map.of("tipo", "A3")).stream().map(FieldSpec::name).toList());
        assertTrue(b.fieldsFor(Map.of("tipo", "A1")).isEmpty());
        assertTrue(b.fieldsFor(Map.of()).isEmpty());
    }

    @Test
    void aWhenNamingNoAnswerOfTheSopIsRefused() {
        InvalidBundleException e = assertThrows(InvalidBundleException.class,
                () -> SopBundleJson.read(bundle("{\"question\": \"tipo\", \"answer\": \"A2\"}", "null")));
        assertTrue(e.getMessage().contains("a pergunta 'tipo' e a resposta 'A2', que não existem"), e.getMessage());
    }

    @Test
    void aLinkedSopMustBeAnId() {
        assertEquals("midia-senha-formatacao", SopBundleJson.read(bundle("null", "\"midia-senha-formatacao\"")).node("tipo").see());
        InvalidBundleException e = assertThrows(InvalidBundleException.class,
                () -> SopBundleJson.read(bundle("null", "\"https://elsewhere.example.com\"")));
        assertTrue(e.getMessage().contains("see deve ser o id de um SOP"), e.getMessage());
    }
}
