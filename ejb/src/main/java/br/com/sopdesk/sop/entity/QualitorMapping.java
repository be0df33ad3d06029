package br.com.sopdesk.sop.entity;

/**
 * How a SOP's escalation is classified in Qualitor (installation-specific codes, as strings). A SOP
 * has one; an escalation outcome may carry its own, whose empty parts are the SOP's, so one SOP can
 * send one case to one category (and so to that category's Qualitor team) and another case elsewhere.
 *
 * @param ticketType    tipo de chamado
 * @param category      categoria
 * @param location      localidade
 * @param severity      severidade
 * @param titleTemplate ticket title; {@code {question-id}} is replaced by that answer
 */
public record QualitorMapping(String ticketType, String category, String location, String severity, String titleTemplate) implements java.io.Serializable {

    /** This mapping with each part it leaves empty taken from {@code base} (the SOP's); null base: this one. */
    public QualitorMapping over(QualitorMapping base) {
        if (base == null) {
            return this;
        }
        return new QualitorMapping(or(ticketType, base.ticketType), or(category, base.category), or(location, base.location),
                or(severity, base.severity), or(titleTemplate, base.titleTemplate));
    }

    private static String or(String own, String base) {
        return own == null || own.isBlank() ? base : own;
    }
}
