package br.com.sopdesk.certificate.entity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The cases of seed 003's "Garantias e Revogações" list, each with its warranty in days (0: none),
 * named by the answer values of the warranty SOP's first question ({@value #SOP_ID}, question
 * {@value #QUESTION}) so the page can decide as soon as the agent picks the case.
 */
public enum WarrantyCase {
    LOST_PASSWORD("senha", 14),
    CORRUPTED_DOWNLOAD("corrompido", 14),
    MISSING_CEI_OR_PIS("cei-pis", 14),
    OTHER_BRANCH_CNPJ("outra-filial", 7),
    /** No warranty, and seed 003 gives self-revocation to cases 2 and 3 only: a new certificate. */
    LOST_MEDIA("perdeu-midia", 0),
    NO_LONGER_WANTED("nao-quer-acesso", 0),
    STOLEN_COMPUTER("roubado", 0);

    /** The warranty and revocation SOP (seed 003) and its question naming the case. */
    public static final String SOP_ID = "garantia-revogacao";
    public static final String QUESTION = "caso";

    private final String answer;
    private final int warrantyDays;

    WarrantyCase(String answer, int warrantyDays) {
        this.answer = answer;
        this.warrantyDays = warrantyDays;
    }

    /** The case named by the SOP answer ({@code senha}, {@code outra-filial}...) or by the constant's name. */
    public static Optional<WarrantyCase> of(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        return Arrays.stream(values()).filter(c -> c.answer.equals(v) || c.name().equalsIgnoreCase(v.replace('-', '_'))).findFirst();
    }

    public String answer() {
        return answer;
    }

    public int warrantyDays() {
        return warrantyDays;
    }

    /**
     * The decision for this case: within the warranty (counted in calendar days from issuance, the
     * issuance day being day 0) the Relacionamento team revokes and reissues; after it the customer
     * buys a new certificate; without warranty the customer revokes on the CA's site when they no
     * longer want the access or the computer was stolen, and buys a new one when the media was lost.
     */
    public WarrantyDecision decide(LocalDate issuedOn, WarrantyDecision.IssuanceSource source, LocalDate today) {
        if (warrantyDays == 0) {
            return new WarrantyDecision(this, issuedOn, source, issuedOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(issuedOn, today)),
                    0, false, this == LOST_MEDIA ? WarrantyDecision.Route.NO_WARRANTY : WarrantyDecision.Route.CUSTOMER_REVOKES);
        }
        if (issuedOn == null) {
            return new WarrantyDecision(this, null, source, 0, 0, false, WarrantyDecision.Route.NEEDS_ISSUANCE_DATE);
        }
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(issuedOn, today));
        boolean within = elapsed <= warrantyDays;
        return new WarrantyDecision(this, issuedOn, source, elapsed, within ? warrantyDays - elapsed : 0, within,
                within ? WarrantyDecision.Route.REVOKE_AND_REISSUE : WarrantyDecision.Route.NEW_PURCHASE);
    }

    public String label(Locale locale) {
        return CertificateWarning.messages(locale).getString("warranty.case." + name());
    }
}
