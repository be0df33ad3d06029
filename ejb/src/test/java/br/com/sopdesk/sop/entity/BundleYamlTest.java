package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopBundleJson;
import br.com.sopdesk.sop.control.SopBundleYaml;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bundles in YAML: read with the same rules (problems at YAML lines), exported back from the stored JSON. */
class BundleYamlTest {

    private static final String YAML = """
            id: teste-yaml
            version: 1
            title: Teste em YAML
            start: q
            nodes:
              - id: q
                kind: QUESTION
                title: Resolveu?
                options:
                  - {value: sim, label: Sim, next: fim}
                  - {value: nao, label: Não, next: sobe}
              - id: sobe
                kind: OUTCOME
                outcome: ESCALATE
                title: Escalar
              - id: fim
                kind: OUTCOME
                outcome: SOLVED
                title: Fim
            qualitor: {ticketType: "5", category: "32"}
            """;

    @Test
    void aYamlBundleIsReadLikeJson() {
        SopBundle bundle = SopBundleJson.readText(YAML);
        assertEquals("teste-yaml", bundle.id());
        assertEquals("Não", bundle.node("q").option("nao").label());
        assertTrue(SopWalk.of(bundle, Map.of("q", "nao")).escalates());
    }

    @Test
    void yamlSyntaxErrorsGiveTheLine() {
        List<BundleCheck.Problem> p = assertThrows(InvalidBundleException.class,
                () -> SopBundleJson.readText(YAML.replace("title: Escalar", "title: [Escalar"))).problems();
        assertTrue(p.get(0).reason().startsWith("YAML inválido"), p.toString());
        assertTrue(p.get(0).line() >= 16, p.toString());
    }

    @Test
    void ruleProblemsPointAtTheYamlLine() {
        List<BundleCheck.Problem> p = assertThrows(InvalidBundleException.class,
                () -> SopBundleJson.readText(YAML.replace("next: sobe", "next: sumiu"))).problems();
        assertEquals(11, p.get(0).line(), p.toString());
        assertTrue(p.get(0).reason().contains("'sumiu', que não existe"));
    }

    @Test
    void everySeedExportsToYamlAndReadsBackTheSame() throws IOException {
        for (SopBundle seed : SeedBundlesTest.seeds()) {
            String json = SopBundleJson.write(seed);
            SopBundle back = SopBundleJson.readText(SopBundleYaml.fromJson(json));
            assertEquals(seed, back, seed.id());
        }
    }
}
