package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.entity.CertificateType;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * The certificates of one file as a chain: which one is the holder's (the end entity), the CAs
 * above it as far as the file carries them, and whether they all have ICP-Brasil's shape. Apart
 * from reading the holder's facts ({@link IcpBrasilReader}) because it judges the certificates'
 * relations, not their content; nothing here checks a signature.
 */
final class CertificateChain {

    private CertificateChain() {
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
        return ancestors(ee, certificates).stream().allMatch(ca -> underIcpBrasil(ca.getSubject()) && underIcpBrasil(ca.getIssuer()));
    }

    /** The CAs above {@code ee} by name: its issuer first, then up as far as the file carries them. */
    static List<String> names(Certificate ee, List<Certificate> certificates) {
        List<String> names = new ArrayList<>();
        names.add(nameOf(ee.getIssuer()));
        for (Certificate ca : ancestors(ee, certificates)) {
            if (ca.getSubject().equals(ca.getIssuer())) {
                break;
            }
            names.add(nameOf(ca.getIssuer()));
        }
        return names;
    }

    /**
     * The certificates above {@code ee} in the file, its issuer's first, up to a self-signed one or
     * the first issuer the file does not carry; never {@code ee} itself, nor more than the file holds.
     */
    private static List<Certificate> ancestors(Certificate ee, List<Certificate> certificates) {
        List<Certificate> above = new ArrayList<>();
        Certificate current = ee;
        for (int i = 0; i < certificates.size() && !current.getSubject().equals(current.getIssuer()); i++) {
            X500Name issuer = current.getIssuer();
            Certificate parent = certificates.stream().filter(c -> c != ee && c.getSubject().equals(issuer)).findFirst().orElse(null);
            if (parent == null) {
                break;
            }
            above.add(parent);
            current = parent;
        }
        return above;
    }

    private static boolean underIcpBrasil(X500Name name) {
        for (RDN rdn : name.getRDNs(BCStyle.O)) {
            if (rdn.getFirst() != null && rdn.getFirst().getValue() instanceof ASN1String o && "ICP-Brasil".equalsIgnoreCase(o.getString().strip())) {
                return true;
            }
        }
        return false;
    }

    /** A CA's common name (or the whole name when it has none). */
    static String nameOf(X500Name name) {
        String cn = Asn1Text.first(name, BCStyle.CN);
        return cn != null ? cn : name.toString();
    }
}
