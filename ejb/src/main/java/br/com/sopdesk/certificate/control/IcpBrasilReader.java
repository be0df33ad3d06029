package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.entity.CertificateFacts;
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
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
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
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * Extracts the ICP-Brasil facts (DOC-ICP-04) from a certificate: the holder's data sits in
 * subjectAltName {@code otherName} entries, whose ASCII value CAs encode as OCTET STRING or as
 * PrintableString (also UTF8String/IA5String in older ones) under an explicit [0] tag; both are read.
 * Values of zeros mean "not informed". Pure ASN.1: no provider, no signature check (the agent
 * needs the data on the certificate, not a validation of it).
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

    private IcpBrasilReader() {
    }

    /**
     * The facts of the end-entity certificate among {@code certificates}.
     *
     * @param endEntity the one to read when the container says (a PFX key entry), or null to pick it
     */
    static CertificateFacts facts(List<Certificate> certificates, Certificate endEntity, SourceFormat format) {
        Certificate ee = endEntity != null ? endEntity : endEntity(certificates);
        Extensions ext = ee.getTBSCertificate().getExtensions();
        Holder h = new Holder();
        String email = null;
        GeneralNames san = ext == null ? null : GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName);
        if (san != null) {
            for (GeneralName name : san.getNames()) {
                if (name.getTagNo() == GeneralName.otherName) {
                    ASN1Sequence other = ASN1Sequence.getInstance(name.getName());
                    h.read(ASN1ObjectIdentifier.getInstance(other.getObjectAt(0)).getId(), text(other.getObjectAt(1)));
                } else if (name.getTagNo() == GeneralName.rfc822Name && email == null) {
                    email = text(name.getName());
                }
            }
        }
        if (email == null) {
            email = first(ee.getSubject(), BCStyle.EmailAddress);
        }
        String cn = first(ee.getSubject(), BCStyle.CN);
        HolderKind kind = h.cnpj != null ? HolderKind.COMPANY : h.personSeen ? HolderKind.PERSON : HolderKind.OTHER;
        String holderName = withoutDocument(cn);
        if (holderName == null) {
            holderName = kind == HolderKind.COMPANY && h.companyName != null ? h.companyName : first(ee.getSubject(), BCStyle.O);
        }
        String policy = policy(ext);
        return new CertificateFacts(format, kind, holderName, h.cpf, h.birthDate, h.nis, h.cnpj, h.cei, h.responsibleName,
                h.responsibleCpf, blankToNull(email), CertificateType.ofPolicy(policy), policy, ee.getSubject().toString(),
                nameOf(ee.getIssuer()), chain(ee, certificates), ee.getSerialNumber().getValue().toString(16).toUpperCase(Locale.ROOT),
                ee.getStartDate().getDate().toInstant(), ee.getEndDate().getDate().toInstant(), usages(ext));
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

    private static boolean isCa(Certificate c) {
        Extensions ext = c.getTBSCertificate().getExtensions();
        BasicConstraints bc = ext == null ? null : BasicConstraints.fromExtensions(ext);
        return bc != null && bc.isCA();
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
        CertificatePolicies policies = ext == null ? null : CertificatePolicies.fromExtensions(ext);
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

    private static List<String> usages(Extensions ext) {
        List<String> out = new ArrayList<>();
        if (ext == null) {
            return out;
        }
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

    /** The ASCII value of an otherName (explicit [0] around OCTET STRING or a string type, tolerating extra wrapping). */
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
            if (bytes.length > 2 && (bytes[0] == 0x13 || bytes[0] == 0x0C || bytes[0] == 0x16) && (bytes[1] & 0xFF) == bytes.length - 2) {
                try {
                    if (ASN1Primitive.fromByteArray(bytes) instanceof ASN1String inner) {
                        return inner.getString();
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // plain ASCII that happens to look like a tag: read below
                }
            }
            return decode(bytes);
        }
        return null;
    }

    private static String decode(byte[] bytes) {
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
        String cpf;
        LocalDate birthDate;
        String nis;
        String cnpj;
        String cei;
        String responsibleName;
        String responsibleCpf;
        String companyName;

        void read(String oid, String value) {
            if (value == null) {
                return;
            }
            switch (oid) {
                case PERSON -> {
                    personSeen = true;
                    cpf = informed(slice(value, 8, 19));
                    birthDate = birth(slice(value, 0, 8), birthDate);
                    nis = nis == null ? informed(slice(value, 19, 30)) : nis;
                }
                case RESPONSIBLE -> {
                    responsibleCpf = informed(slice(value, 8, 19));
                    birthDate = birthDate == null ? birth(slice(value, 0, 8), null) : birthDate;
                    nis = nis == null ? informed(slice(value, 19, 30)) : nis;
                }
                case RESPONSIBLE_NAME -> responsibleName = blankToNull(value);
                case CNPJ -> {
                    String v = informed(value);
                    cnpj = v == null ? null : BrazilianDocuments.normalize(v);
                }
                case CEI_PERSON, CEI_COMPANY -> {
                    String v = informed(NON_DIGITS.matcher(value).replaceAll(""));
                    cei = cei == null ? v : cei;
                }
                case COMPANY_NAME -> companyName = blankToNull(value);
                default -> {
                    // voter id (3.5) and others the desk does not use
                }
            }
        }

        private static LocalDate birth(String ddmmyyyy, LocalDate otherwise) {
            if (informed(ddmmyyyy) == null) {
                return otherwise;
            }
            try {
                return LocalDate.parse(ddmmyyyy, BIRTH);
            } catch (DateTimeParseException e) {
                return otherwise;
            }
        }

        private static String slice(String value, int from, int to) {
            String v = value.strip();
            return v.length() <= from ? null : v.substring(from, Math.min(to, v.length()));
        }
    }
}
