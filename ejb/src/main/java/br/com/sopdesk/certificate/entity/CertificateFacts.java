package br.com.sopdesk.certificate.entity;

import br.com.sopdesk.validation.BrazilianDocuments;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What SOP Desk read from a customer's certificate: the holder's data from the ICP-Brasil
 * {@code otherName} entries (DOC-ICP-04), the type from the policy OID, the issuer and the chain,
 * the validity and the key usage. Nothing here is secret: it is what anyone holding the public
 * certificate can read, and what a ticket may keep. Values "not informed" (all zeros) are null.
 * On an e-CNPJ the birth date, CPF and NIS are the responsible person's ({@code responsible*}),
 * never the holder's.
 *
 * @param format          how the certificate arrived
 * @param kind            natural person (e-CPF), company (e-CNPJ), or neither
 * @param holderName      the subject's common name without the trailing {@code :CPF/CNPJ}
 * @param cpf             the holder's CPF (e-CPF, 2.16.76.1.3.1)
 * @param birthDate       the holder's birth date (e-CPF, 2.16.76.1.3.1)
 * @param nis             the holder's NIS/PIS/PASEP (e-CPF, 2.16.76.1.3.1)
 * @param cnpj            the company's CNPJ (2.16.76.1.3.3), numeric or alphanumeric
 * @param cei             the CEI on the certificate: of the person (2.16.76.1.3.6) or of the company (2.16.76.1.3.7), see {@code ceiKind}
 * @param ceiKind         whose CEI {@code cei} is, or null without one
 * @param responsibleName the person responsible for an e-CNPJ (2.16.76.1.3.2)
 * @param responsibleCpf  that person's CPF (2.16.76.1.3.4)
 * @param responsibleBirthDate that person's birth date (2.16.76.1.3.4)
 * @param responsibleNis  that person's NIS/PIS/PASEP (2.16.76.1.3.4)
 * @param email           the e-mail in the subject alternative name (or in the subject)
 * @param type            A1..A4 from the policy OID
 * @param policyOid       the ICP-Brasil policy OID, or the first policy when there is none
 * @param subject         the subject's distinguished name
 * @param issuer          the issuing CA's common name
 * @param chain           the CAs above it, nearest first, as far as the file carried them (at least the issuer)
 * @param serial          serial number in hexadecimal, as encoded (leading zero bytes kept), as Windows shows it
 * @param notBefore       start of validity (a proxy for the issuance date)
 * @param notAfter        end of validity
 * @param keyUsage        key usage and extended key usage names
 * @param unreadableParts the extensions (or subjectAltName entries) that could not be read, whose facts are missing
 * @param icpBrasil       whether it has the shape of an ICP-Brasil end-entity certificate (see {@code CertificateChain#isIcpBrasil})
 * @param passwordChecked false only for a PFX/P12 whose password nothing checked (no MAC and nothing encrypted with it)
 */
public record CertificateFacts(SourceFormat format, HolderKind kind, String holderName, String cpf, LocalDate birthDate,
                               String nis, String cnpj, String cei, CeiKind ceiKind, String responsibleName, String responsibleCpf,
                               LocalDate responsibleBirthDate, String responsibleNis, String email, CertificateType type,
                               String policyOid, String subject, String issuer, List<String> chain, String serial, Instant notBefore,
                               Instant notAfter, List<String> keyUsage, List<String> unreadableParts, boolean icpBrasil,
                               boolean passwordChecked) implements Serializable {

    /** ICP-Brasil certificates and the desk both live on Brasília time. */
    public static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

    /** Warn this many days (or fewer) before the certificate expires. */
    public static final int EXPIRY_NOTICE_DAYS = 30;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** Natural person (e-CPF), company (e-CNPJ), or a certificate without an ICP-Brasil holder. */
    public enum HolderKind { PERSON, COMPANY, OTHER }

    /** Whose CEI the certificate carries: a natural person's (2.16.76.1.3.6) or a company's (2.16.76.1.3.7). */
    public enum CeiKind { PERSON, COMPANY }

    public CertificateFacts {
        chain = chain == null ? List.of() : List.copyOf(chain);
        keyUsage = keyUsage == null ? List.of() : List.copyOf(keyUsage);
        unreadableParts = unreadableParts == null ? List.of() : List.copyOf(unreadableParts);
        ceiKind = cei == null ? null : ceiKind;
        type = type == null ? CertificateType.UNKNOWN : type;
    }

    /** The document identifying the holder: the CNPJ of a company, the CPF of a person. */
    public String document() {
        return kind == HolderKind.COMPANY ? cnpj : cpf;
    }

    public boolean hasCei() {
        return cei != null;
    }

    /** The first day of validity, on Brasília time: the issuance date when the order date is unknown. */
    public LocalDate issuedOn() {
        return LocalDate.ofInstant(notBefore, BRASILIA);
    }

    /** The last day of validity, on Brasília time. */
    public LocalDate validUntil() {
        return LocalDate.ofInstant(notAfter, BRASILIA);
    }

    public boolean expired(Instant now) {
        return now.isAfter(notAfter);
    }

    /** Whole days from today (Brasília) to the last day of validity; 0 on the last day, negative once expired. */
    public long daysLeft(Instant now) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, BRASILIA), validUntil());
    }

    /**
     * What the agent must notice before trusting the form: a PFX whose password nothing checked, parts
     * of the certificate that could not be read, a certificate that is not an ICP-Brasil person or
     * company certificate (a CA's, or one from a test or foreign CA), no CEI, a document
     * other than the one typed, a check-digit error, expired, not valid yet, or expiring within
     * {@value #EXPIRY_NOTICE_DAYS} days.
     *
     * @param typedDocument the CNPJ or CPF the agent typed (or that came from Qualitor), or null
     */
    public List<CertificateWarning> warnings(String typedDocument, Instant now) {
        List<CertificateWarning> out = new ArrayList<>();
        if (!passwordChecked) {
            out.add(CertificateWarning.of(CertificateWarning.Code.PASSWORD_NOT_CHECKED));
        }
        if (!unreadableParts.isEmpty()) {
            out.add(CertificateWarning.of(CertificateWarning.Code.UNREADABLE_PART, String.join(", ", unreadableParts)));
        }
        if (kind == HolderKind.OTHER || !icpBrasil) {
            out.add(CertificateWarning.of(CertificateWarning.Code.NOT_ICP_BRASIL));
        }
        if (kind != HolderKind.OTHER) {
            String label = kind == HolderKind.COMPANY ? "CNPJ" : "CPF";
            String document = document();
            if (document != null && !(kind == HolderKind.COMPANY ? BrazilianDocuments.isCnpj(document) : BrazilianDocuments.isCpf(document))) {
                out.add(CertificateWarning.of(CertificateWarning.Code.INVALID_DOCUMENT, label, BrazilianDocuments.format(document)));
            }
            String typed = typedDocument == null || typedDocument.isBlank() ? null : BrazilianDocuments.normalize(typedDocument);
            if (typed != null && document != null && !typed.equals(document)) {
                out.add(CertificateWarning.of(CertificateWarning.Code.DOCUMENT_DIFFERS, label, BrazilianDocuments.format(document),
                        BrazilianDocuments.format(typed)));
            }
            if (!hasCei()) {
                out.add(CertificateWarning.of(CertificateWarning.Code.NO_CEI));
            }
        }
        if (expired(now)) {
            out.add(CertificateWarning.of(CertificateWarning.Code.EXPIRED, DAY.format(validUntil())));
        } else if (now.isBefore(notBefore)) {
            out.add(CertificateWarning.of(CertificateWarning.Code.NOT_YET_VALID, DAY.format(issuedOn())));
        } else if (daysLeft(now) <= EXPIRY_NOTICE_DAYS) {
            out.add(CertificateWarning.of(CertificateWarning.Code.EXPIRES_SOON, String.valueOf(daysLeft(now)), DAY.format(validUntil())));
        }
        return out;
    }

    /** The facts in one pt-BR paragraph, for the ticket text the Relacionamento team reads. */
    public String describe() {
        StringBuilder out = new StringBuilder("Certificado lido pelo SOP Desk: ");
        out.append(kind == HolderKind.COMPANY ? "e-CNPJ" : kind == HolderKind.PERSON ? "e-CPF" : "certificado").append(' ')
                .append(type == CertificateType.UNKNOWN ? "" : type.name() + " ")
                .append("de ").append(holderName == null ? "(sem nome)" : holderName);
        if (document() != null) {
            out.append(", ").append(kind == HolderKind.COMPANY ? "CNPJ " : "CPF ").append(BrazilianDocuments.format(document()));
        }
        if (responsibleName != null) {
            out.append(", responsável ").append(responsibleName);
        }
        out.append(", CEI ").append(hasCei() ? cei + (ceiKind == CeiKind.COMPANY ? " (da empresa)" : " (da pessoa física)") : "ausente");
        out.append("; emitido por ").append(issuer).append(", série ").append(serial)
                .append(", válido de ").append(DAY.format(issuedOn())).append(" a ").append(DAY.format(validUntil())).append('.');
        return out.toString();
    }
}
