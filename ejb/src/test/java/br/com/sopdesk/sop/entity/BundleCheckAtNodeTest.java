package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopBundleJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules the editor shows at each node (or field) as the administrator edits, without any text:
 * unreachable nodes, dead ends, loops, options leading nowhere, texts over the limits. The JSON
 * import keeps the same rules, with lines.
 */
class BundleCheckAtNodeTest {

    private static final SopLimits SMALL_TEXTS = new SopLimits(1_048_576, 500, 50, 20, 50);

    /** q → (a: fim, b: passo → sobe). */
    private static SopDraftForm good() {
        return SopDraftForm.of(SopBundleJson.read("""
                {"id": "no-no", "version": 1, "title": "No nó", "start": "q",
                 "nodes": [
                   {"id": "q", "kind": "QUESTION", "title": "Pergunta",
                    "options": [{"value": "a", "label": "A", "next": "fim"}, {"value": "b", "label": "B", "next": "passo"}]},
                   {"id": "passo", "kind": "STEP", "title": "Passo", "next": "sobe"},
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}],
                 "fields": [{"name": "protocolo", "label": "Protocolo", "type": "DIGITS"}],
                 "qualitor": {"ticketType": "5", "category": "35"}}
                """));
    }

    private static List<BundleCheck.Problem> problems(SopDraftForm form) {
        return BundleCheck.problems(form.toBundle(), SopLimits.DEFAULTS);
    }

    private static SopDraftNode node(SopDraftForm form, String id) {
        return form.getNodes().stream().filter(n -> id.equals(n.getId())).findFirst().orElseThrow();
    }

    @Test
    void aGoodBundleHasNoProblem() {
        assertEquals(List.of(), problems(good()));
    }

    @Test
    void anUnreachableNodeIsShownAtItself() {
        SopDraftForm form = good();
        form.addNode(SopNode.Kind.OUTCOME).setTitle("Solto");
        List<BundleCheck.Problem> p = problems(form);
        assertEquals(1, p.size(), p.toString());
        assertEquals("outcome", p.get(0).node());
        assertTrue(p.get(0).reason().contains("não é alcançável"), p.toString());
        assertEquals(0, p.get(0).line(), "no text, no line");
    }

    @Test
    void aStepLeadingNowhereIsADeadEndAtTheStep() {
        SopDraftForm form = good();
        node(form, "passo").setNext("");
        List<BundleCheck.Problem> p = problems(form);
        assertEquals(1, p.size(), p.toString());
        assertEquals("passo", p.get(0).node());
        assertTrue(p.get(0).reason().contains("beco sem saída"), p.toString());
    }

    @Test
    void anOptionWithoutTargetIsShownAtItsQuestion() {
        SopDraftForm form = good();
        form.link(0, 1, null);
        List<BundleCheck.Problem> p = problems(form);
        assertEquals(1, p.size(), p.toString());
        assertEquals("q", p.get(0).node());
        assertEquals("a opção 'B' da pergunta 'q' não leva a nenhum nó: escolha o nó de destino", p.get(0).reason());
    }

    @Test
    void anOptionNotYetWrittenIsNamedByItsPosition() {
        List<String> reasons = problems(SopDraftForm.blank()).stream().filter(x -> "question".equals(x.node())).map(BundleCheck.Problem::reason).toList();
        assertTrue(reasons.contains("pergunta 'question' tem opção sem valor ou repetida: #1"), reasons.toString());
        assertTrue(reasons.contains("a opção '#2' da pergunta 'question' não leva a nenhum nó: escolha o nó de destino"), reasons.toString());
    }

    @Test
    void aLoopIsShownAtTheNodeItReturnsTo() {
        SopDraftForm form = good();
        node(form, "passo").setNext("q");
        List<BundleCheck.Problem> p = problems(form);
        assertTrue(p.stream().anyMatch(x -> "q".equals(x.node()) && x.reason().contains("ciclo")), p.toString());
    }

    @Test
    void anUnreachableNodeShowsEvenWhileAnotherNodeLacksItsTitle() {
        SopDraftForm form = good();
        node(form, "passo").setTitle("");
        form.addNode(SopNode.Kind.OUTCOME).setTitle("Solto");
        List<BundleCheck.Problem> p = problems(form);
        assertEquals(List.of("passo", "outcome"), p.stream().map(BundleCheck.Problem::node).toList(), p.toString());
    }

    @Test
    void textsOverTheLimitAreShownAtTheirNodeFieldOrTheSop() {
        SopDraftForm form = good();
        node(form, "passo").setGuidance("Uma orientação longa demais para o limite");
        form.getFields().get(0).setHelp("Uma ajuda longa demais para o limite");
        form.setSummary("Um resumo longo demais para o limite");
        List<BundleCheck.Problem> p = BundleCheck.problems(form.toBundle(), SMALL_TEXTS);
        assertTrue(p.stream().anyMatch(x -> "passo".equals(x.node()) && x.reason().contains("limite de 20 caracteres")), p.toString());
        assertTrue(p.stream().anyMatch(x -> "protocolo".equals(x.field()) && x.reason().contains("limite de 20 caracteres")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.node() == null && x.field() == null && x.reason().contains("limite de 20 caracteres")), p.toString());
    }

    @Test
    void anOptionLabelOverTheLimitIsShownAtItsQuestion() {
        SopDraftForm form = good();
        form.getNodes().get(0).getOptions().get(0).setLabel("Uma resposta longa demais");
        assertEquals(List.of("q"), BundleCheck.problems(form.toBundle(), SMALL_TEXTS).stream().map(BundleCheck.Problem::node).toList());
    }

    @Test
    void fieldProblemsNameTheirField() {
        SopDraftForm form = good();
        form.getFields().get(0).setLabel("");
        form.getFields().get(0).setWhenQuestion("q");
        form.getFields().get(0).setWhenAnswer("z");
        List<BundleCheck.Problem> p = problems(form);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.stream().allMatch(x -> "protocolo".equals(x.field()) && x.node() == null), p.toString());
    }

    @Test
    void sopWideProblemsBelongToNoNode() {
        SopDraftForm form = good();
        form.setCategory(null);
        form.setTicketType(null);
        form.setTitle("");
        List<BundleCheck.Problem> p = problems(form);
        assertEquals(2, p.size(), p.toString());
        p.forEach(x -> {
            assertNull(x.node());
            assertNull(x.field());
        });
    }

    @Test
    void theJsonImportKeepsTheSameRulesWithTheLineAndTheNode() {
        String json = """
                {"id": "linhas", "version": 1, "title": "Linhas", "start": "q",
                 "nodes": [
                   {"id": "q", "kind": "QUESTION", "title": "Pergunta",
                    "options": [{"value": "a", "label": "A", "next": "fim"}, {"value": "b", "label": "B", "next": "passo"}]},
                   {"id": "passo", "kind": "STEP", "title": "Passo"},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}]}
                """;
        List<BundleCheck.Problem> p = assertThrows(InvalidBundleException.class, () -> SopBundleJson.read(json)).problems();
        assertEquals(1, p.size(), p.toString());
        assertEquals(5, p.get(0).line());
        assertEquals("passo", p.get(0).node());
        assertTrue(p.get(0).reason().contains("beco sem saída"), p.toString());
    }
}
