package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopBundleJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bundles past the size, node, depth, text and field limits are refused, JSON and YAML alike, naming the limit and never the parser's words. */
class SopLimitsTest {

    private static final String GOOD = """
            {
              "id": "teste",
              "version": 2,
              "title": "Teste",
              "start": "q",
              "nodes": [
                {"id": "q", "kind": "QUESTION", "title": "Pergunta",
                 "options": [{"value": "a", "label": "A", "next": "fim"}, {"value": "b", "label": "B", "next": "sobe"}]},
                {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}
              ],
              "qualitor": {"ticketType": "5", "category": "40"}
            }
            """;

    private static final String GOOD_YAML = """
            id: teste
            version: 2
            title: Teste
            start: q
            nodes:
              - id: q
                kind: QUESTION
                title: Pergunta
                options:
                  - {value: a, label: A, next: fim}
                  - {value: b, label: B, next: sobe}
              - {id: sobe, kind: OUTCOME, outcome: ESCALATE, title: Escalar}
              - {id: fim, kind: OUTCOME, outcome: SOLVED, title: Fim}
            qualitor: {ticketType: "5", category: "40"}
            """;

    private static InvalidBundleException refused(String text) {
        return assertThrows(InvalidBundleException.class, () -> SopBundleJson.readText(text, SopLimits.DEFAULTS));
    }

    private static String reason(InvalidBundleException e) {
        return e.problems().get(0).reason();
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(new SopLimits(1_048_576, 500, 50, 4_000, 50), SopLimits.DEFAULTS);
        assertEquals(SopLimits.DEFAULTS, SopLimits.configured(), "no configuration outside the server: the defaults");
        assertEquals(2, SopBundleJson.readText(GOOD, SopLimits.DEFAULTS).version());
        assertEquals(2, SopBundleJson.readText(GOOD_YAML, SopLimits.DEFAULTS).version());
    }

    @Test
    void aBundleOverOneMegabyteIsTooLargeBeforeParsing() {
        String padding = "x".repeat(3_000);
        StringBuilder big = new StringBuilder("{\"id\": \"teste\", \"keywords\": [");
        while (big.length() <= 1_048_576) {
            big.append('"').append(padding).append("\",");
        }
        big.append("\"fim\"]}");
        InvalidBundleException e = refused(big.toString());
        assertEquals(413, e.httpStatus());
        assertTrue(reason(e).contains("1024 KB"), reason(e));
        assertEquals(413, refused("title: " + "y".repeat(1_048_577)).httpStatus(), "YAML too");
    }

    @Test
    void aBundleNestedTwentyThousandLevelsIsA422NotAStackOverflow() {
        String deep = "{\"id\": \"teste\", \"x\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        InvalidBundleException e = refused(deep);
        assertEquals(422, e.httpStatus());
        assertTrue(reason(e).contains("50 níveis"), reason(e));
        String deepYaml = "id: teste\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
        InvalidBundleException y = refused(deepYaml);
        assertEquals(422, y.httpStatus());
        assertTrue(reason(y).contains("50 níveis"), reason(y));
    }

    @Test
    void aTextOverFourThousandCharactersIsRefusedWithItsLine() {
        InvalidBundleException e = refused(GOOD.replace("\"Escalar\"", "\"" + "E".repeat(4_001) + "\""));
        assertTrue(reason(e).contains("4000 caracteres"), reason(e));
        assertEquals(9, e.problems().get(0).line());
        assertEquals(2, SopBundleJson.readText(GOOD.replace("\"Escalar\"", "\"" + "E".repeat(4_000) + "\""), SopLimits.DEFAULTS).version());
    }

    @Test
    void moreThanFiveHundredNodesOrFiftyFieldsAreRefused() {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            nodes.append("{\"id\": \"p").append(i).append("\", \"kind\": \"OUTCOME\", \"outcome\": \"SOLVED\", \"title\": \"P\"},");
        }
        InvalidBundleException e = refused(GOOD.replace("\"nodes\": [", "\"nodes\": [" + nodes));
        assertTrue(reason(e).contains("503 nós: o limite é 500"), reason(e));
        StringBuilder fields = new StringBuilder("\"fields\": [");
        for (int i = 0; i < 51; i++) {
            fields.append(i == 0 ? "" : ",").append("{\"name\": \"f").append(i).append("\", \"label\": \"F\"}");
        }
        InvalidBundleException f = refused(GOOD.replace("\"start\": \"q\",", "\"start\": \"q\", " + fields + "],"));
        assertTrue(reason(f).contains("51 campos: o limite é 50"), reason(f));
    }

    @Test
    void refusalsSayWhatIsWrongWithoutClassNamesOrParserTokens() {
        String unknownType = GOOD.replace("\"start\": \"q\",", "\"start\": \"q\", \"fields\": [{\"name\": \"x\", \"label\": \"X\", \"type\": \"NOPE\"}],");
        String r = reason(refused(unknownType));
        assertTrue(r.contains("'type'") && r.contains("'NOPE'"), r);
        assertFalse(r.contains("br.com.sopdesk") || r.contains("enum constant"), r);
        for (String bad : List.of(GOOD.replace("\"title\": \"Teste\",", "\"title\": \"Teste\""), GOOD + "{}", GOOD + " garbage", GOOD + GOOD)) {
            InvalidBundleException e = refused(bad);
            assertEquals(422, e.httpStatus());
            assertTrue(reason(e).startsWith("JSON inválido"), reason(e));
            assertFalse(reason(e).contains("token") || reason(e).contains("CURLY") || reason(e).contains("Expected"), reason(e));
        }
    }

    @Test
    void nodeIdsWithMarkupAreRefused() {
        InvalidBundleException e = refused(GOOD.replace("\"fim\"", "\"<b>fim</b>\""));
        assertTrue(e.problems().stream().anyMatch(p -> p.reason().startsWith("id de nó inválido")), e.problems().toString());
    }
}
