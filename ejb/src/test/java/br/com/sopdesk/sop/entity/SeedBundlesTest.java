package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.SopBundleJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every seed bundle that ships is valid, and every combination of answers ends in an outcome: the
 * seeds' content (000 to 004) with its branches.
 */
class SeedBundlesTest {

    static String resource(String path) throws IOException {
        try (InputStream in = SeedBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<SopBundle> seeds() throws IOException {
        List<SopBundle> bundles = new ArrayList<>();
        for (String line : resource("sops/index.txt").lines().map(String::strip).toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                bundles.add(SopBundleJson.read(resource("sops/" + line)));
            }
        }
        return bundles;
    }

    /** All outcomes reachable by answering every question every possible way. */
    static List<SopWalk> allWalks(SopBundle bundle) {
        List<SopWalk> done = new ArrayList<>();
        List<Map<String, String>> todo = new ArrayList<>(List.of(Map.of()));
        while (!todo.isEmpty()) {
            Map<String, String> answers = todo.remove(0);
            SopWalk walk = SopWalk.of(bundle, answers);
            if (walk.finished()) {
                done.add(walk);
            } else {
                for (SopOption o : walk.current().options()) {
                    Map<String, String> next = new HashMap<>(answers);
                    next.put(walk.current().id(), o.value());
                    todo.add(next);
                }
            }
        }
        return done;
    }

    @Test
    void everySeedDocumentHasItsBundles() throws IOException {
        Map<String, Set<String>> bySeed = seeds().stream()
                .collect(Collectors.groupingBy(SopBundle::seed, Collectors.mapping(SopBundle::id, Collectors.toSet())));
        assertEquals(Set.of("perda-de-senha"), bySeed.get("000"));
        assertEquals(Set.of("token-em-branco"), bySeed.get("001"));
        assertEquals(Set.of("sem-matricula-cei"), bySeed.get("002"));
        assertEquals(Set.of("midia-senha-formatacao", "garantia-revogacao", "emissao-videoconferencia", "compra-link-rapido"), bySeed.get("003"));
        assertEquals(Set.of("atualizar-cadastro", "abrir-chamado-portal", "acompanhar-demanda", "reiterar-demanda", "reiniciar-demanda"),
                bySeed.get("004"));
    }

    @Test
    void everyPathOfEverySeedEndsInAnOutcome() throws IOException {
        for (SopBundle bundle : seeds()) {
            List<SopWalk> walks = allWalks(bundle);
            assertFalse(walks.isEmpty(), bundle.id());
            Set<String> reached = walks.stream().map(w -> w.current().id()).collect(Collectors.toSet());
            Set<String> outcomes = bundle.nodes().stream().filter(n -> n.kind() == SopNode.Kind.OUTCOME)
                    .map(SopNode::id).collect(Collectors.toSet());
            assertEquals(outcomes, reached, "every outcome of " + bundle.id() + " is reachable");
        }
    }

    @Test
    void escalatingSopsCarryQualitorMappingAndTheTwentyFourHourPromise() throws IOException {
        for (SopBundle bundle : seeds()) {
            boolean escalates = bundle.nodes().stream().anyMatch(SopNode::escalates);
            if (escalates) {
                assertTrue(bundle.qualitor() != null && bundle.qualitor().category() != null, bundle.id());
                assertEquals(24, bundle.sla().returnHours(), bundle.id());
            }
        }
    }

    @Test
    void theSeedsDecisionPointsAreThere() throws IOException {
        Map<String, SopBundle> byId = seeds().stream().collect(Collectors.toMap(SopBundle::id, b -> b));
        assertTrue(byId.get("token-em-branco").node("midia-em-branco").text().contains("cadeias, a chave pública e o certificado"));
        assertTrue(byId.get("sem-matricula-cei").node("ler-cei").text().contains("31 32 33 34 35 36 37"));
        assertEquals(Set.of("safenet", "idemia", "gd-morpho"),
                byId.get("midia-senha-formatacao").node("fabricante").options().stream().map(SopOption::value).collect(Collectors.toSet()));
        SopBundle warranty = byId.get("garantia-revogacao");
        assertEquals("prazo-14", warranty.node("caso").option("corrompido").next());
        assertEquals("prazo-7", warranty.node("caso").option("outra-filial").next());
        assertEquals("sem-garantia", warranty.node("caso").option("roubado").next());
        Set<SopNode.Outcome> actions = EnumSet.noneOf(SopNode.Outcome.class);
        allWalks(byId.get("reiterar-demanda")).forEach(w -> actions.add(w.current().outcome()));
        allWalks(byId.get("reiniciar-demanda")).forEach(w -> actions.add(w.current().outcome()));
        assertTrue(actions.containsAll(Set.of(SopNode.Outcome.REITERATE, SopNode.Outcome.RESTART)), actions.toString());
    }

    /** Seed 003 lists a lost password and a missing CEI as 14-day cases; 000 and 002 own them, with their categories. */
    @Test
    void oneCaseOneCategoryTheWarrantySopHandsPasswordAndCeiToTheirOwnSops() throws IOException {
        Map<String, SopBundle> byId = seeds().stream().collect(Collectors.toMap(SopBundle::id, b -> b));
        SopBundle warranty = byId.get("garantia-revogacao");
        for (String[] handOff : new String[][] {{"senha", "perda-de-senha"}, {"cei-pis", "sem-matricula-cei"}}) {
            for (SopWalk walk : allWalks(warranty)) {
                if (handOff[0].equals(walk.usedAnswers().get("caso"))) {
                    assertTrue(walk.current().follows(), handOff[0] + " ends in " + walk.current().id());
                    assertEquals(handOff[1], walk.current().sop());
                }
            }
            SopBundle owner = byId.get(handOff[1]);
            assertEquals(handOff[0], owner.warranty().fixedCase(), owner.id() + " carries the warranty decision of its case");
            assertEquals("dataEmissao", owner.warranty().dateField());
            assertFalse(owner.fields().stream().filter(f -> f.name().equals("dataEmissao")).findFirst().orElseThrow().required(),
                    "the issuance date is asked, not required, in " + owner.id());
            assertTrue(allWalks(owner).stream().filter(SopWalk::escalates).noneMatch(w -> owner.warranty().claimsWithin(w)),
                    owner.id() + " files the decision, it does not claim it");
        }
        assertEquals("32", byId.get("perda-de-senha").qualitor().category());
        assertEquals("34", byId.get("sem-matricula-cei").qualitor().category());
        assertEquals(Map.of("prazo-14", "sim", "prazo-7", "sim"), warranty.warranty().withinAnswers());
        assertTrue(allWalks(warranty).stream().filter(SopWalk::escalates).allMatch(w -> warranty.warranty().claimsWithin(w)),
                "the warranty SOP escalates only on a path that claims the warranty, which the dates must confirm");
    }

    /** "No caso 2 e 3" of seed 003: the customer revokes on the CA's site only when they no longer want the access or the computer was stolen. */
    @Test
    void selfRevocationIsForCasesTwoAndThreeOnly() throws IOException {
        SopBundle warranty = seeds().stream().filter(b -> b.id().equals("garantia-revogacao")).findFirst().orElseThrow();
        Map<String, Set<String>> endsByCase = new HashMap<>();
        allWalks(warranty).forEach(w -> endsByCase.computeIfAbsent(w.usedAnswers().get("caso"), k -> new java.util.TreeSet<>()).add(w.current().id()));
        assertEquals(Set.of("midia-perdida"), endsByCase.get("perdeu-midia"), "lost media: no warranty, no self-revocation");
        assertEquals(Set.of("cliente-revoga", "carta"), endsByCase.get("nao-quer-acesso"));
        assertEquals(Set.of("cliente-revoga", "carta"), endsByCase.get("roubado"));
        assertEquals("carta", warranty.warranty().letterNode());
    }
}
