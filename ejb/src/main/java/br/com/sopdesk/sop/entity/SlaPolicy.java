package br.com.sopdesk.sop.entity;

/**
 * The return promise made to the customer when a SOP escalates.
 *
 * @param returnHours hours Relacionamento has to return to the customer (24 in every seed SOP)
 */
public record SlaPolicy(int returnHours) implements java.io.Serializable {

    public static final SlaPolicy DEFAULT = new SlaPolicy(24);
}
