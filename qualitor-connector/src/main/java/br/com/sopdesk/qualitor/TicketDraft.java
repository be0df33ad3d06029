package br.com.sopdesk.qualitor;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A ticket as SOP Desk wants it opened, in SOP Desk's words. {@link QualitorClient} resolves the
 * customer and contact and translates the rest to {@code addTicketByData}.
 *
 * @param customerDocument CNPJ or CPF, digits and letters only
 * @param contactEmail     the requester's e-mail, used to find the Qualitor contact (with the
 *                         customer's code, as {@code getCustomerContact} takes it)
 * @param title            ticket title
 * @param description      ticket text (customer data, the SOP walked, the problem)
 * @param mapping          Qualitor codes from the SOP
 * @param phones           the two contact phones, as one line
 * @param submissionKey    stable key of the submission; travels with the ticket so a retry can
 *                         find a ticket that was created although the answer was lost (in
 *                         {@code dspalavrachave} and as the last line of the ticket text)
 * @param submittedOn      the day (Brasília) the submission was made, or null: bounds the search
 *                         for an existing ticket to the customer's tickets since that day
 */
public record TicketDraft(String customerDocument, String contactEmail, String title,
                          String description, Mapping mapping, String phones, String submissionKey, LocalDate submittedOn) {

    public TicketDraft {
        Objects.requireNonNull(customerDocument, "customerDocument");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(submissionKey, "submissionKey");
    }

    /** Qualitor classification codes; installation-specific strings of digits. */
    public record Mapping(String ticketType, String category, String location, String severity) {
    }
}
