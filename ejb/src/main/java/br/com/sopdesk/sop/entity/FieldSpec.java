package br.com.sopdesk.sop.entity;

import java.io.Serializable;
import java.util.Map;

/**
 * A field a SOP asks for beyond the customer intake every escalation has (for instance the CEI that
 * should be on the certificate, or the issuance date that decides the warranty), with its rule.
 * A field may belong to one branch only (the media of an A3 certificate): it is asked, checked and
 * kept only when the walk took that answer.
 *
 * @param name     key of the value, unique in the bundle (letters and digits, starting with a letter)
 * @param label    what the agent reads, pt-BR
 * @param type     the rule the value must follow
 * @param required whether the ticket cannot be saved without it
 * @param help     an example or hint shown under the field, or null
 * @param when     the answer that brings the field in, or null: always asked
 */
public record FieldSpec(String name, String label, Type type, boolean required, String help, When when) implements Serializable {

    /** The rules a SOP field can follow. */
    public enum Type { TEXT, DIGITS, DATE, CPF, CNPJ, CPF_OR_CNPJ, PHONE, EMAIL, CEI }

    /** A field asked only on the path where {@code question} was answered {@code answer}. */
    public record When(String question, String answer) implements Serializable {
    }

    @jakarta.json.bind.annotation.JsonbCreator
    public FieldSpec {
        type = type == null ? Type.TEXT : type;
    }

    public FieldSpec(String name, String label, Type type, boolean required, String help) {
        this(name, label, type, required, help, null);
    }

    /** Whether the walk's answers (those on its path) bring this field in. */
    public boolean appliesTo(Map<String, String> answers) {
        return when == null || when.answer() != null && when.answer().equals(answers.get(when.question()));
    }
}
