package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import java.math.BigInteger;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.util.DigestFactory;

/**
 * Which PKCS#12 protections SOP Desk agrees to open, decided before any key is derived: the
 * encryptions, MAC digests and PBKDF2 pseudo-random functions it can check, and a ceiling on
 * iteration counts. Anything else is {@link Reason#UNSUPPORTED_PROTECTION}, so a GOST file is not
 * called a wrong password and an absurd count is refused rather than spent. Apart from opening the
 * file ({@link Pkcs12Reader}) so the policy is one list.
 */
final class Pkcs12Protection {

    /** More iterations than any tool writes (OpenSSL 2048, Windows 2000, the JDK 10000): refused rather than spent. */
    static final int MAX_ITERATIONS = 1_000_000;

    /** OIW's DES-CBC (its constant lives in bcutil). */
    private static final ASN1ObjectIdentifier DES_CBC = new ASN1ObjectIdentifier("1.3.14.3.2.7");

    /** The PKCS#12 PBE schemes (RFC 7292 appendix C) the decryptor opens. */
    private static final Set<ASN1ObjectIdentifier> PKCS12_PBE = Set.of(
            PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC,
            PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC, PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
            PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC4, PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC4);

    /** The PBES2 ciphers the decryptor opens. */
    private static final Set<ASN1ObjectIdentifier> PBES2_CIPHERS = Set.of(
            NISTObjectIdentifiers.id_aes128_CBC, NISTObjectIdentifiers.id_aes192_CBC, NISTObjectIdentifiers.id_aes256_CBC,
            NISTObjectIdentifiers.id_aes128_GCM, NISTObjectIdentifiers.id_aes192_GCM, NISTObjectIdentifiers.id_aes256_GCM,
            PKCSObjectIdentifiers.des_EDE3_CBC, DES_CBC);

    /** The hashes SOP Desk checks, by the OID naming them as a MAC digest and as an HMAC (PBMAC1, PBKDF2's PRF). */
    private enum Hash {
        SHA1(new ASN1ObjectIdentifier("1.3.14.3.2.26"), PKCSObjectIdentifiers.id_hmacWithSHA1, DigestFactory::createSHA1),
        SHA224(NISTObjectIdentifiers.id_sha224, PKCSObjectIdentifiers.id_hmacWithSHA224, DigestFactory::createSHA224),
        SHA256(NISTObjectIdentifiers.id_sha256, PKCSObjectIdentifiers.id_hmacWithSHA256, DigestFactory::createSHA256),
        SHA384(NISTObjectIdentifiers.id_sha384, PKCSObjectIdentifiers.id_hmacWithSHA384, DigestFactory::createSHA384),
        SHA512(NISTObjectIdentifiers.id_sha512, PKCSObjectIdentifiers.id_hmacWithSHA512, DigestFactory::createSHA512),
        SHA512_224(NISTObjectIdentifiers.id_sha512_224, PKCSObjectIdentifiers.id_hmacWithSHA512_224, DigestFactory::createSHA512_224),
        SHA512_256(NISTObjectIdentifiers.id_sha512_256, PKCSObjectIdentifiers.id_hmacWithSHA512_256, DigestFactory::createSHA512_256);

        final ASN1ObjectIdentifier digest;
        final ASN1ObjectIdentifier hmac;
        final Supplier<Digest> create;

        Hash(ASN1ObjectIdentifier digest, ASN1ObjectIdentifier hmac, Supplier<Digest> create) {
            this.digest = digest;
            this.hmac = hmac;
            this.create = create;
        }
    }

    private Pkcs12Protection() {
    }

    /** The digest a PKCS#12 MAC names, or null when SOP Desk does not check it. */
    static Supplier<Digest> digest(ASN1ObjectIdentifier oid) {
        for (Hash h : Hash.values()) {
            if (h.digest.equals(oid)) {
                return h.create;
            }
        }
        return null;
    }

    /** The digest under an HMAC OID (PBMAC1's scheme, PBKDF2's PRF), or null when SOP Desk does not check it. */
    static Supplier<Digest> hmac(ASN1ObjectIdentifier oid) {
        for (Hash h : Hash.values()) {
            if (h.hmac.equals(oid)) {
                return h.create;
            }
        }
        return null;
    }

    /** Refuses, before any key is derived, an encryption SOP Desk cannot open or an absurd iteration count. */
    static void checkEncryption(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (PKCS12_PBE.contains(oid)) {
            iterations(PKCS12PBEParams.getInstance(algorithm.getParameters()).getIterations());
            return;
        }
        if (!PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
            throw unsupported(oid.getId());
        }
        PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
        ASN1ObjectIdentifier cipher = AlgorithmIdentifier.getInstance(params.getEncryptionScheme()).getAlgorithm();
        if (!PBES2_CIPHERS.contains(cipher)) {
            throw unsupported("PBES2 " + cipher.getId());
        }
        PBKDF2Params pbkdf2 = pbkdf2(AlgorithmIdentifier.getInstance(params.getKeyDerivationFunc()));
        iterations(pbkdf2.getIterationCount());
        if (pbkdf2.getKeyLength() != null && (pbkdf2.getKeyLength().signum() <= 0 || pbkdf2.getKeyLength().intValue() > 64)) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
    }

    /** PBKDF2's parameters, once its PRF is one SOP Desk runs; any other derivation is refused (the iteration count is the caller's to check). */
    static PBKDF2Params pbkdf2(AlgorithmIdentifier kdf) {
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw unsupported("KDF " + kdf.getAlgorithm().getId());
        }
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(kdf.getParameters());
        if (hmac(pbkdf2.getPrf().getAlgorithm()) == null) {
            throw unsupported("PBKDF2 " + pbkdf2.getPrf().getAlgorithm().getId());
        }
        return pbkdf2;
    }

    /** The iteration count to run (1 when absent), or a refusal when it is not positive or above {@link #MAX_ITERATIONS}. */
    static int iterations(BigInteger count) {
        if (count == null) {
            return 1;
        }
        if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw unsupported("iterations " + count);
        }
        return count.intValue();
    }

    static UnreadableCertificateException unsupported(String what) {
        return new UnreadableCertificateException(Reason.UNSUPPORTED_PROTECTION, what);
    }
}
