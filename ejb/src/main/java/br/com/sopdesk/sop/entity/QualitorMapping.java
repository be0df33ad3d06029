package br.com.sopdesk.sop.entity;

/**
 * How a SOP's escalation is classified in Qualitor (installation-specific codes, as strings).
 *
 * @param ticketType    tipo de chamado
 * @param category      categoria
 * @param location      localidade
 * @param severity      severidade
 * @param titleTemplate ticket title; {@code {question-id}} is replaced by that answer
 */
public record QualitorMapping(String ticketType, String category, String location, String severity, String titleTemplate) implements java.io.Serializable {
}
