package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a SOP's own fields, with messages naming the field, in both languages. */
class FieldRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Locale PT = Locale.forLanguageTag("pt-BR");
    private static final FieldSpec CEI = new FieldSpec("ceiEsperada", "Matrícula CEI", FieldSpec.Type.CEI, true, null);
    private static final FieldSpec ISSUED = new FieldSpec("dataEmissao", "Data de emissão", FieldSpec.Type.DATE, true, null);
    private static final FieldSpec NOTE = new FieldSpec("obs", "Observação", FieldSpec.Type.TEXT, false, null);

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        Map<String, String> errors = FieldRules.errors(List.of(CEI, ISSUED, NOTE), Map.of(), TODAY, PT);
        assertEquals(Map.of("fields.ceiEsperada", "Preencha Matrícula CEI.", "fields.dataEmissao", "Preencha Data de emissão."), errors);
        assertEquals("Fill in Matrícula CEI.", FieldRules.errors(List.of(CEI), Map.of(), TODAY, Locale.ENGLISH).get("fields.ceiEsperada"));
    }

    @Test
    void valuesFollowTheirRules() {
        assertEquals(Map.of(), FieldRules.errors(List.of(CEI, ISSUED), Map.of("ceiEsperada", "12.345.678.901-2".replaceAll("[.-]", ""), "dataEmissao", "01/11/2026"), TODAY, PT));
        Map<String, String> errors = FieldRules.errors(List.of(CEI, ISSUED), Map.of("ceiEsperada", "000000000000", "dataEmissao", "31/02/2026"), TODAY, PT);
        assertTrue(errors.get("fields.ceiEsperada").contains("12 dígitos"), errors.toString());
        assertTrue(errors.get("fields.dataEmissao").contains("dd/mm/aaaa"), errors.toString());
        assertFalse(FieldRules.valid(FieldSpec.Type.DATE, "01/01/2999", TODAY), "no issuance in the future");
        assertTrue(FieldRules.valid(FieldSpec.Type.DATE, "06/12/2026", TODAY), "issued today, by the product's date");
        assertFalse(FieldRules.valid(FieldSpec.Type.DATE, "06/12/2026", TODAY.minusDays(1)), "a day ahead of the product's date");
        assertTrue(FieldRules.valid(FieldSpec.Type.CNPJ, "12.ABC.345/01DE-35", TODAY));
        assertFalse(FieldRules.valid(FieldSpec.Type.DIGITS, "12a", TODAY));
    }

    @Test
    void aBundleFieldCannotShadowTheIntake() {
        String json = """
                {"id": "x", "version": 1, "title": "X", "start": "fim",
                 "nodes": [{"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}],
                 "fields": [{"name": "email", "label": "E-mail", "type": "EMAIL"}]}
                """;
        var e = org.junit.jupiter.api.Assertions.assertThrows(br.com.sopdesk.sop.control.InvalidBundleException.class,
                () -> br.com.sopdesk.sop.control.SopBundleJson.read(json));
        assertTrue(e.problems().get(0).reason().contains("nome inválido"), e.problems().toString());
    }

    @Test
    void aValueQualitorsXmlCannotCarryIsRefusedNamingTheField() {
        Map<String, String> errors = FieldRules.errors(List.of(NOTE), Map.of("obs", "ok \uFFFE"), TODAY, PT);
        assertEquals("Observação: contém um caractere que não pode ser enviado ao Qualitor; redigite o valor.", errors.get("fields.obs"));
        assertTrue(FieldRules.errors(List.of(NOTE), Map.of("obs", "meio \uD83D par"), TODAY, Locale.ENGLISH).get("fields.obs").contains("cannot be sent"));
    }
}
