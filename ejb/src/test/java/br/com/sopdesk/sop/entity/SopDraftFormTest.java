package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.SopBundleJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's form of a bundle: seeds survive the trip through it, and the node operations keep links honest. */
class SopDraftFormTest {

    private static final String SMALL = """
            {"id": "pequeno", "version": 3, "title": "Pequeno", "start": "q",
             "nodes": [
               {"id": "q", "kind": "QUESTION", "title": "Resolveu?",
                "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "passo"}]},
               {"id": "passo", "kind": "STEP", "title": "Confira", "next": "sobe"},
               {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
               {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}],
             "fields": [{"name": "cei", "label": "CEI", "type": "CEI", "required": true, "when": {"question": "q", "answer": "nao"}}],
             "qualitor": {"ticketType": "5", "category": "35"}}
            """;

    private static SopDraftForm small() {
        return SopDraftForm.of(SopBundleJson.read(SMALL));
    }

    private static List<String> ids(SopDraftForm form) {
        return form.getNodes().stream().map(SopDraftNode::getId).toList();
    }

    @Test
    void everySeedBundleSurvivesBundleToFormToBundleUnchanged() throws Exception {
        for (SopBundle seed : SeedBundlesTest.seeds()) {
            assertEquals(seed, SopDraftForm.of(seed).toBundle(), seed.id());
            assertEquals(SopBundleJson.write(seed), SopBundleJson.write(SopDraftForm.of(seed).toBundle()), seed.id());
        }
    }

    @Test
    void anOutcomesOwnClassificationAndARecordedCallSurviveTheFormAndAreEdited() {
        String acting = SMALL.replace("\"outcome\": \"ESCALATE\", \"title\": \"Escalar\"",
                        "\"outcome\": \"ESCALATE\", \"title\": \"Escalar\", \"qualitor\": {\"category\": \"36\", \"titleTemplate\": \"Outra: {q}\"}")
                .replace("\"outcome\": \"SOLVED\", \"title\": \"Fim\"", "\"outcome\": \"SOLVED\", \"title\": \"Fim\", \"record\": true");
        SopBundle bundle = SopBundleJson.read(acting);
        SopDraftForm form = SopDraftForm.of(bundle);
        assertEquals(bundle, form.toBundle(), "nothing lost on the way through the editor");

        SopDraftNode sobe = form.getNodes().stream().filter(n -> n.getId().equals("sobe")).findFirst().orElseThrow();
        assertEquals("36", sobe.getCategory());
        sobe.setCategory("");
        assertEquals(new QualitorMapping(null, null, null, null, "Outra: {q}"), form.toBundle().node("sobe").qualitor(),
                "the category goes back to the SOP's; the title template stays");
        SopDraftNode fim = form.getNodes().stream().filter(n -> n.getId().equals("fim")).findFirst().orElseThrow();
        assertTrue(fim.isRecord());
        fim.setRecord(false);
        assertTrue(!form.toBundle().node("fim").recordsCall() && form.toBundle().node("fim").qualitor() == null);
        fim.setRecord(true);
        fim.setCategory("37");
        assertEquals("37", form.toBundle().classification(form.toBundle().node("fim")).category());
        fim.setOutcome(SopNode.Outcome.ESCALATE);
        assertNull(form.toBundle().node("fim").record(), "only a solved outcome records the call");
    }

    @Test
    void theFormSurvivesSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(small());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(SopBundleJson.read(SMALL), ((SopDraftForm) in.readObject()).toBundle());
        }
    }

    @Test
    void theNextVersionOfAPublishedBundleIsOneMore() {
        assertEquals(4, SopDraftForm.nextVersionOf(SopBundleJson.read(SMALL)).toBundle().version());
    }

    @Test
    void aBlankSopStartsAtItsFirstQuestionWithTwoEmptyOptions() {
        SopDraftForm form = SopDraftForm.blank();
        assertEquals(List.of("question"), ids(form));
        assertEquals("question", form.getStart());
        assertEquals(2, form.getNodes().get(0).getOptions().size());
        assertEquals(1, form.toBundle().version());
    }

    @Test
    void addedNodesGetIdsNoOtherNodeHas() {
        SopDraftForm form = small();
        form.addNode(SopNode.Kind.OUTCOME);
        form.addNode(SopNode.Kind.OUTCOME);
        assertEquals(List.of("q", "passo", "sobe", "fim", "outcome", "outcome-2"), ids(form));
        assertEquals(SopNode.Outcome.SOLVED, form.getNodes().get(4).getOutcome(), "an outcome starts as solved");
    }

    @Test
    void nodesMoveUpAndDownAndStopAtTheEnds() {
        SopDraftForm form = small();
        form.moveUp(2);
        assertEquals(List.of("q", "sobe", "passo", "fim"), ids(form));
        form.moveDown(0);
        assertEquals(List.of("sobe", "q", "passo", "fim"), ids(form));
        form.moveUp(0);
        form.moveDown(3);
        assertEquals(List.of("sobe", "q", "passo", "fim"), ids(form));
        assertEquals("q", form.getStart(), "moving never changes the start");
    }

    @Test
    void aCopyLandsBelowWithANewIdAndTheSameLinks() {
        SopDraftForm form = small();
        SopDraftNode copy = form.copy(0);
        assertEquals(List.of("q", "q-copia", "passo", "sobe", "fim"), ids(form));
        assertEquals(List.of("fim", "passo"), copy.getOptions().stream().map(SopDraftOption::getNext).toList());
        form.getNodes().get(1).getOptions().get(0).setLabel("Mudou");
        assertEquals("Sim", form.getNodes().get(0).getOptions().get(0).getLabel(), "the copy's options are its own");
        assertEquals("q-copia-2", form.copy(0).getId());
    }

    @Test
    void deletingANodeEmptiesEveryLinkToItAndTheCheckSaysWhere() {
        SopDraftForm form = small();
        form.delete(1);
        assertEquals(List.of("q", "sobe", "fim"), ids(form));
        assertNull(form.getNodes().get(0).getOptions().get(1).getNext(), "the option that led there now leads nowhere");
        assertTrue(BundleCheck.problems(form.toBundle(), SopLimits.DEFAULTS).stream()
                .anyMatch(p -> "q".equals(p.node()) && p.reason().contains("não leva a nenhum nó")), "shown at the question");
    }

    @Test
    void deletingTheStartOrAFieldsQuestionLeavesThemEmpty() {
        SopDraftForm form = small();
        form.delete(0);
        assertNull(form.getStart());
        assertNull(form.getFields().get(0).getWhenQuestion());
        assertEquals("nao", form.getFields().get(0).getWhenAnswer(), "the answer stays, so the field shows as a problem");
    }

    @Test
    void renamingANodeFollowsItEverywhere() {
        SopDraftForm form = small();
        form.rename(0, "pergunta");
        assertEquals("pergunta", form.getStart());
        assertEquals("pergunta", form.getFields().get(0).getWhenQuestion());
        form.rename(1, "confira");
        assertEquals("confira", form.getNodes().get(0).getOptions().get(1).getNext());
        assertEquals(List.of(), BundleCheck.problems(form.toBundle(), SopLimits.DEFAULTS));
    }

    @Test
    void optionsAreAddedRemovedAndLinkedToAnyNode() {
        SopDraftForm form = small();
        SopDraftOption talvez = form.addOption(0);
        talvez.setValue("talvez");
        talvez.setLabel("Talvez");
        form.link(0, 2, "sobe");
        assertEquals(new SopOption("talvez", "Talvez", "sobe"), form.toBundle().node("q").option("talvez"));
        form.link(0, 2, "");
        assertNull(form.toBundle().node("q").option("talvez").next());
        form.removeOption(0, 2);
        assertEquals(2, form.toBundle().node("q").options().size());
    }

    @Test
    void aStepKeepsNoOptionsAndAQuestionNoNextNode() {
        SopDraftForm form = small();
        form.getNodes().get(1).setKind(SopNode.Kind.QUESTION);
        assertNull(form.toBundle().node("passo").next(), "a question goes on by its options");
        form.getNodes().get(1).setKind(SopNode.Kind.STEP);
        assertEquals("sobe", form.toBundle().node("passo").next(), "the step's link comes back with its kind");
    }

    @Test
    void checksGuidanceAndNotesAreEditedOnePerLine() {
        SopDraftForm form = small();
        SopDraftNode step = form.getNodes().get(1);
        step.setChecks("Confirme o CNPJ\n\n  Confirme o e-mail  \r\n");
        step.setGuidance("Reinicie o computador");
        assertEquals(List.of("Confirme o CNPJ", "Confirme o e-mail"), form.toBundle().node("passo").checks());
        assertEquals("Confirme o CNPJ\nConfirme o e-mail", step.getChecks());
        assertEquals(List.of("Reinicie o computador"), form.toBundle().node("passo").guidance());
    }

    @Test
    void fieldsAreAddedAndRemoved() {
        SopDraftForm form = small();
        SopDraftField protocolo = form.addField();
        protocolo.setName("protocolo");
        protocolo.setLabel("Protocolo");
        protocolo.setType(FieldSpec.Type.DIGITS);
        protocolo.setRequired(true);
        assertEquals(new FieldSpec("protocolo", "Protocolo", FieldSpec.Type.DIGITS, true, null, null), form.toBundle().fields().get(1));
        form.removeField(0);
        assertEquals(List.of("protocolo"), form.toBundle().fields().stream().map(FieldSpec::name).toList());
    }
}
