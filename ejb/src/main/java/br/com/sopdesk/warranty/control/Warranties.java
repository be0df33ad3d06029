package br.com.sopdesk.warranty.control;

import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.WarrantyCase;
import br.com.sopdesk.certificate.entity.WarrantyDecision;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.sop.entity.WarrantySpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 003's warranty computed, not answered: the case (fixed by the SOP or answered by the agent),
 * the issuance date (the certificate's when it was read, else the one typed) and today by the
 * product clock. A path that says "within the warranty" must be confirmed by the dates, or filed as
 * a warranty exception with its reason.
 */
@ApplicationScoped
public class Warranties {

    /** The reason of a warranty exception: long enough to be reviewed, short enough for its column. */
    public static final int REASON_MIN = 20;
    public static final int REASON_MAX = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Inject
    Clock clock;

    /** Today in Brasília, the warranty's calendar. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CertificateFacts.BRASILIA));
    }

    /** The decision for the answers so far, or empty when the SOP has no warranty or its case is not answered yet. */
    public Optional<WarrantyDecision> decide(SopBundle bundle, Map<String, String> answers, Map<String, String> fields,
                                             CertificateFacts certificate) {
        WarrantySpec spec = bundle.warranty();
        Optional<WarrantyCase> warrantyCase = spec == null ? Optional.empty() : WarrantyCase.of(spec.caseOf(answers));
        if (warrantyCase.isEmpty()) {
            return Optional.empty();
        }
        if (certificate != null) {
            return Optional.of(warrantyCase.get().decide(certificate.issuedOn(), WarrantyDecision.IssuanceSource.CERTIFICATE_VALIDITY, today()));
        }
        LocalDate typed = spec.dateField() == null || fields == null ? null : date(fields.get(spec.dateField()));
        return Optional.of(warrantyCase.get().decide(typed, typed == null ? null : WarrantyDecision.IssuanceSource.ORDER_DATE, today()));
    }

    /** Why the dates refuse the path walked (it says "within" and they say otherwise), or empty. */
    public Optional<Text> refusal(SopBundle bundle, SopWalk walk, Optional<WarrantyDecision> decision) {
        if (bundle.warranty() == null || !bundle.warranty().claimsWithin(walk) || decision.isEmpty()) {
            return Optional.empty();
        }
        WarrantyDecision d = decision.get();
        return switch (d.route()) {
            case NEW_PURCHASE -> Optional.of(Text.of("warranty.contradicted", DAY.format(d.issuedOn()),
                    Text.of("warranty.source." + d.issuedFrom().name()), DAY.format(today()), d.daysSinceIssue(), d.warrantyDays(),
                    DAY.format(d.issuedOn().plusDays(d.warrantyDays()))));
            case NEEDS_ISSUANCE_DATE -> Optional.of(Text.of("warranty.date-needed", d.warrantyDays()));
            default -> Optional.empty();
        };
    }

    /**
     * The warranty a ticket carries, checked at submission.
     *
     * @param exceptionReason the reason when the agent files a warranty exception, null when not
     */
    public Checked check(SopBundle bundle, SopWalk walk, Map<String, String> fields, CertificateFacts certificate, String exceptionReason) {
        Optional<WarrantyDecision> decision = decide(bundle, walk.usedAnswers(), fields, certificate);
        Optional<Text> refusal = refusal(bundle, walk, decision);
        Map<String, Text> errors = new LinkedHashMap<>();
        String reason = exceptionReason == null ? null : exceptionReason.strip();
        if (reason != null && refusal.isEmpty()) {
            errors.put("warrantyException", Text.of("warranty.exception.not-needed"));
        } else if (reason != null && (reason.length() < REASON_MIN || reason.length() > REASON_MAX)) {
            errors.put("warrantyReason", Text.of("warranty.exception.reason", REASON_MIN, REASON_MAX));
        } else if (reason == null && refusal.isPresent()) {
            errors.put("warrantyException", refusal.get());
        }
        return new Checked(decision.orElse(null), reason != null && errors.isEmpty() ? reason : null, errors);
    }

    /**
     * A submission's warranty: the decision (null when the SOP has none), the exception's reason
     * when one was filed and accepted, and the refusals by field.
     */
    public record Checked(WarrantyDecision decision, String exceptionReason, Map<String, Text> errors) {
    }

    static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip(), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
