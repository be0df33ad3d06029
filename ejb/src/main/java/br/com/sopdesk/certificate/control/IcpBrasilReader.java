package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateType;
import br.com.sopdesk.certificate.entity.SourceFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.encoders.Hex;

/**
 * Extracts the ICP-Brasil facts (DOC-ICP-04) from a certificate: the holder's data from the
 * subjectAltName {@code otherName} entries ({@link IcpBrasilHolder}, values read by
 * {@link Asn1Text}), what the certificate is for ({@link CertificatePurposes}), and its place in the
 * file's chain ({@link CertificateChain}). Pure ASN.1: no provider, no signature check (the agent
 * needs the data on the certificate, not a validation of it).
 *
 * <p>The certificate is parsed once and each extension (and each otherName) read on its own: one
 * odd entry in a genuine certificate costs that entry, named in {@link CertificateFacts#unreadableParts()},
 * never the other facts.
 */
final class IcpBrasilReader {

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
        Certificate ee = endEntity != null ? endEntity : CertificateChain.endEntity(certificates);
        Extensions ext = ee.getTBSCertificate().getExtensions();
        List<String> unreadable = new ArrayList<>();
        IcpBrasilHolder h = new IcpBrasilHolder();
        String email = subjectAltNames(ext, h, unreadable);
        if (email == null) {
            email = Asn1Text.first(ee.getSubject(), BCStyle.EmailAddress);
        }
        String holderName = h.name(Asn1Text.first(ee.getSubject(), BCStyle.CN), () -> Asn1Text.first(ee.getSubject(), BCStyle.O));
        String policy = ext == null ? null : tolerant(unreadable, "certificatePolicies", () -> CertificatePurposes.policy(ext));
        List<String> usages = new ArrayList<>();
        if (ext != null) {
            usages.addAll(orEmpty(tolerant(unreadable, "keyUsage", () -> CertificatePurposes.keyUsage(ext))));
            usages.addAll(orEmpty(tolerant(unreadable, "extendedKeyUsage", () -> CertificatePurposes.extendedKeyUsage(ext))));
        }
        boolean ca = CertificateChain.isCa(ee);
        // a CA's policies say which certificates it may issue, not what it is
        CertificateType type = ca ? CertificateType.UNKNOWN : CertificateType.ofPolicy(policy);
        return new CertificateFacts(format, h.kind(), holderName, h.cpf, h.birthDate, h.nis, h.cnpj, h.cei(), h.ceiKind(),
                h.responsibleName, h.responsibleCpf, h.responsibleBirthDate, h.responsibleNis, Asn1Text.blankToNull(email), type, policy,
                ee.getSubject().toString(), CertificateChain.nameOf(ee.getIssuer()), CertificateChain.names(ee, certificates),
                serial(ee.getSerialNumber()), ee.getStartDate().getDate().toInstant(), ee.getEndDate().getDate().toInstant(), usages,
                unreadable, !ca && CertificateChain.isIcpBrasil(ee, policy, certificates), passwordChecked);
    }

    /**
     * Reads the otherName entries into {@code h} and answers the first e-mail (rfc822Name). Each entry
     * is read on its own; one that cannot be read is named in {@code unreadable}.
     */
    private static String subjectAltNames(Extensions ext, IcpBrasilHolder h, List<String> unreadable) {
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
                    h.read(oid, Asn1Text.text(other.getObjectAt(1)));
                } else if (name.getTagNo() == GeneralName.rfc822Name && email == null) {
                    oid = "rfc822Name";
                    email = Asn1Text.blankToNull(Asn1Text.text(name));
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
}
