package br.com.sopdesk.qualitor;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A ticket as SOP Desk wants it opened, in SOP Desk's words. {@link QualitorClient} resolves the
 * customer and contact and translates the rest to {@code addTicketByData}: each datum of
 * {@link Facts} goes to the extra-information field the installation maps it to
 * ({@code qualitor.extra.*}), or, by default, into the ticket text.
 *
 * @param customerDocument CNPJ or CPF, digits and letters only
 * @param contactEmail     the requester's e-mail, used to find the Qualitor contact (with the
 *                         customer's code, as {@code getCustomerContact} takes it)
 * @param title            ticket title
 * @param description      the problem as the agent wrote it
 * @param mapping          Qualitor codes from the SOP
 * @param facts            the data sent beside the problem
 * @param submissionKey    stable key of the submission; travels with the ticket so a retry can
 *                         find a ticket that was created although the answer was lost (in
 *                         {@code dspalavrachave} and as the last line of the ticket text)
 * @param submittedOn      the day (Brasília) the submission was made, or null: bounds the search
 *                         for an existing ticket to the customer's tickets since that day
 */
public record TicketDraft(String customerDocument, String contactEmail, String title,
                          String description, Mapping mapping, Facts facts, String submissionKey, LocalDate submittedOn) {

    public TicketDraft {
        Objects.requireNonNull(customerDocument, "customerDocument");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(submissionKey, "submissionKey");
        facts = facts == null ? new Facts(null, null, null, null, null, null, null, null) : facts;
    }

    /** Qualitor classification codes; installation-specific strings of digits. */
    public record Mapping(String ticketType, String category, String location, String severity) {
    }

    /**
     * What SOP Desk knows beside the problem text, as people read it (null: not known).
     *
     * @param customerName the customer's name (always in the text)
     * @param document     the CNPJ/CPF with its punctuation
     * @param email        the e-mail for the return
     * @param phone1       the first phone
     * @param phone2       the second, distinct phone
     * @param sop          the SOP walked and its version, e.g. {@code perda-de-senha v3}
     * @param certificate  the inspected certificate in one line, when one was inspected
     * @param walk         the walk's decisions, the agent and the promised return (always in the text)
     */
    public record Facts(String customerName, String document, String email, String phone1, String phone2, String sop,
                        String certificate, String walk) {
    }
}
