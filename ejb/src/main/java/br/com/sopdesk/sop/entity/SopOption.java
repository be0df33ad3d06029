package br.com.sopdesk.sop.entity;

/**
 * One answer to a SOP question.
 *
 * @param value stored value (also used in the ticket title), e.g. {@code A1}
 * @param label what the agent reads
 * @param next  the node this answer leads to
 */
public record SopOption(String value, String label, String next) implements java.io.Serializable {
}
