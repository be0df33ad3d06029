package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.Provider;
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
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.util.CipherFactory;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.util.DigestFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultSecretKeySizeProvider;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;

/**
 * Opens a PFX/P12 (PKCS#12) as far as its certificates, with BouncyCastle's own PKCS#12 classes:
 * {@link PKCS12PfxPdu} checks the password against the file's MAC, {@link PKCS12SafeBagFactory}
 * decrypts the certificate bags (PKCS#12 PBE with 3DES, RC2 or RC4, as Windows and older tools
 * write; PBES2 with PBKDF2 and AES or 3DES, as OpenSSL 3 and the JDK write) through a BouncyCastle
 * provider object that is never registered. Key bags are never decrypted nor copied: only their
 * {@code localKeyId} is noted, to tell which certificate the key belongs to.
 *
 * <p>Kept by hand what those classes cannot do: the PBMAC1 MAC OpenSSL 3.4 writes, and the JDK's
 * empty password (two zero bytes in the MAC, PBES2 that the provider's PBKDF2 refuses); the tries of a non-ASCII password as
 * OpenSSL 1.x encoded it (each UTF-8 byte taken as a character); refusing, before any work,
 * algorithms SOP Desk cannot check (so a GOST file is not called a wrong password) and absurd
 * iteration counts. Not the JDK's {@code KeyStore}: it refuses certificate-only files and ties a
 * key without {@code localKeyId} to whatever certificate comes first.
 *
 * <p>A MAC that fails means a wrong password or a file altered after export; the MAC alone cannot
 * tell which, but when the password still decrypts the certificate bags the file was altered
 * ({@link Reason#CORRUPTED}). A file without a MAC whose certificates are not encrypted opens with
 * any password: {@link Contents#passwordChecked()} says so.
 */
final class Pkcs12Reader {

    /** More iterations than any tool writes (OpenSSL 2048, Windows 2000, the JDK 10000): refused rather than spent. */
    static final int MAX_ITERATIONS = 1_000_000;

    private static final int MAX_NESTING = 3;

    /** OIW's SHA-1 and DES-CBC (their constants live in bcutil). */
    private static final ASN1ObjectIdentifier SHA1 = new ASN1ObjectIdentifier("1.3.14.3.2.26");
    private static final ASN1ObjectIdentifier DES_CBC = new ASN1ObjectIdentifier("1.3.14.3.2.7");

    /** The digests of the PKCS#12 MAC SOP Desk checks. */
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

    /** What the file holds: its certificates in file order, the key's certificate when a key bag names one, and whether anything checked the password. */
    record Contents(List<Certificate> certificates, Certificate keyHolder, boolean passwordChecked) {
    }

    /**
     * One way the typed password may have become the file's secret: the characters for the PKCS#12
     * key derivation (BMPString), those for PBKDF2 (UTF-8), and whether an empty one is the JDK's
     * two zero bytes.
     */
    private record Candidate(char[] pkcs12, char[] pbkdf2, boolean zeroTerminated) {
        void clear() {
            Arrays.fill(pkcs12, '\0');
            Arrays.fill(pbkdf2, '\0');
        }
    }

    /** BouncyCastle's provider as an object, created once and never registered. */
    private static final class Jce {
        static final Provider PROVIDER = new BouncyCastleProvider();
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
        List<Candidate> all = candidates(password);
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(Pfx.getInstance(top));
            if (!PKCSObjectIdentifiers.data.equals(pfx.toASN1Structure().getAuthSafe().getContentType())) {
                // public-key integrity mode (signedData): not something a certificate vendor's customer has
                throw unsupported("signedData");
            }
            ContentInfo[] infos = pfx.getContentInfos();
            List<Candidate> candidates = all;
            if (pfx.hasMac()) {
                Candidate right = all.stream().filter(c -> macMatches(pfx, c)).findFirst().orElse(null);
                if (right == null) {
                    if (anyDecrypts(infos, all)) {
                        throw new UnreadableCertificateException(Reason.CORRUPTED);
                    }
                    throw new UnreadableCertificateException(noPassword ? Reason.PASSWORD_REQUIRED : Reason.WRONG_PASSWORD);
                }
                candidates = List.of(right);
            }
            return contents(infos, candidates, pfx.hasMac(), noPassword);
        } finally {
            all.forEach(Candidate::clear);
        }
    }

    private static Contents contents(ContentInfo[] infos, List<Candidate> candidates, boolean macChecked, boolean noPassword) {
        List<Certificate> certificates = new ArrayList<>();
        List<byte[]> certificateKeyIds = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        String unsupported = null;
        boolean decrypted = false;
        for (ContentInfo info : infos) {
            ASN1ObjectIdentifier type = info.getContentType();
            try {
                if (PKCSObjectIdentifiers.data.equals(type)) {
                    bags(new PKCS12SafeBagFactory(info).getSafeBags(), certificates, certificateKeyIds, keyIds, 0);
                } else if (PKCSObjectIdentifiers.encryptedData.equals(type)) {
                    Opened opened = decrypt(info, candidates, macChecked, noPassword);
                    candidates = List.of(opened.candidate());
                    decrypted = true;
                    bags(opened.bags(), certificates, certificateKeyIds, keyIds, 0);
                } else {
                    // envelopedData (public-key privacy mode) and the like: nothing here can open them
                    unsupported = type.getId();
                }
            } catch (UnreadableCertificateException e) {
                throw e;
            } catch (RuntimeException e) {
                // the MAC vouched for this content (or the password decrypted it), yet it does not decode
                throw new UnreadableCertificateException(macChecked || decrypted ? Reason.CORRUPTED : Reason.UNREADABLE);
            }
        }
        if (certificates.isEmpty()) {
            throw unsupported != null ? unsupported(unsupported) : new UnreadableCertificateException(Reason.NO_CERTIFICATE);
        }
        Certificate keyHolder = null;
        for (int i = 0; i < certificates.size() && keyHolder == null; i++) {
            byte[] id = certificateKeyIds.get(i);
            if (id != null && keyIds.contains(Hex.toHexString(id)) && !CertificateChain.isCa(certificates.get(i))) {
                keyHolder = certificates.get(i);
            }
        }
        return new Contents(certificates, keyHolder, macChecked || decrypted);
    }

    /** The bags of one encryptedData, and the candidate that opened them. */
    private record Opened(PKCS12SafeBag[] bags, Candidate candidate) {
    }

    /**
     * The bags inside an encryptedData, with the password that passed the MAC (or, without a MAC,
     * the first that decrypts to well-formed bags).
     */
    private static Opened decrypt(ContentInfo info, List<Candidate> candidates, boolean macChecked, boolean noPassword) {
        AlgorithmIdentifier algorithm = EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm();
        checkSupported(algorithm);
        for (Candidate candidate : candidates) {
            PKCS12SafeBag[] bags = tryDecrypt(info, algorithm, candidate);
            if (bags != null) {
                return new Opened(bags, candidate);
            }
        }
        if (macChecked) {
            throw new UnreadableCertificateException(Reason.CORRUPTED);
        }
        throw new UnreadableCertificateException(noPassword ? Reason.PASSWORD_REQUIRED : Reason.WRONG_PASSWORD);
    }

    /** Whether any candidate decrypts an encryptedData of the file to well-formed bags: the password is right. */
    private static boolean anyDecrypts(ContentInfo[] infos, List<Candidate> candidates) {
        for (ContentInfo info : infos) {
            if (PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())) {
                try {
                    AlgorithmIdentifier algorithm = EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm();
                    checkSupported(algorithm);
                    for (Candidate candidate : candidates) {
                        if (tryDecrypt(info, algorithm, candidate) != null) {
                            return true;
                        }
                    }
                } catch (RuntimeException e) {
                    // a damaged or unsupported encryptedData tells nothing about the password
                }
            }
        }
        return false;
    }

    /** The decrypted bags, or null when this candidate does not decrypt them to well-formed bags (bad padding, garbage). */
    private static PKCS12SafeBag[] tryDecrypt(ContentInfo info, AlgorithmIdentifier algorithm, Candidate candidate) {
        boolean pbes2 = PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm());
        try {
            InputDecryptorProvider decryptor = pbes2 && candidate.pbkdf2().length == 0 ? EMPTY_PASSWORD_PBES2
                    : new JcePKCSPBEInputDecryptorProviderBuilder()
                            .setProvider(Jce.PROVIDER)
                            .setTryWrongPKCS12Zero(candidate.zeroTerminated())
                            .build(pbes2 ? candidate.pbkdf2() : candidate.pkcs12());
            PKCS12SafeBag[] bags = new PKCS12SafeBagFactory(info, decryptor).getSafeBags();
            for (PKCS12SafeBag bag : bags) {
                bag.getType();
            }
            return bags;
        } catch (PKCSException | RuntimeException e) {
            return null;
        }
    }

    /**
     * PBES2 under an empty password, as the JDK writes a PFX saved without one: BouncyCastle's
     * provider refuses to run PBKDF2 on an empty password, so this one is decrypted with its
     * lightweight classes.
     */
    private static final InputDecryptorProvider EMPTY_PASSWORD_PBES2 = algorithm -> new InputDecryptor() {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public InputStream getInputStream(InputStream encrypted) {
            PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
            AlgorithmIdentifier scheme = AlgorithmIdentifier.getInstance(params.getEncryptionScheme());
            PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(AlgorithmIdentifier.getInstance(params.getKeyDerivationFunc()).getParameters());
            int keyBytes = pbkdf2.getKeyLength() != null ? pbkdf2.getKeyLength().intValueExact()
                    : new DefaultSecretKeySizeProvider().getKeySize(scheme) / 8;
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(HMACS.get(pbkdf2.getPrf().getAlgorithm()).get());
            generator.init(new byte[0], pbkdf2.getSalt(), iterations(pbkdf2.getIterationCount()));
            try {
                byte[] in = encrypted.readAllBytes();
                Object cipher = CipherFactory.createContentCipher(false, generator.generateDerivedParameters(keyBytes * 8), scheme);
                if (cipher instanceof BufferedBlockCipher block) {
                    byte[] out = new byte[block.getOutputSize(in.length)];
                    int n = block.processBytes(in, 0, in.length, out, 0);
                    n += block.doFinal(out, n);
                    return new ByteArrayInputStream(out, 0, n);
                }
                AEADCipher aead = (AEADCipher) cipher;
                byte[] out = new byte[aead.getOutputSize(in.length)];
                int n = aead.processBytes(in, 0, in.length, out, 0);
                n += aead.doFinal(out, n);
                return new ByteArrayInputStream(out, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("does not decrypt", e);
            }
        }
    };

    /** Certificate bags are read, key bags only noted by their localKeyId, nested safe contents followed. */
    private static void bags(PKCS12SafeBag[] bags, List<Certificate> certificates, List<byte[]> certificateKeyIds, Set<String> keyIds, int depth) {
        for (PKCS12SafeBag bag : bags) {
            bag(bag.toASN1Structure(), certificates, certificateKeyIds, keyIds, depth);
        }
    }

    private static void bag(SafeBag bag, List<Certificate> certificates, List<byte[]> certificateKeyIds, Set<String> keyIds, int depth) {
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
                bag(SafeBag.getInstance(inner), certificates, certificateKeyIds, keyIds, depth + 1);
            }
        }
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

    /**
     * The MAC over the authenticated safe: BouncyCastle's PKCS#12 MAC for the usual forms; by hand for
     * PBMAC1 and for the JDK's empty password, which BouncyCastle's password-to-bytes cannot express.
     */
    private static boolean macMatches(PKCS12PfxPdu pfx, Candidate candidate) {
        MacData mac = pfx.toASN1Structure().getMacData();
        AlgorithmIdentifier algorithm = mac.getMac().getAlgorithmId();
        if (PKCSObjectIdentifiers.id_PBMAC1.equals(algorithm.getAlgorithm())) {
            return pbmac1Matches(pfx, mac, candidate);
        }
        Supplier<Digest> hash = DIGESTS.get(algorithm.getAlgorithm());
        if (hash == null) {
            throw unsupported("MAC " + algorithm.getAlgorithm().getId());
        }
        int iterations = iterations(mac.getIterationCount());
        if (candidate.zeroTerminated()) {
            HMac hmac = new HMac(hash.get());
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(hash.get());
            generator.init(new byte[2], mac.getSalt(), iterations);
            return hmacMatches(pfx, mac, hmac, generator.generateDerivedMacParameters(hmac.getMacSize() * 8));
        }
        try {
            return pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), candidate.pkcs12());
        } catch (PKCSException | RuntimeException e) {
            throw unsupported("MAC " + algorithm.getAlgorithm().getId());
        }
    }

    private static boolean pbmac1Matches(PKCS12PfxPdu pfx, MacData mac, Candidate candidate) {
        PBMAC1Params params = PBMAC1Params.getInstance(mac.getMac().getAlgorithmId().getParameters());
        Supplier<Digest> hash = HMACS.get(params.getMessageAuthScheme().getAlgorithm());
        if (hash == null) {
            throw unsupported("PBMAC1 " + params.getMessageAuthScheme().getAlgorithm().getId());
        }
        AlgorithmIdentifier kdf = params.getKeyDerivationFunc();
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw unsupported("KDF " + kdf.getAlgorithm().getId());
        }
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(kdf.getParameters());
        Supplier<Digest> prf = HMACS.get(pbkdf2.getPrf().getAlgorithm());
        if (prf == null) {
            throw unsupported("PBKDF2 " + pbkdf2.getPrf().getAlgorithm().getId());
        }
        HMac hmac = new HMac(hash.get());
        int keyBytes = pbkdf2.getKeyLength() == null ? hmac.getMacSize() : pbkdf2.getKeyLength().intValueExact();
        if (keyBytes <= 0 || keyBytes > 64) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        byte[] utf8 = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(candidate.pbkdf2());
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf.get());
            generator.init(utf8, pbkdf2.getSalt(), iterations(pbkdf2.getIterationCount()));
            return hmacMatches(pfx, mac, hmac, generator.generateDerivedParameters(keyBytes * 8));
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private static boolean hmacMatches(PKCS12PfxPdu pfx, MacData mac, HMac hmac, CipherParameters key) {
        byte[] content = ASN1OctetString.getInstance(pfx.toASN1Structure().getAuthSafe().getContent()).getOctets();
        hmac.init(key);
        hmac.update(content, 0, content.length);
        byte[] computed = new byte[hmac.getMacSize()];
        hmac.doFinal(computed, 0);
        return Arrays.constantTimeAreEqual(mac.getMac().getDigest(), computed);
    }

    /** Refuses, before any key is derived, an encryption SOP Desk cannot open or an absurd iteration count. */
    private static void checkSupported(AlgorithmIdentifier algorithm) {
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
        AlgorithmIdentifier kdf = AlgorithmIdentifier.getInstance(params.getKeyDerivationFunc());
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw unsupported("KDF " + kdf.getAlgorithm().getId());
        }
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(kdf.getParameters());
        if (!HMACS.containsKey(pbkdf2.getPrf().getAlgorithm())) {
            throw unsupported("PBKDF2 " + pbkdf2.getPrf().getAlgorithm().getId());
        }
        iterations(pbkdf2.getIterationCount());
        if (pbkdf2.getKeyLength() != null && (pbkdf2.getKeyLength().signum() <= 0 || pbkdf2.getKeyLength().intValue() > 64)) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
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

    /**
     * The password's forms, most likely first: as typed; for non-ASCII, OpenSSL 1.x's (each UTF-8
     * byte as one BMP character, for the PKCS#12 derivation); for none, the JDK's two zero bytes and
     * the empty string.
     */
    private static List<Candidate> candidates(char[] password) {
        List<Candidate> out = new ArrayList<>();
        if (password == null || password.length == 0) {
            out.add(new Candidate(new char[0], new char[0], true));
            out.add(new Candidate(new char[0], new char[0], false));
            return out;
        }
        out.add(new Candidate(password.clone(), password.clone(), false));
        boolean ascii = true;
        for (char c : password) {
            ascii &= c < 0x80;
        }
        if (!ascii) {
            byte[] utf8 = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
            char[] bytesAsChars = new char[utf8.length];
            for (int i = 0; i < utf8.length; i++) {
                bytesAsChars[i] = (char) (utf8[i] & 0xFF);
            }
            Arrays.fill(utf8, (byte) 0);
            out.add(new Candidate(bytesAsChars, password.clone(), false));
        }
        return out;
    }

    private static UnreadableCertificateException unsupported(String what) {
        return new UnreadableCertificateException(Reason.UNSUPPORTED_PROTECTION, what);
    }
}
