package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateFacts.CeiKind;
import br.com.sopdesk.certificate.entity.CertificateFacts.HolderKind;
import br.com.sopdesk.certificate.entity.CertificateType;
import br.com.sopdesk.certificate.entity.SourceFormat;
import br.com.sopdesk.validation.BrazilianDocuments;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.util.encoders.Hex;

/**
 * Extracts the ICP-Brasil facts (DOC-ICP-04) from a certificate: the holder's data sits in
 * subjectAltName {@code otherName} entries, whose ASCII value CAs encode as OCTET STRING or as
 * PrintableString (also UTF8String, IA5String or BMPString in some, explicitly or implicitly
 * tagged, or a string wrapped inside the OCTET STRING); all are read. Values of zeros mean "not
 * informed". Pure ASN.1: no provider, no signature check (the agent needs the data on the
 * certificate, not a validation of it).
 *
 * <p>The certificate is parsed once and each extension (and each otherName) read on its own: one
 * odd entry in a genuine certificate costs that entry, named in {@link CertificateFacts#unreadableParts()},
 * never the other facts.
 */
final class IcpBrasilReader {

    static final String PERSON = "2.16.76.1.3.1";
    static final String RESPONSIBLE_NAME = "2.16.76.1.3.2";
    static final String CNPJ = "2.16.76.1.3.3";
    static final String RESPONSIBLE = "2.16.76.1.3.4";
    static final String CEI_PERSON = "2.16.76.1.3.6";
    static final String CEI_COMPANY = "2.16.76.1.3.7";
    static final String COMPANY_NAME = "2.16.76.1.3.8";

    private static final java.util.regex.Pattern TRAILING_DOCUMENT = java.util.regex.Pattern.compile("\\s*:\\s*[0-9A-Za-z]{11,14}\\s*$");
    private static final java.util.regex.Pattern ZEROS = java.util.regex.Pattern.compile("0+");
    private static final java.util.regex.Pattern NON_DIGITS = java.util.regex.Pattern.compile("\\D");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);

    /** DER tags of the string types a value may be wrapped in inside an OCTET STRING. */
    private static final Set<Integer> STRING_TAGS = Set.of(BERTags.UTF8_STRING, BERTags.NUMERIC_STRING, BERTags.PRINTABLE_STRING,
            BERTags.T61_STRING, BERTags.IA5_STRING, BERTags.VISIBLE_STRING, BERTags.BMP_STRING, BERTags.UNIVERSAL_STRING);

    private IcpBrasilReader() {
    }

    /**
     * The facts of the end-entity certificate among {@code certificates}.
     *
     * @param endEntity the one to read when the container says (a PFX key's certificate), or null to pick it
     */
    static CertificateFacts facts(List<Certificate> certificates, Certificate endEntity, SourceFormat format) {
        return facts(certificates, endEntity, format, true);
    }

    /**
     * The facts of the end-entity certificate among {@code certificates}.
     *
     * @param endEntity       the one to read when the container says (a PFX key's certificate), or null to pick it
     * @param passwordChecked false for a PFX whose password nothing checked
     */
    static CertificateFacts facts(List<Certificate> certificates, Certificate endEntity, SourceFormat format, boolean passwordChecked) {
        Certificate ee = endEntity != null ? endEntity : endEntity(certificates);
        Extensions ext = ee.getTBSCertificate().getExtensions();
        List<String> unreadable = new ArrayList<>();
        Holder h = new Holder();
        String email = subjectAltNames(ext, h, unreadable);
        if (email == null) {
            email = first(ee.getSubject(), BCStyle.EmailAddress);
        }
        String cn = first(ee.getSubject(), BCStyle.CN);
        HolderKind kind = h.cnpj != null ? HolderKind.COMPANY : h.personSeen ? HolderKind.PERSON
                : h.companySeen ? HolderKind.COMPANY : HolderKind.OTHER;
        String holderName = withoutDocument(cn);
        if (holderName == null) {
            holderName = kind == HolderKind.COMPANY && h.companyName != null ? h.companyName : first(ee.getSubject(), BCStyle.O);
        }
        String policy = ext == null ? null : tolerant(unreadable, "certificatePolicies", () -> policy(ext));
        List<String> usages = new ArrayList<>();
        if (ext != null) {
            usages.addAll(orEmpty(tolerant(unreadable, "keyUsage", () -> keyUsage(ext))));
            usages.addAll(orEmpty(tolerant(unreadable, "extendedKeyUsage", () -> extendedKeyUsage(ext))));
        }
        CeiKind ceiKind = h.cei(kind);
        String cei = ceiKind == CeiKind.COMPANY ? h.ceiCompany : ceiKind == CeiKind.PERSON ? h.ceiPerson : null;
        boolean ca = isCa(ee);
        // a CA's policies say which certificates it may issue, not what it is
        CertificateType type = ca ? CertificateType.UNKNOWN : CertificateType.ofPolicy(policy);
        return new CertificateFacts(format, kind, holderName, h.cpf, h.birthDate, h.nis, h.cnpj, cei, ceiKind, h.responsibleName,
                h.responsibleCpf, h.responsibleBirthDate, h.responsibleNis, blankToNull(email), type, policy,
                ee.getSubject().toString(), nameOf(ee.getIssuer()), chain(ee, certificates), serial(ee.getSerialNumber()),
                ee.getStartDate().getDate().toInstant(), ee.getEndDate().getDate().toInstant(), usages, unreadable,
                !ca && isIcpBrasil(ee, policy, certificates), passwordChecked);
    }

    /**
     * Whether the certificate has the shape of an ICP-Brasil end-entity certificate: an ICP-Brasil
     * policy ({@code 2.16.76.1.2.*}, which DOC-ICP-04 requires of every such certificate), an issuer
     * named under {@code O=ICP-Brasil} (DOC-ICP-01 names every accredited CA so), and every CA the
     * file carries above it named so too. A certificate of a test or foreign CA fails one of these.
     * Nothing here checks a signature against the ITI roots: a test CA that copies ICP-Brasil's names
     * and policies passes, which is why the agent also sees the issuer and the chain.
     */
    static boolean isIcpBrasil(Certificate ee, String policy, List<Certificate> certificates) {
        if (!CertificateType.isIcpBrasil(policy) || !underIcpBrasil(ee.getIssuer())) {
            return false;
        }
        Certificate current = ee;
        for (int i = 0; i < certificates.size() && !current.getSubject().equals(current.getIssuer()); i++) {
            X500Name issuer = current.getIssuer();
            Certificate parent = certificates.stream().filter(c -> c != ee && c.getSubject().equals(issuer)).findFirst().orElse(null);
            if (parent == null) {
                break;
            }
            if (!underIcpBrasil(parent.getSubject()) || !underIcpBrasil(parent.getIssuer())) {
                return false;
            }
            current = parent;
        }
        return true;
    }

    private static boolean underIcpBrasil(X500Name name) {
        for (RDN rdn : name.getRDNs(BCStyle.O)) {
            if (rdn.getFirst() != null && rdn.getFirst().getValue() instanceof ASN1String o && "ICP-Brasil".equalsIgnoreCase(o.getString().strip())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the otherName entries into {@code h} and answers the first e-mail (rfc822Name). Each entry
     * is read on its own; one that cannot be read is named in {@code unreadable}.
     */
    private static String subjectAltNames(Extensions ext, Holder h, List<String> unreadable) {
        Extension san = ext == null ? null : ext.getExtension(Extension.subjectAlternativeName);
        if (san == null) {
            return null;
        }
        ASN1Sequence names = tolerant(unreadable, "subjectAltName", () -> ASN1Sequence.getInstance(san.getParsedValue()));
        if (names == null) {
            return null;
        }
        String email = null;
        for (ASN1Encodable entry : names) {
            String oid = null;
            try {
                ASN1TaggedObject name = ASN1TaggedObject.getInstance(entry);
                if (name.getTagNo() == GeneralName.otherName) {
                    ASN1Sequence other = ASN1Sequence.getInstance(name, false);
                    oid = ASN1ObjectIdentifier.getInstance(other.getObjectAt(0)).getId();
                    if (other.size() < 2) {
                        throw new IllegalArgumentException("otherName without a value");
                    }
                    h.read(oid, text(other.getObjectAt(1)));
                } else if (name.getTagNo() == GeneralName.rfc822Name && email == null) {
                    oid = "rfc822Name";
                    email = blankToNull(text(name));
                }
            } catch (RuntimeException e) {
                unreadable.add(oid == null ? "subjectAltName" : "subjectAltName " + oid);
            }
        }
        return email;
    }

    /** Runs one extension's reading; a failure is named in {@code unreadable} and answers null. */
    private static <T> T tolerant(List<String> unreadable, String part, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            unreadable.add(part);
            return null;
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** The certificate that issued none of the others, preferring one that is not a CA. */
    static Certificate endEntity(List<Certificate> certificates) {
        Certificate leaf = null;
        for (Certificate c : certificates) {
            boolean issuesAnother = certificates.stream().anyMatch(o -> o != c && !o.getSubject().equals(o.getIssuer())
                    && o.getIssuer().equals(c.getSubject()));
            if (!issuesAnother) {
                if (!isCa(c)) {
                    return c;
                }
                if (leaf == null) {
                    leaf = c;
                }
            }
        }
        return leaf != null ? leaf : certificates.get(0);
    }

    /** Whether its basic constraints say CA (an unreadable extension counts as not). */
    static boolean isCa(Certificate c) {
        try {
            Extensions ext = c.getTBSCertificate().getExtensions();
            BasicConstraints bc = ext == null ? null : BasicConstraints.fromExtensions(ext);
            return bc != null && bc.isCA();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The serial as the Windows certificate dialog shows it: the encoded bytes in hexadecimal, leading zero bytes kept. */
    static String serial(ASN1Integer serial) {
        try {
            byte[] tlv = serial.getEncoded(ASN1Encoding.DER);
            int header = 2 + ((tlv[1] & 0x80) == 0 ? 0 : tlv[1] & 0x7F);
            return Hex.toHexString(tlv, header, tlv.length - header);
        } catch (java.io.IOException e) {
            return Hex.toHexString(serial.getValue().toByteArray());
        }
    }

    /** The CAs above {@code ee}: its issuer first, then up as far as the file carries them. */
    private static List<String> chain(Certificate ee, List<Certificate> all) {
        List<String> names = new ArrayList<>();
        names.add(nameOf(ee.getIssuer()));
        Certificate current = ee;
        for (int i = 0; i < all.size() && !current.getSubject().equals(current.getIssuer()); i++) {
            X500Name issuer = current.getIssuer();
            Certificate parent = all.stream().filter(c -> c.getSubject().equals(issuer)).findFirst().orElse(null);
            if (parent == null || parent.getSubject().equals(parent.getIssuer())) {
                break;
            }
            names.add(nameOf(parent.getIssuer()));
            current = parent;
        }
        return names;
    }

    private static String policy(Extensions ext) {
        CertificatePolicies policies = CertificatePolicies.fromExtensions(ext);
        if (policies == null) {
            return null;
        }
        String firstPolicy = null;
        for (PolicyInformation p : policies.getPolicyInformation()) {
            String id = p.getPolicyIdentifier().getId();
            if (CertificateType.isIcpBrasil(id)) {
                return id;
            }
            firstPolicy = firstPolicy == null ? id : firstPolicy;
        }
        return firstPolicy;
    }

    private static List<String> keyUsage(Extensions ext) {
        List<String> out = new ArrayList<>();
        KeyUsage ku = KeyUsage.fromExtensions(ext);
        if (ku != null) {
            String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
                "keyCertSign", "cRLSign", "encipherOnly"};
            int[] bits = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment, KeyUsage.dataEncipherment,
                KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign, KeyUsage.encipherOnly};
            for (int i = 0; i < bits.length; i++) {
                if (ku.hasUsages(bits[i])) {
                    out.add(names[i]);
                }
            }
            if (ku.hasUsages(KeyUsage.decipherOnly)) {
                out.add("decipherOnly");
            }
        }
        return out;
    }

    private static List<String> extendedKeyUsage(Extensions ext) {
        List<String> out = new ArrayList<>();
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(ext);
        if (eku != null) {
            for (KeyPurposeId p : eku.getUsages()) {
                out.add(purpose(p));
            }
        }
        return out;
    }

    private static String purpose(KeyPurposeId p) {
        if (KeyPurposeId.id_kp_clientAuth.equals(p)) {
            return "clientAuth";
        } else if (KeyPurposeId.id_kp_emailProtection.equals(p)) {
            return "emailProtection";
        } else if (KeyPurposeId.id_kp_serverAuth.equals(p)) {
            return "serverAuth";
        } else if (KeyPurposeId.id_kp_codeSigning.equals(p)) {
            return "codeSigning";
        } else if (KeyPurposeId.id_kp_timeStamping.equals(p)) {
            return "timeStamping";
        } else if (KeyPurposeId.id_kp_smartcardlogon.equals(p)) {
            return "smartcardLogon";
        }
        return p.getId();
    }

    /**
     * The value of an otherName or rfc822Name: explicit [0] around a string type or an OCTET STRING
     * (which may itself hold an encoded string), or the raw bytes of an implicitly tagged one.
     */
    static String text(ASN1Encodable value) {
        ASN1Primitive p = value.toASN1Primitive();
        for (int depth = 0; p instanceof ASN1TaggedObject t && depth < 3; depth++) {
            p = t.getBaseObject().toASN1Primitive();
        }
        if (p instanceof ASN1String s) {
            return s.getString();
        }
        if (p instanceof ASN1OctetString o) {
            byte[] bytes = o.getOctets();
            if (bytes.length >= 2 && STRING_TAGS.contains(bytes[0] & 0xFF)) {
                try {
                    if (ASN1Primitive.fromByteArray(bytes) instanceof ASN1String inner) {
                        return inner.getString();
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // plain text that happens to start like a tag: read below
                }
            }
            return decode(bytes);
        }
        throw new IllegalArgumentException("not a string value");
    }

    /** UTF-8 when it is, UTF-16 (a BMPString's bytes) when every other byte is zero, Latin-1 otherwise. */
    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && bytes.length % 2 == 0) {
            boolean bmp = true;
            for (int i = 0; i < bytes.length && bmp; i += 2) {
                bmp = bytes[i] == 0 && bytes[i + 1] != 0;
            }
            if (bmp) {
                return new String(bytes, StandardCharsets.UTF_16BE);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String first(X500Name name, ASN1ObjectIdentifier attribute) {
        RDN[] rdns = name.getRDNs(attribute);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        return blankToNull(v instanceof ASN1String s ? s.getString() : v.toString());
    }

    /** A CA's common name (or the whole name when it has none). */
    static String nameOf(X500Name name) {
        String cn = first(name, BCStyle.CN);
        return cn != null ? cn : name.toString();
    }

    /** "FULANO DE TAL:12345678909" → "FULANO DE TAL" (e-CPF and e-CNPJ common names end with the document). */
    static String withoutDocument(String cn) {
        if (cn == null) {
            return null;
        }
        return blankToNull(TRAILING_DOCUMENT.matcher(cn).replaceFirst(""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Digits only; null when absent or all zeros ("not informed"). */
    static String informed(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() || ZEROS.matcher(v).matches() ? null : v;
    }

    /** The holder's data gathered from the otherName entries. */
    private static final class Holder {
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
                    responsibleName = blankToNull(value);
                }
                case CNPJ -> {
                    companySeen = true;
                    String v = informed(value);
                    cnpj = v == null ? null : BrazilianDocuments.normalize(v);
                }
                case CEI_PERSON -> ceiPerson = informed(NON_DIGITS.matcher(value).replaceAll(""));
                case CEI_COMPANY -> ceiCompany = informed(NON_DIGITS.matcher(value).replaceAll(""));
                case COMPANY_NAME -> companyName = blankToNull(value);
                default -> {
                    // voter id (3.5) and others the desk does not use
                }
            }
        }

        /** Which CEI the certificate carries: the company's on an e-CNPJ, the person's on an e-CPF, else whichever there is. */
        CeiKind cei(HolderKind kind) {
            if (ceiCompany != null && (kind == HolderKind.COMPANY || ceiPerson == null)) {
                return CeiKind.COMPANY;
            }
            return ceiPerson != null ? CeiKind.PERSON : null;
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
}
