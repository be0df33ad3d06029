package br.com.sopdesk.sop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.SopDiff.Change;
import br.com.sopdesk.sop.control.SopDiff.Kind;
import br.com.sopdesk.sop.entity.FieldSpec;
import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SlaPolicy;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopOption;
import br.com.sopdesk.sop.entity.SopReading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an administrator sees changed between two versions of a SOP. */
class SopDiffTest {

    private static final QualitorMapping MAPPING = new QualitorMapping("5", "35", "4", "2", "Token: {tipo}");

    private static SopNode question(String id, String title, SopOption... options) {
        return new SopNode(id, SopNode.Kind.QUESTION, title, null, List.of(), null, List.of(options), null);
    }

    private static SopNode step(String id, String title, String text, String next) {
        return new SopNode(id, SopNode.Kind.STEP, title, text, List.of("Confirme o CNPJ"), next, List.of(), null);
    }

    private static SopNode outcome(String id, String title, SopNode.Outcome outcome) {
        return new SopNode(id, SopNode.Kind.OUTCOME, title, null, List.of(), null, List.of(), outcome);
    }

    private static SopBundle bundle(int version, List<SopNode> nodes, List<FieldSpec> fields, QualitorMapping mapping, int returnHours) {
        return new SopBundle("token", version, "001", "Token em branco", "Quando o token não responde", List.of("token"), List.of("A3"),
                "tipo", nodes, fields, mapping, new SlaPolicy(returnHours), null);
    }

    private static SopBundle v1() {
        return bundle(1, List.of(
                        question("tipo", "Qual o tipo?", new SopOption("A1", "A1", "orientar"), new SopOption("A3", "A3", "escalar")),
                        step("orientar", "Oriente", "Reinstale o certificado.", "resolvido"),
                        outcome("resolvido", "Resolvido", SopNode.Outcome.SOLVED),
                        outcome("escalar", "Abrir chamado", SopNode.Outcome.ESCALATE)),
                List.of(new FieldSpec("serie", "Número de série", FieldSpec.Type.TEXT, false, null)), MAPPING, 24);
    }

    private static List<Change> of(List<Change> changes, Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    @Test
    void aVersionComparedWithItselfHasNoChanges() {
        assertEquals(List.of(), SopDiff.between(v1(), v1()));
    }

    @Test
    void aNodeAddedAndANodeRemovedAreNamedWithTheirTitles() {
        List<SopNode> nodes = new ArrayList<>(v1().nodes());
        nodes.remove(1);
        nodes.add(1, step("reinstalar", "Reinstale", "Reinstale o driver.", "resolvido"));
        List<Change> changes = SopDiff.between(v1(), bundle(2, nodes, v1().fields(), MAPPING, 24));
        assertEquals(List.of(new Change(Kind.NODE_REMOVED, "orientar", null, null, "Oriente", null)), of(changes, Kind.NODE_REMOVED));
        assertEquals(List.of(new Change(Kind.NODE_ADDED, "reinstalar", null, null, null, "Reinstale")), of(changes, Kind.NODE_ADDED));
    }

    @Test
    void anOptionLeadingElsewhereIsRetargetedWithBothTargets() {
        List<SopNode> nodes = new ArrayList<>(v1().nodes());
        nodes.set(0, question("tipo", "Qual o tipo?", new SopOption("A1", "A1", "escalar"), new SopOption("A3", "A3 (token)", "escalar"),
                new SopOption("nuvem", "Em nuvem", "resolvido")));
        List<Change> changes = SopDiff.between(v1(), bundle(2, nodes, v1().fields(), MAPPING, 24));
        assertEquals(List.of(
                new Change(Kind.OPTION_RETARGETED, "tipo", null, "A1", "orientar", "escalar"),
                new Change(Kind.TEXT_CHANGED, "tipo", null, "option.A3", "A3", "A3 (token)"),
                new Change(Kind.OPTION_ADDED, "tipo", null, "nuvem", null, "resolvido")), changes);
    }

    @Test
    void aNodesTextsAndItsNextStepAreComparedOneByOne() {
        List<SopNode> nodes = new ArrayList<>(v1().nodes());
        nodes.set(1, new SopNode("orientar", SopNode.Kind.STEP, "Oriente o cliente", "Reinstale o certificado.",
                List.of("Confirme o CNPJ", "Confirme o e-mail"), "escalar", List.of(), null));
        List<Change> changes = SopDiff.between(v1(), bundle(2, nodes, v1().fields(), MAPPING, 24));
        assertEquals(List.of(
                new Change(Kind.TEXT_CHANGED, "orientar", null, "title", "Oriente", "Oriente o cliente"),
                new Change(Kind.TEXT_CHANGED, "orientar", null, "checks", "Confirme o CNPJ", "Confirme o CNPJ\nConfirme o e-mail"),
                new Change(Kind.NEXT_CHANGED, "orientar", null, "next", "resolvido", "escalar")), changes);
    }

    @Test
    void aRequiredReadingAddedOrChangedIsATextChange() {
        SopNode orientar = v1().nodes().get(1);
        List<SopNode> nodes = new ArrayList<>(v1().nodes());
        nodes.set(1, new SopNode(orientar.id(), orientar.kind(), orientar.title(), orientar.text(), orientar.checks(), orientar.next(),
                List.of(), null, null, null, null, null, null, new SopReading("Manual", "https://kb.example.com/a1", null)));
        SopBundle v2 = bundle(2, nodes, v1().fields(), MAPPING, 24);
        assertEquals(List.of(
                new Change(Kind.TEXT_CHANGED, "orientar", null, "reading.title", null, "Manual"),
                new Change(Kind.TEXT_CHANGED, "orientar", null, "reading.url", null, "https://kb.example.com/a1")), SopDiff.between(v1(), v2));
    }

    @Test
    void anOutcomeThatNowEscalatesIsAnOutcomeChange() {
        List<SopNode> nodes = new ArrayList<>(v1().nodes());
        nodes.set(2, outcome("resolvido", "Resolvido", SopNode.Outcome.ESCALATE));
        assertEquals(List.of(new Change(Kind.OUTCOME_CHANGED, "resolvido", null, "outcome", "SOLVED", "ESCALATE")),
                SopDiff.between(v1(), bundle(2, nodes, v1().fields(), MAPPING, 24)));
    }

    @Test
    void fieldsAreComparedByNameAndEachRuleThatChanged() {
        List<FieldSpec> fields = List.of(new FieldSpec("serie", "Série do token", FieldSpec.Type.DIGITS, true, null),
                new FieldSpec("cei", "CEI", FieldSpec.Type.CEI, false, "12 dígitos"));
        List<Change> changes = SopDiff.between(v1(), bundle(2, v1().nodes(), fields, MAPPING, 24));
        assertEquals(List.of(
                new Change(Kind.FIELD_CHANGED, null, "serie", "label", "Número de série", "Série do token"),
                new Change(Kind.FIELD_CHANGED, null, "serie", "type", "TEXT", "DIGITS"),
                new Change(Kind.FIELD_CHANGED, null, "serie", "required", "false", "true"),
                new Change(Kind.FIELD_ADDED, null, "cei", null, null, "CEI")), changes);
        assertEquals(List.of(new Change(Kind.FIELD_REMOVED, null, "cei", null, "CEI", null)),
                SopDiff.between(bundle(2, v1().nodes(), fields, MAPPING, 24), v1()).stream().filter(c -> c.kind() == Kind.FIELD_REMOVED).toList());
    }

    @Test
    void theClassificationAndTheReturnPromiseAreSopWideChanges() {
        QualitorMapping other = new QualitorMapping("5", "36", "4", "3", "Token: {tipo}");
        List<Change> changes = SopDiff.between(v1(), bundle(2, v1().nodes(), v1().fields(), other, 48));
        assertEquals(List.of(
                new Change(Kind.CLASSIFICATION_CHANGED, null, null, "category", "35", "36"),
                new Change(Kind.CLASSIFICATION_CHANGED, null, null, "severity", "2", "3"),
                new Change(Kind.SLA_CHANGED, null, null, "returnHours", "24", "48")), changes);
        assertTrue(SopDiff.between(v1(), bundle(2, v1().nodes(), v1().fields(), null, 24)).stream()
                .allMatch(c -> c.kind() == Kind.CLASSIFICATION_CHANGED && c.to() == null), "a classification dropped: every part goes to nothing");
    }

    @Test
    void anOutcomesOwnClassificationIsAChangeAtThatOutcome() {
        List<SopNode> nodes = new ArrayList<>(v1().nodes());
        SopNode escalar = nodes.get(3);
        nodes.set(3, new SopNode(escalar.id(), escalar.kind(), escalar.title(), null, List.of(), null, List.of(), escalar.outcome(),
                null, null, null, null, null, null, new QualitorMapping(null, "36", null, null, null)));
        assertEquals(List.of(new Change(Kind.CLASSIFICATION_CHANGED, "escalar", null, "category", null, "36")),
                SopDiff.between(v1(), bundle(2, nodes, v1().fields(), MAPPING, 24)));
    }

    @Test
    void aSolvedOutcomeThatNowRecordsTheCallIsAnOutcomeChange() {
        List<SopNode> nodes = new ArrayList<>(v1().nodes());
        SopNode resolvido = nodes.get(2);
        nodes.set(2, new SopNode(resolvido.id(), resolvido.kind(), resolvido.title(), null, List.of(), null, List.of(), resolvido.outcome(),
                null, null, null, null, null, null, null, true));
        assertEquals(List.of(new Change(Kind.OUTCOME_CHANGED, "resolvido", null, "record", "false", "true")),
                SopDiff.between(v1(), bundle(2, nodes, v1().fields(), MAPPING, 24)));
    }

    @Test
    void everyShippedSeedComparedWithItselfHasNoChanges() {
        for (String file : SeedBundles.index()) {
            SopBundle seed = SopBundleJson.read(SeedBundles.resource("sops/" + file));
            assertEquals(List.of(), SopDiff.between(seed, SopBundleJson.read(SeedBundles.resource("sops/" + file))), file);
        }
    }
}
