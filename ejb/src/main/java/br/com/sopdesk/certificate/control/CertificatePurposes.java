package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.entity.CertificateType;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * The extensions that say what a certificate is for: its policy (which gives the ICP-Brasil type),
 * its key usage and its extended key usage, by the names the agent reads. Apart from the holder's
 * data ({@link IcpBrasilReader}) because each is an extension read on its own, and may fail alone.
 */
final class CertificatePurposes {

    private static final String[] KEY_USAGE_NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
        "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final int[] KEY_USAGE_BITS = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment,
        KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign, KeyUsage.encipherOnly,
        KeyUsage.decipherOnly};

    private CertificatePurposes() {
    }

    /** The ICP-Brasil policy OID, or the first policy when there is none; null without policies. */
    static String policy(Extensions ext) {
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

    /** The key usages set, by their RFC 5280 names. */
    static List<String> keyUsage(Extensions ext) {
        List<String> out = new ArrayList<>();
        KeyUsage ku = KeyUsage.fromExtensions(ext);
        if (ku != null) {
            for (int i = 0; i < KEY_USAGE_BITS.length; i++) {
                if (ku.hasUsages(KEY_USAGE_BITS[i])) {
                    out.add(KEY_USAGE_NAMES[i]);
                }
            }
        }
        return out;
    }

    /** The extended key usages, by name where the desk knows it, else by OID. */
    static List<String> extendedKeyUsage(Extensions ext) {
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
}
