package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.entity.CertificateFacts.CeiKind;
import br.com.sopdesk.certificate.entity.CertificateFacts.HolderKind;
import br.com.sopdesk.validation.BrazilianDocuments;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The holder's data as ICP-Brasil writes it (DOC-ICP-04): what each {@code otherName} OID means,
 * where the birth date, CPF and NIS sit in its fixed-width value, that zeros mean "not informed",
 * and how an e-CPF or e-CNPJ common name ends with the document. Apart from reading the certificate
 * ({@link IcpBrasilReader}) so the ICP-Brasil rules are in one place. One per certificate read.
 */
final class IcpBrasilHolder {

    static final String PERSON = "2.16.76.1.3.1";
    static final String RESPONSIBLE_NAME = "2.16.76.1.3.2";
    static final String CNPJ = "2.16.76.1.3.3";
    static final String RESPONSIBLE = "2.16.76.1.3.4";
    static final String CEI_PERSON = "2.16.76.1.3.6";
    static final String CEI_COMPANY = "2.16.76.1.3.7";
    static final String COMPANY_NAME = "2.16.76.1.3.8";

    private static final Pattern TRAILING_DOCUMENT = Pattern.compile("\\s*:\\s*[0-9A-Za-z]{11,14}\\s*$");
    private static final Pattern ZEROS = Pattern.compile("0+");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);

    boolean personSeen;
    boolean companySeen;
    String cpf;
    LocalDate birthDate;
    String nis;
    String cnpj;
    String ceiPerson;
    String ceiCompany;
    String responsibleName;
    String responsibleCpf;
    LocalDate responsibleBirthDate;
    String responsibleNis;
    String companyName;

    /** Takes the value of one otherName entry; OIDs the desk does not use are ignored. */
    void read(String oid, String value) {
        if (value == null) {
            return;
        }
        switch (oid) {
            case PERSON -> {
                personSeen = true;
                cpf = informed(slice(value, 8, 19));
                birthDate = birth(slice(value, 0, 8));
                nis = informed(slice(value, 19, 30));
            }
            case RESPONSIBLE -> {
                companySeen = true;
                responsibleCpf = informed(slice(value, 8, 19));
                responsibleBirthDate = birth(slice(value, 0, 8));
                responsibleNis = informed(slice(value, 19, 30));
            }
            case RESPONSIBLE_NAME -> {
                companySeen = true;
                responsibleName = Asn1Text.blankToNull(value);
            }
            case CNPJ -> {
                companySeen = true;
                String v = informed(value);
                cnpj = v == null ? null : BrazilianDocuments.normalize(v);
            }
            case CEI_PERSON -> ceiPerson = informed(NON_DIGITS.matcher(value).replaceAll(""));
            case CEI_COMPANY -> ceiCompany = informed(NON_DIGITS.matcher(value).replaceAll(""));
            case COMPANY_NAME -> companyName = Asn1Text.blankToNull(value);
            default -> {
                // voter id (3.5) and others the desk does not use
            }
        }
    }

    /** A company when it has a CNPJ, else a person when an e-CPF entry was seen, else a company when an e-CNPJ entry was. */
    HolderKind kind() {
        return cnpj != null ? HolderKind.COMPANY : personSeen ? HolderKind.PERSON : companySeen ? HolderKind.COMPANY : HolderKind.OTHER;
    }

    /**
     * The holder's name: the common name without its document; without a common name, a company's
     * registered name when it has one, else the subject's organization.
     */
    String name(String commonName, Supplier<String> organization) {
        String name = withoutDocument(commonName);
        if (name != null) {
            return name;
        }
        return kind() == HolderKind.COMPANY && companyName != null ? companyName : organization.get();
    }

    /** Which CEI the certificate carries: the company's on an e-CNPJ, the person's on an e-CPF, else whichever there is. */
    CeiKind ceiKind() {
        if (ceiCompany != null && (kind() == HolderKind.COMPANY || ceiPerson == null)) {
            return CeiKind.COMPANY;
        }
        return ceiPerson != null ? CeiKind.PERSON : null;
    }

    /** The CEI {@link #ceiKind()} names. */
    String cei() {
        CeiKind ceiKind = ceiKind();
        return ceiKind == CeiKind.COMPANY ? ceiCompany : ceiKind == CeiKind.PERSON ? ceiPerson : null;
    }

    /** "FULANO DE TAL:12345678909" → "FULANO DE TAL" (e-CPF and e-CNPJ common names end with the document). */
    static String withoutDocument(String cn) {
        if (cn == null) {
            return null;
        }
        return Asn1Text.blankToNull(TRAILING_DOCUMENT.matcher(cn).replaceFirst(""));
    }

    /** Digits only; null when absent or all zeros ("not informed"). */
    static String informed(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() || ZEROS.matcher(v).matches() ? null : v;
    }

    private static LocalDate birth(String ddmmyyyy) {
        if (informed(ddmmyyyy) == null) {
            return null;
        }
        try {
            return LocalDate.parse(ddmmyyyy, BIRTH);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String slice(String value, int from, int to) {
        String v = value.strip();
        return v.length() <= from ? null : v.substring(from, Math.min(to, v.length()));
    }
}
