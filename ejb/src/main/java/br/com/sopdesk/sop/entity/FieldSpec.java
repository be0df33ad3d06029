package br.com.sopdesk.sop.entity;

import java.io.Serializable;

/**
 * A field a SOP asks for beyond the customer intake every escalation has (for instance the CEI that
 * should be on the certificate, or the issuance date that decides the warranty), with its rule.
 *
 * @param name     key of the value, unique in the bundle (letters and digits, starting with a letter)
 * @param label    what the agent reads, pt-BR
 * @param type     the rule the value must follow
 * @param required whether the ticket cannot be saved without it
 * @param help     an example or hint shown under the field, or null
 */
public record FieldSpec(String name, String label, Type type, boolean required, String help) implements Serializable {

    /** The rules a SOP field can follow. */
    public enum Type { TEXT, DIGITS, DATE, CPF, CNPJ, CPF_OR_CNPJ, PHONE, EMAIL, CEI }

    public FieldSpec {
        type = type == null ? Type.TEXT : type;
    }
}
