package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.CipherFactory;
import org.bouncycastle.crypto.util.DigestFactory;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;

/**
 * Opens a PFX/P12 (PKCS#12) as far as its certificates: checks the password against the file's MAC
 * (PKCS#12 HMAC with SHA-1 or SHA-2, or PBMAC1 as OpenSSL 3.4 writes it), decrypts the certificate
 * bags (PKCS#12 PBE with 3DES, RC2 or RC4, as Windows and older tools write; PBES2 with PBKDF2 and
 * AES or 3DES, as OpenSSL 3 and the JDK write) and notes which certificate the private key belongs
 * to ({@code localKeyId}). Key bags are never decrypted nor copied.
 *
 * <p>Written on BouncyCastle's ASN.1 classes and lightweight crypto (no provider) rather than the
 * JDK's {@code KeyStore}, which refuses certificate-only files, ties a key without
 * {@code localKeyId} to whatever certificate comes first, and reports an algorithm it lacks as a
 * wrong password. A password that fails is tried once more as OpenSSL 1.x encoded non-ASCII
 * passwords (each UTF-8 byte taken as a character), and an empty one in both PKCS#12 forms, before
 * it is called wrong. The password bytes are cleared after use.
 */
final class Pkcs12Reader {

    /** More iterations than any tool writes (OpenSSL 2048, Windows 2000, the JDK 10000): refused rather than spent. */
    static final int MAX_ITERATIONS = 1_000_000;

    private static final int MAX_NESTING = 3;

    /** OIW's SHA-1 and DES-CBC (their constants live in bcutil, which the EAR does not carry). */
    private static final ASN1ObjectIdentifier SHA1 = new ASN1ObjectIdentifier("1.3.14.3.2.26");
    private static final ASN1ObjectIdentifier DES_CBC = new ASN1ObjectIdentifier("1.3.14.3.2.7");

    private static final Map<ASN1ObjectIdentifier, Supplier<Digest>> DIGESTS = Map.of(
            SHA1, DigestFactory::createSHA1,
            NISTObjectIdentifiers.id_sha224, DigestFactory::createSHA224,
            NISTObjectIdentifiers.id_sha256, DigestFactory::createSHA256,
            NISTObjectIdentifiers.id_sha384, DigestFactory::createSHA384,
            NISTObjectIdentifiers.id_sha512, DigestFactory::createSHA512,
            NISTObjectIdentifiers.id_sha512_224, DigestFactory::createSHA512_224,
            NISTObjectIdentifiers.id_sha512_256, DigestFactory::createSHA512_256);

    private static final Map<ASN1ObjectIdentifier, Supplier<Digest>> HMACS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, DigestFactory::createSHA1,
            PKCSObjectIdentifiers.id_hmacWithSHA224, DigestFactory::createSHA224,
            PKCSObjectIdentifiers.id_hmacWithSHA256, DigestFactory::createSHA256,
            PKCSObjectIdentifiers.id_hmacWithSHA384, DigestFactory::createSHA384,
            PKCSObjectIdentifiers.id_hmacWithSHA512, DigestFactory::createSHA512,
            PKCSObjectIdentifiers.id_hmacWithSHA512_224, DigestFactory::createSHA512_224,
            PKCSObjectIdentifiers.id_hmacWithSHA512_256, DigestFactory::createSHA512_256);

    /** The PKCS#12 PBE schemes (RFC 7292 appendix C): key and IV sizes in bits. */
    private record Pbe(int keyBits, int ivBits, Supplier<BlockCipher> engine) {
    }

    private static final Map<ASN1ObjectIdentifier, Pbe> PKCS12_PBE = Map.of(
            PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, new Pbe(192, 64, DESedeEngine::new),
            PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC, new Pbe(128, 64, DESedeEngine::new),
            PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC, new Pbe(128, 64, RC2Engine::new),
            PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, new Pbe(40, 64, RC2Engine::new),
            PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC4, new Pbe(128, 0, null),
            PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC4, new Pbe(40, 0, null));

    private static final Map<ASN1ObjectIdentifier, Integer> PBES2_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16, NISTObjectIdentifiers.id_aes192_CBC, 24, NISTObjectIdentifiers.id_aes256_CBC, 32,
            NISTObjectIdentifiers.id_aes128_GCM, 16, NISTObjectIdentifiers.id_aes192_GCM, 24, NISTObjectIdentifiers.id_aes256_GCM, 32,
            PKCSObjectIdentifiers.des_EDE3_CBC, 24, DES_CBC, 8);

    /** What the file holds: its certificates in file order and, when a key bag names one, the key's certificate. */
    record Contents(List<Certificate> certificates, Certificate keyHolder) {
    }

    /** One way of turning the typed password into bytes: PKCS#12's BMPString form and PBKDF2's UTF-8 form. */
    private record Secret(byte[] bmp, byte[] utf8) {
        void clear() {
            Arrays.fill(bmp, (byte) 0);
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private Pkcs12Reader() {
    }

    /**
     * Reads the PFX whose outer structure is {@code top}.
     *
     * @param password as typed, or null/empty; not modified
     */
    static Contents read(ASN1Sequence top, char[] password) {
        boolean noPassword = password == null || password.length == 0;
        List<Secret> all = secrets(password);
        List<Secret> secrets = all;
        try {
            Pfx pfx = Pfx.getInstance(top);
            ContentInfo authSafe = pfx.getAuthSafe();
            if (!PKCSObjectIdentifiers.data.equals(authSafe.getContentType())) {
                // public-key integrity mode (signedData): not something a certificate vendor's customer has
                throw unsupported("signedData");
            }
            byte[] content = ASN1OctetString.getInstance(authSafe.getContent()).getOctets();
            MacData mac = pfx.getMacData();
            if (mac != null) {
                Secret right = secrets.stream().filter(s -> macMatches(mac, content, s)).findFirst().orElse(null);
                if (right == null) {
                    throw new UnreadableCertificateException(noPassword ? Reason.PASSWORD_REQUIRED : Reason.WRONG_PASSWORD);
                }
                secrets = List.of(right);
            }
            return contents(content, secrets, mac != null, noPassword);
        } finally {
            all.forEach(Secret::clear);
        }
    }

    private static Contents contents(byte[] authenticatedSafe, List<Secret> secrets, boolean passwordChecked, boolean noPassword) {
        List<Certificate> certificates = new ArrayList<>();
        List<byte[]> certificateKeyIds = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        String unsupported = null;
        for (ASN1Encodable e : sequence(authenticatedSafe)) {
            ContentInfo info = ContentInfo.getInstance(e);
            ASN1ObjectIdentifier type = info.getContentType();
            if (PKCSObjectIdentifiers.data.equals(type)) {
                bags(sequence(ASN1OctetString.getInstance(info.getContent()).getOctets()), certificates, certificateKeyIds, keyIds, 0);
            } else if (PKCSObjectIdentifiers.encryptedData.equals(type)) {
                EncryptedData data = EncryptedData.getInstance(info.getContent());
                ASN1Sequence bags = decrypt(data.getEncryptionAlgorithm(), data.getContent().getOctets(), secrets, passwordChecked, noPassword);
                bags(bags, certificates, certificateKeyIds, keyIds, 0);
            } else {
                // envelopedData (public-key privacy mode) and the like: nothing here can open them
                unsupported = type.getId();
            }
        }
        if (certificates.isEmpty()) {
            throw unsupported != null ? unsupported(unsupported) : new UnreadableCertificateException(Reason.NO_CERTIFICATE);
        }
        Certificate keyHolder = null;
        for (int i = 0; i < certificates.size() && keyHolder == null; i++) {
            byte[] id = certificateKeyIds.get(i);
            if (id != null && keyIds.contains(Hex.toHexString(id))
                    && !IcpBrasilReader.isCa(certificates.get(i))) {
                keyHolder = certificates.get(i);
            }
        }
        return new Contents(certificates, keyHolder);
    }

    /** Certificate bags are read, key bags only noted by their localKeyId, nested safe contents followed. */
    private static void bags(ASN1Sequence safeContents, List<Certificate> certificates, List<byte[]> certificateKeyIds, Set<String> keyIds,
            int depth) {
        for (ASN1Encodable e : safeContents) {
            SafeBag bag = SafeBag.getInstance(e);
            ASN1ObjectIdentifier id = bag.getBagId();
            if (PKCSObjectIdentifiers.certBag.equals(id)) {
                CertBag cert = CertBag.getInstance(bag.getBagValue());
                if (PKCSObjectIdentifiers.x509Certificate.equals(cert.getCertId())) {
                    byte[] der = ASN1OctetString.getInstance(cert.getCertValue()).getOctets();
                    certificates.add(Certificate.getInstance(sequence(der)));
                    certificateKeyIds.add(localKeyId(bag.getBagAttributes()));
                }
            } else if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(id) || PKCSObjectIdentifiers.keyBag.equals(id)) {
                byte[] keyId = localKeyId(bag.getBagAttributes());
                if (keyId != null) {
                    keyIds.add(Hex.toHexString(keyId));
                }
            } else if (PKCSObjectIdentifiers.safeContentsBag.equals(id) && depth < MAX_NESTING) {
                bags(ASN1Sequence.getInstance(bag.getBagValue()), certificates, certificateKeyIds, keyIds, depth + 1);
            }
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

    /** The MAC over the authenticated safe, with the digest's own PKCS#12 key derivation, or PBMAC1. */
    private static boolean macMatches(MacData mac, byte[] content, Secret secret) {
        AlgorithmIdentifier algorithm = mac.getMac().getAlgorithmId();
        byte[] expected = mac.getMac().getDigest();
        HMac hmac;
        CipherParameters key;
        if (PKCSObjectIdentifiers.id_PBMAC1.equals(algorithm.getAlgorithm())) {
            PBMAC1Params params = PBMAC1Params.getInstance(algorithm.getParameters());
            Supplier<Digest> hash = HMACS.get(params.getMessageAuthScheme().getAlgorithm());
            if (hash == null) {
                throw unsupported("PBMAC1 " + params.getMessageAuthScheme().getAlgorithm().getId());
            }
            hmac = new HMac(hash.get());
            key = pbkdf2(params.getKeyDerivationFunc(), secret.utf8(), hmac.getMacSize());
        } else {
            Supplier<Digest> hash = DIGESTS.get(algorithm.getAlgorithm());
            if (hash == null) {
                throw unsupported("MAC " + algorithm.getAlgorithm().getId());
            }
            hmac = new HMac(hash.get());
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(hash.get());
            generator.init(secret.bmp(), mac.getSalt(), iterations(mac.getIterationCount()));
            key = generator.generateDerivedMacParameters(hmac.getMacSize() * 8);
        }
        hmac.init(key);
        hmac.update(content, 0, content.length);
        byte[] computed = new byte[hmac.getMacSize()];
        hmac.doFinal(computed, 0);
        return Arrays.constantTimeAreEqual(expected, computed);
    }

    /**
     * The safe contents inside an encryptedData, with the password that passed the MAC (or, without a
     * MAC, the first that decrypts to well-formed DER).
     */
    private static ASN1Sequence decrypt(AlgorithmIdentifier algorithm, byte[] encrypted, List<Secret> secrets, boolean passwordChecked,
            boolean noPassword) {
        for (Secret secret : secrets) {
            try {
                byte[] plain = decrypt(algorithm, encrypted, secret);
                return ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(plain));
            } catch (InvalidCipherTextException | IOException | IllegalArgumentException | IllegalStateException e) {
                // bad padding or garbage: a wrong password when nothing checked it, damage otherwise
            }
        }
        if (passwordChecked) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        throw new UnreadableCertificateException(noPassword ? Reason.PASSWORD_REQUIRED : Reason.WRONG_PASSWORD);
    }

    private static byte[] decrypt(AlgorithmIdentifier algorithm, byte[] encrypted, Secret secret) throws InvalidCipherTextException {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        Pbe pbe = PKCS12_PBE.get(oid);
        if (pbe != null) {
            PKCS12PBEParams params = PKCS12PBEParams.getInstance(algorithm.getParameters());
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(DigestFactory.createSHA1());
            generator.init(secret.bmp(), params.getIV(), iterations(params.getIterations()));
            if (pbe.engine() == null) {
                StreamCipher rc4 = new RC4Engine();
                rc4.init(false, generator.generateDerivedParameters(pbe.keyBits()));
                byte[] out = new byte[encrypted.length];
                rc4.processBytes(encrypted, 0, encrypted.length, out, 0);
                return out;
            }
            BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(pbe.engine().get()), new PKCS7Padding());
            cipher.init(false, generator.generateDerivedParameters(pbe.keyBits(), pbe.ivBits()));
            return run(cipher, encrypted);
        }
        if (PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
            PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
            AlgorithmIdentifier scheme = AlgorithmIdentifier.getInstance(params.getEncryptionScheme());
            Integer keyBytes = PBES2_KEY_BYTES.get(scheme.getAlgorithm());
            if (keyBytes == null) {
                throw unsupported("PBES2 " + scheme.getAlgorithm().getId());
            }
            KeyParameter key = pbkdf2(AlgorithmIdentifier.getInstance(params.getKeyDerivationFunc()), secret.utf8(), keyBytes);
            try {
                Object cipher = CipherFactory.createContentCipher(false, key, scheme);
                if (cipher instanceof BufferedBlockCipher block) {
                    return run(block, encrypted);
                }
                AEADCipher aead = (AEADCipher) cipher;
                byte[] out = new byte[aead.getOutputSize(encrypted.length)];
                int n = aead.processBytes(encrypted, 0, encrypted.length, out, 0);
                n += aead.doFinal(out, n);
                return java.util.Arrays.copyOf(out, n);
            } finally {
                Arrays.fill(key.getKey(), (byte) 0);
            }
        }
        throw unsupported(oid.getId());
    }

    private static KeyParameter pbkdf2(AlgorithmIdentifier kdf, byte[] password, int defaultKeyBytes) {
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw unsupported("KDF " + kdf.getAlgorithm().getId());
        }
        PBKDF2Params params = PBKDF2Params.getInstance(kdf.getParameters());
        Supplier<Digest> prf = HMACS.get(params.getPrf().getAlgorithm());
        if (prf == null) {
            throw unsupported("PBKDF2 " + params.getPrf().getAlgorithm().getId());
        }
        int keyBytes = params.getKeyLength() == null ? defaultKeyBytes : params.getKeyLength().intValueExact();
        if (keyBytes <= 0 || keyBytes > 64) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf.get());
        generator.init(password, params.getSalt(), iterations(params.getIterationCount()));
        return (KeyParameter) generator.generateDerivedParameters(keyBytes * 8);
    }

    private static byte[] run(BufferedBlockCipher cipher, byte[] in) throws InvalidCipherTextException {
        byte[] out = new byte[cipher.getOutputSize(in.length)];
        int n = cipher.processBytes(in, 0, in.length, out, 0);
        n += cipher.doFinal(out, n);
        return java.util.Arrays.copyOf(out, n);
    }

    private static int iterations(BigInteger count) {
        if (count == null) {
            return 1;
        }
        if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw unsupported("iterations " + count);
        }
        return count.intValue();
    }

    private static ASN1Sequence sequence(byte[] der) {
        try {
            return ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException e) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
    }

    /**
     * The password's byte forms, most likely first: PKCS#12's BMPString and UTF-8; for non-ASCII,
     * OpenSSL 1.x's (each UTF-8 byte as one BMP character); for none, the empty BMPString with and
     * without its two-byte terminator.
     */
    private static List<Secret> secrets(char[] password) {
        List<Secret> out = new ArrayList<>();
        if (password == null || password.length == 0) {
            out.add(new Secret(new byte[2], new byte[0]));
            out.add(new Secret(new byte[0], new byte[0]));
            return out;
        }
        byte[] utf8 = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
        out.add(new Secret(PBEParametersGenerator.PKCS12PasswordToBytes(password), utf8));
        boolean ascii = true;
        for (char c : password) {
            ascii &= c < 0x80;
        }
        if (!ascii) {
            char[] bytesAsChars = new char[utf8.length];
            for (int i = 0; i < utf8.length; i++) {
                bytesAsChars[i] = (char) (utf8[i] & 0xFF);
            }
            out.add(new Secret(PBEParametersGenerator.PKCS12PasswordToBytes(bytesAsChars), utf8.clone()));
            Arrays.fill(bytesAsChars, '\0');
        }
        return out;
    }

    private static UnreadableCertificateException unsupported(String what) {
        return new UnreadableCertificateException(Reason.UNSUPPORTED_PROTECTION, what);
    }
}
