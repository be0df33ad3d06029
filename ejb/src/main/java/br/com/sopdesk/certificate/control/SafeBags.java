package br.com.sopdesk.certificate.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.util.encoders.Hex;

/**
 * What a PFX's opened bags hold: certificate bags are read, key bags only noted by their
 * {@code localKeyId} (never decrypted nor copied), nested safe contents followed a few levels.
 * From those ids it tells which certificate the key belongs to. Apart from opening the file
 * ({@link Pkcs12Reader}), which only decides how to get at the bags.
 */
final class SafeBags {

    private static final int MAX_NESTING = 3;

    private final List<Certificate> certificates = new ArrayList<>();
    private final List<byte[]> certificateKeyIds = new ArrayList<>();
    private final Set<String> keyIds = new HashSet<>();

    /** Takes the bags of one content of the file. */
    void add(PKCS12SafeBag[] bags) {
        for (PKCS12SafeBag bag : bags) {
            bag(bag.toASN1Structure(), 0);
        }
    }

    private void bag(SafeBag bag, int depth) {
        ASN1ObjectIdentifier id = bag.getBagId();
        if (PKCSObjectIdentifiers.certBag.equals(id)) {
            CertBag cert = CertBag.getInstance(bag.getBagValue());
            if (PKCSObjectIdentifiers.x509Certificate.equals(cert.getCertId())) {
                byte[] der = ASN1OctetString.getInstance(cert.getCertValue()).getOctets();
                certificates.add(Certificate.getInstance(ASN1Sequence.getInstance(fromDer(der))));
                certificateKeyIds.add(localKeyId(bag.getBagAttributes()));
            }
        } else if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(id) || PKCSObjectIdentifiers.keyBag.equals(id)) {
            byte[] keyId = localKeyId(bag.getBagAttributes());
            if (keyId != null) {
                keyIds.add(Hex.toHexString(keyId));
            }
        } else if (PKCSObjectIdentifiers.safeContentsBag.equals(id) && depth < MAX_NESTING) {
            for (ASN1Encodable inner : ASN1Sequence.getInstance(bag.getBagValue())) {
                bag(SafeBag.getInstance(inner), depth + 1);
            }
        }
    }

    /** The certificates in file order. */
    List<Certificate> certificates() {
        return certificates;
    }

    /** The first certificate, not a CA, whose {@code localKeyId} a key bag carries; null when no key names one. */
    Certificate keyHolder() {
        for (int i = 0; i < certificates.size(); i++) {
            byte[] id = certificateKeyIds.get(i);
            if (id != null && keyIds.contains(Hex.toHexString(id)) && !CertificateChain.isCa(certificates.get(i))) {
                return certificates.get(i);
            }
        }
        return null;
    }

    private static ASN1Primitive fromDer(byte[] der) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("certificate bag", e);
        }
    }

    private static byte[] localKeyId(ASN1Set attributes) {
        if (attributes == null) {
            return null;
        }
        for (ASN1Encodable a : attributes) {
            Attribute attribute = Attribute.getInstance(a);
            if (PKCSObjectIdentifiers.pkcs_9_at_localKeyId.equals(attribute.getAttrType()) && attribute.getAttrValues().size() > 0) {
                return ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
            }
        }
        return null;
    }
}
