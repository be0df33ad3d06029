package br.com.sopdesk.ticket.control;

import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.sop.entity.FieldSpec;
import br.com.sopdesk.ticket.entity.Intake;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts what the certificate says into the ticket form, only where the agent has not typed anything:
 * the customer's document (CNPJ of a company, CPF of a person), name and e-mail, and the SOP's own
 * fields by their rule (a CEI field takes the certificate's CEI, a CNPJ/CPF/e-mail field the
 * matching value, an issuance-date field the start of validity). The ticket's side reads the
 * certificate's facts (ticket depends on certificate, never the other way).
 */
public final class FormFill {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private FormFill() {
    }

    /** Fills the empty fields; answers the names of those filled ({@code document}, {@code fields.ceiEsperada}...). */
    public static List<String> fill(CertificateFacts facts, Intake intake, List<FieldSpec> specs, Map<String, String> fields) {
        List<String> filled = new ArrayList<>();
        if (blank(intake.getDocument()) && facts.document() != null) {
            intake.setDocument(facts.document());
            filled.add("document");
        }
        if (blank(intake.getCustomerName()) && facts.holderName() != null) {
            intake.setCustomerName(facts.holderName());
            filled.add("customerName");
        }
        if (blank(intake.getEmail()) && facts.email() != null) {
            intake.setEmail(facts.email());
            filled.add("email");
        }
        for (FieldSpec spec : specs) {
            String value = valueFor(spec, facts);
            if (value != null && blank(fields.get(spec.name()))) {
                fields.put(spec.name(), value);
                filled.add("fields." + spec.name());
            }
        }
        return filled;
    }

    static String valueFor(FieldSpec spec, CertificateFacts facts) {
        return switch (spec.type()) {
            case CEI -> facts.cei();
            case CNPJ -> facts.cnpj();
            case CPF -> facts.cpf() != null ? facts.cpf() : facts.responsibleCpf();
            case CPF_OR_CNPJ -> facts.document();
            case EMAIL -> facts.email();
            case DATE -> isIssuanceDate(spec) ? DAY.format(facts.issuedOn()) : null;
            default -> null;
        };
    }

    /** A date field about the issuance (e.g. {@code dataEmissao}), the one the warranty counts from. */
    public static boolean isIssuanceDate(FieldSpec spec) {
        String name = spec.name().toLowerCase(Locale.ROOT);
        return spec.type() == FieldSpec.Type.DATE && (name.contains("emiss") || name.contains("issu"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
