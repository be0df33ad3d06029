package br.com.sopdesk.certificate.entity;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Whether a customer's case is within the warranty of seed 003 (14 days, 7 days or none), how many
 * days are left, and which way the certificate is revoked.
 *
 * @param warrantyCase   the customer's case
 * @param issuedOn       the issuance date used to count, or null when unknown
 * @param issuedFrom     where that date came from (the order, or the certificate's start of validity)
 * @param daysSinceIssue calendar days from issuance to today
 * @param daysLeft       days of warranty left (0 when out of it or without warranty)
 * @param withinWarranty whether the Relacionamento team revokes and reissues under warranty
 * @param route          what happens next
 */
public record WarrantyDecision(WarrantyCase warrantyCase, LocalDate issuedOn, IssuanceSource issuedFrom, long daysSinceIssue,
                               long daysLeft, boolean withinWarranty, Route route) implements Serializable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** Where the issuance date came from: seed 003 counts from issuance; notBefore is the proxy. */
    public enum IssuanceSource { ORDER_DATE, CERTIFICATE_VALIDITY }

    /** The way forward for the case. */
    public enum Route {
        /** within the warranty: a ticket for the Relacionamento team to revoke and reissue */
        REVOKE_AND_REISSUE,
        /** the warranty has ended: the customer buys a new certificate */
        NEW_PURCHASE,
        /** no warranty: the customer revokes on the CA's site with the revocation password, or by notarized letter */
        CUSTOMER_REVOKES,
        /** no warranty and no self-revocation in the seed (lost media): the customer buys a new certificate */
        NO_WARRANTY,
        /** a case with warranty, but no issuance date yet to count from */
        NEEDS_ISSUANCE_DATE
    }

    public int warrantyDays() {
        return warrantyCase.warrantyDays();
    }

    /** The decision in one sentence, in the agent's language. */
    public String message(Locale locale) {
        ResourceBundle messages = CertificateWarning.messages(locale);
        String source = issuedFrom == null ? "" : messages.getString("warranty.source." + issuedFrom.name());
        return MessageFormat.format(messages.getString("warranty.route." + route.name()), warrantyDays(),
                warrantyCase.label(locale), issuedOn == null ? "" : DAY.format(issuedOn), source, String.valueOf(daysLeft),
                String.valueOf(daysSinceIssue));
    }
}
