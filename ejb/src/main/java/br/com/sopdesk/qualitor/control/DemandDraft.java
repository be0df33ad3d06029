package br.com.sopdesk.qualitor.control;

import java.time.LocalDate;

/**
 * A demand as SOP Desk wants it opened in Qualitor; {@link QualitorGateway} hands it to the
 * connector, which places each part in Qualitor's fields.
 *
 * @param customerDocument CNPJ or CPF, digits and letters only
 * @param contactEmail     the requester's e-mail (the Qualitor contact is found by it)
 * @param title            the demand's title
 * @param description      the problem as the agent wrote it
 * @param codes            Qualitor's classification codes, from the SOP
 * @param facts            the data sent beside the problem
 * @param submissionKey    the submission's stable key: a retry finds by it a demand a lost answer created
 * @param submittedOn      the day (Brasília) of the submission, or null: bounds that search
 */
public record DemandDraft(String customerDocument, String contactEmail, String title, String description, Codes codes, Facts facts,
                          String submissionKey, LocalDate submittedOn) {

    /** Qualitor's classification codes (installation-specific). */
    public record Codes(String ticketType, String category, String location, String severity) {
    }

    /**
     * What SOP Desk knows beside the problem text, as people read it (null: not known).
     *
     * @param document    the CNPJ/CPF with its punctuation
     * @param sop         the SOP walked and its version, e.g. {@code perda-de-senha v3}
     * @param certificate the inspected certificate in one line, when one was inspected
     * @param walk        the walk's decisions, the agent and the promised return
     */
    public record Facts(String customerName, String document, String email, String phone1, String phone2, String sop,
                        String certificate, String walk) {
    }
}
