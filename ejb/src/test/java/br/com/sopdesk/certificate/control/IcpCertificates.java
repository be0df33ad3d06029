package br.com.sopdesk.certificate.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.BERTaggedObject;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBMac1CalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;

/**
 * Builds ICP-Brasil-shaped certificates at test time (DOC-ICP-04 otherName layout, A1/A3 policy
 * OIDs, every otherName value encoding met in the field), their chain (root and intermediate CA),
 * and the files customers send: DER, PEM, PKCS#7 (DER and BER) and PFX (the JDK's, OpenSSL 3's
 * PBES2/AES with a SHA-256 MAC or PBMAC1, the legacy 3DES/RC2 one Windows exports, certificate-only,
 * without localKeyId). Keys are generated per run and never written anywhere. Shared with the
 * integration tests (the module's test jar), which upload the same shapes to the page and the API.
 */
public final class IcpCertificates {

    public static final String A1 = "2.16.76.1.2.1.51";
    public static final String A3 = "2.16.76.1.2.3.49";

    /** BouncyCastle's provider as an object, for the PBES2 test encryptor only (never registered). */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);
    private static KeyPair rootKey;
    private static KeyPair caKey;
    private static KeyPair holderKey;
    private static X509Certificate root;
    private static X509Certificate intermediate;

    private IcpCertificates() {
    }

    /** How the otherName values are encoded (inside the explicit [0] unless implicit). */
    public enum Encoding { PRINTABLE, OCTET_STRING, UTF8, IA5, BMP, IMPLICIT_PRINTABLE, IMPLICIT_BMP, BMP_IN_OCTET_STRING, T61_IN_OCTET_STRING }

    /** What goes into the holder's certificate; defaults describe a valid e-CPF A3. */
    public static final class Holder {
        public String commonName = "MARIA DA SILVA:52998224725";
        public String personData = "150319805299822472512345678901000000001234567SSPRS";
        public String cnpj;
        public String responsibleName;
        public String responsibleData;
        public String ceiPerson;
        public String ceiCompany;
        public String companyName;
        public String email = "maria@example.com.br";
        public String policy = A3;
        public boolean octetStrings;
        public Encoding encoding = Encoding.PRINTABLE;
        /** subjectAltName entries added after the regular ones, as given (they may be malformed on purpose) */
        public List<ASN1Encodable> extraNames = new ArrayList<>();
        /** extensions written with these raw values (replacing the regular one of the same OID) */
        public Map<ASN1ObjectIdentifier, byte[]> rawExtensions = new LinkedHashMap<>();
        public BigInteger serial;
        public Instant notBefore = Instant.now().minus(10, ChronoUnit.DAYS);
        public Instant notAfter = Instant.now().plus(355, ChronoUnit.DAYS);

        /** An e-CNPJ: company CNPJ, the responsible person's name and data, no person data. */
        public static Holder company(String cnpj) {
            Holder h = new Holder();
            h.commonName = "COMERCIO EXEMPLO LTDA:" + cnpj;
            h.personData = null;
            h.cnpj = cnpj;
            h.responsibleName = "JOAO PEREIRA";
            h.responsibleData = "010119701114447773500000000000000000000000000000";
            h.companyName = "COMERCIO EXEMPLO LTDA";
            h.email = "financeiro@exemplo.com.br";
            return h;
        }
    }

    public static synchronized X509Certificate root() throws GeneralSecurityException, IOException, OperatorCreationException {
        if (root == null) {
            rootKey = rsa();
            X500Name name = new X500Name("CN=AC Raiz Teste ICP-Brasil v5,OU=Instituto Nacional de Tecnologia da Informacao - ITI,O=ICP-Brasil,C=BR");
            root = sign(new JcaX509v3CertificateBuilder(name, serial(), Date.from(Instant.now().minus(900, ChronoUnit.DAYS)),
                    Date.from(Instant.now().plus(3000, ChronoUnit.DAYS)), name, rootKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), rootKey.getPrivate());
        }
        return root;
    }

    public static synchronized X509Certificate intermediate() throws GeneralSecurityException, IOException, OperatorCreationException {
        if (intermediate == null) {
            X509Certificate r = root();
            caKey = rsa();
            X500Name name = new X500Name("CN=AC Teste Multipla v5,OU=AC Teste v5,O=ICP-Brasil,C=BR");
            intermediate = sign(new JcaX509v3CertificateBuilder(X500Name.getInstance(r.getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(Instant.now().minus(800, ChronoUnit.DAYS)), Date.from(Instant.now().plus(2000, ChronoUnit.DAYS)), name,
                    caKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), rootKey.getPrivate());
        }
        return intermediate;
    }

    public static synchronized PrivateKey holderKey() throws GeneralSecurityException {
        if (holderKey == null) {
            holderKey = rsa();
        }
        return holderKey.getPrivate();
    }

    /** The holder's certificate, issued by the intermediate CA. */
    public static X509Certificate holder(Holder h) throws GeneralSecurityException, IOException, OperatorCreationException {
        X509Certificate ca = intermediate();
        holderKey();
        List<ASN1Encodable> names = new ArrayList<>();
        Encoding encoding = h.octetStrings ? Encoding.OCTET_STRING : h.encoding;
        other(names, "2.16.76.1.3.1", h.personData, encoding);
        other(names, "2.16.76.1.3.2", h.responsibleName, encoding);
        other(names, "2.16.76.1.3.3", h.cnpj, encoding);
        other(names, "2.16.76.1.3.4", h.responsibleData, encoding);
        other(names, "2.16.76.1.3.6", h.ceiPerson, encoding);
        other(names, "2.16.76.1.3.7", h.ceiCompany, encoding);
        other(names, "2.16.76.1.3.8", h.companyName, encoding);
        if (h.email != null) {
            names.add(new GeneralName(GeneralName.rfc822Name, h.email));
        }
        names.addAll(h.extraNames);
        // built attribute by attribute, so a common name with quotes, commas or markup is taken as it is
        // (and of any length: the 64-character limit is the issuer's to keep, not the reader's to rely on)
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERUTF8String(h.commonName)).addRDN(BCStyle.OU, "Certificado PF A3")
                .addRDN(BCStyle.OU, "Videoconferencia").addRDN(BCStyle.O, "ICP-Brasil").addRDN(BCStyle.C, "BR").build();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                h.serial != null ? h.serial : serial(), Date.from(h.notBefore), Date.from(h.notAfter), subject, holderKey.getPublic());
        Map<ASN1ObjectIdentifier, ASN1Encodable> extensions = new LinkedHashMap<>();
        extensions.put(Extension.basicConstraints, new BasicConstraints(false));
        extensions.put(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment));
        extensions.put(Extension.extendedKeyUsage, new ExtendedKeyUsage(new KeyPurposeId[]{KeyPurposeId.id_kp_clientAuth,
            KeyPurposeId.id_kp_emailProtection}));
        extensions.put(Extension.subjectAlternativeName, new DERSequence(names.toArray(ASN1Encodable[]::new)));
        if (h.policy != null) {
            extensions.put(Extension.certificatePolicies, new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(h.policy))));
        }
        for (var e : extensions.entrySet()) {
            byte[] raw = h.rawExtensions.get(e.getKey());
            if (raw != null) {
                b.addExtension(e.getKey(), false, raw);
            } else {
                b.addExtension(e.getKey(), Extension.keyUsage.equals(e.getKey()), e.getValue());
            }
        }
        for (var e : h.rawExtensions.entrySet()) {
            if (!extensions.containsKey(e.getKey())) {
                b.addExtension(e.getKey(), false, e.getValue());
            }
        }
        return sign(b, caKey.getPrivate());
    }

    private static void other(List<ASN1Encodable> names, String oid, String value, Encoding encoding) {
        if (value != null) {
            ASN1Encodable tagged = switch (encoding) {
                case PRINTABLE -> new DERTaggedObject(true, 0, new DERPrintableString(value));
                case OCTET_STRING -> new DERTaggedObject(true, 0, new DEROctetString(value.getBytes(StandardCharsets.ISO_8859_1)));
                case UTF8 -> new DERTaggedObject(true, 0, new DERUTF8String(value));
                case IA5 -> new DERTaggedObject(true, 0, new DERIA5String(value));
                case BMP -> new DERTaggedObject(true, 0, new DERBMPString(value));
                case IMPLICIT_PRINTABLE -> new DERTaggedObject(false, 0, new DERPrintableString(value));
                case IMPLICIT_BMP -> new DERTaggedObject(false, 0, new DERBMPString(value));
                case BMP_IN_OCTET_STRING -> new DERTaggedObject(true, 0, new DEROctetString(encoded(new DERBMPString(value))));
                case T61_IN_OCTET_STRING -> new DERTaggedObject(true, 0, new DEROctetString(encoded(new DERT61String(value))));
            };
            names.add(new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[]{new ASN1ObjectIdentifier(oid), tagged})));
        }
    }

    private static byte[] encoded(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] der(X509Certificate c) throws GeneralSecurityException {
        return c.getEncoded();
    }

    /** PEM blocks, one per certificate, in the order given. */
    public static byte[] pem(X509Certificate... certificates) throws GeneralSecurityException {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certificates) {
            out.append(pemBlock("CERTIFICATE", c.getEncoded()));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\r\n" + Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\r\n-----END " + type + "-----\r\n";
    }

    /** A degenerate PKCS#7 SignedData holding only certificates, as a .p7b export. */
    public static byte[] p7b(X509Certificate... certificates) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addCertificates(new JcaCertStore(List.of(certificates)));
        return gen.generate(new CMSAbsentContent()).getEncoded();
    }

    /** The same chain as {@link #p7b}, BER-encoded with indefinite lengths, as some Windows and Java tools write it. */
    public static byte[] p7bBer(X509Certificate... certificates) throws Exception {
        ContentInfo info = ContentInfo.getInstance(p7b(certificates));
        ASN1Sequence signedData = ASN1Sequence.getInstance(info.getContent());
        ASN1EncodableVector fields = new ASN1EncodableVector();
        for (ASN1Encodable f : signedData) {
            fields.add(f);
        }
        byte[] ber = new BERSequence(new ASN1Encodable[]{info.getContentType(), new BERTaggedObject(true, 0, new BERSequence(fields))})
                .getEncoded(ASN1Encoding.BER);
        if ((ber[1] & 0xFF) != 0x80) {
            throw new IllegalStateException("not indefinite-length");
        }
        return ber;
    }

    /** How a PFX is written: the protection, what it holds, and in which order. */
    public static final class PfxShape {
        /** PBES2/AES-256-CBC with PBKDF2-HMAC-SHA256 and a SHA-256 MAC, 2048 iterations (OpenSSL 3); otherwise 3DES key, RC2-40 certificates, SHA-1 MAC (Windows, OpenSSL 1.x) */
        public boolean openSsl3;
        /** PBMAC1 (PBKDF2-HMAC-SHA256) instead of the PKCS#12 MAC, as OpenSSL 3.4's -pbmac1_pbkdf2 */
        public boolean pbmac1;
        public boolean withKey = true;
        public boolean localKeyIds = true;
        /** the CA certificates' bags before the holder's */
        public boolean caFirst;
        /** the password as the tool turned it into characters (see {@link #asOpenSsl1}); the typed one when null */
        public char[] toolPassword;
        /** no MAC at all (some Java tools and hand-made files): nothing checks the password unless something is encrypted */
        public boolean noMac;
        /** the certificate bags in the clear (only the key encrypted), as {@code openssl pkcs12 -certpbe NONE} writes */
        public boolean plainCertificates;
    }

    /** A PFX of the given shape holding the holder's certificate (and key), the intermediate and the root. */
    public static byte[] pfx(X509Certificate holder, char[] password, PfxShape shape) throws Exception {
        char[] toolPassword = shape.toolPassword != null ? shape.toolPassword : password;
        List<PKCS12SafeBagBuilder> certBags = new ArrayList<>();
        certBags.add(new JcaPKCS12SafeBagBuilder(holder));
        certBags.add(new JcaPKCS12SafeBagBuilder(intermediate()));
        certBags.add(new JcaPKCS12SafeBagBuilder(root()));
        var keyId = new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils().createSubjectKeyIdentifier(holder.getPublicKey());
        if (shape.localKeyIds) {
            certBags.get(0).addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        }
        if (shape.caFirst) {
            java.util.Collections.reverse(certBags);
        }
        OutputEncryptor certEncryptor;
        OutputEncryptor keyEncryptor;
        if (shape.openSsl3) {
            certEncryptor = pbes2(toolPassword);
            keyEncryptor = pbes2(toolPassword);
        } else {
            certEncryptor = new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                    CBCBlockCipher.newInstance(new RC2Engine())).build(toolPassword);
            keyEncryptor = new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                    CBCBlockCipher.newInstance(new DESedeEngine())).build(toolPassword);
        }
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        org.bouncycastle.pkcs.PKCS12SafeBag[] certificates = certBags.stream().map(PKCS12SafeBagBuilder::build)
                .toArray(org.bouncycastle.pkcs.PKCS12SafeBag[]::new);
        if (shape.plainCertificates) {
            for (org.bouncycastle.pkcs.PKCS12SafeBag bag : certificates) {
                pfx.addData(bag);
            }
        } else {
            pfx.addEncryptedData(certEncryptor, certificates);
        }
        if (shape.withKey) {
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(holderKey(), keyEncryptor);
            if (shape.localKeyIds) {
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            }
            pfx.addData(keyBag.build());
        }
        PKCS12MacCalculatorBuilder mac;
        if (shape.noMac) {
            mac = null;
        } else if (shape.pbmac1) {
            AlgorithmIdentifier hmac = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            mac = new BcPKCS12PBMac1CalculatorBuilder(new PBMAC1Params(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBKDF2,
                    new PBKDF2Params(salt, 2048, 32, hmac)), hmac));
        } else if (shape.openSsl3) {
            mac = new BcPKCS12MacCalculatorBuilder(new SHA256Digest(), new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE));
        } else {
            mac = new BcPKCS12MacCalculatorBuilder();
        }
        return pfx.build(mac, toolPassword).getEncoded(ASN1Encoding.DER);
    }

    private static OutputEncryptor pbes2(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(2048).setProvider(BC).build(password);
    }

    /** How OpenSSL 1.x turned a non-ASCII password into PKCS#12 characters: each UTF-8 byte on its own. */
    public static char[] asOpenSsl1(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            out[i] = (char) (utf8[i] & 0xFF);
        }
        return out;
    }

    /**
     * The PFX with one byte of its encrypted certificates changed (well inside the holder's
     * certificate, so the bags around it still decode), as a file damaged in transit or edited: its
     * MAC no longer matches, whatever the password.
     */
    public static byte[] tamperedCertificates(byte[] pfx) throws IOException {
        Pfx parsed = Pfx.getInstance(ASN1Primitive.fromByteArray(pfx));
        byte[] authSafe = org.bouncycastle.asn1.ASN1OctetString.getInstance(parsed.getAuthSafe().getContent()).getOctets();
        for (ASN1Encodable e : ASN1Sequence.getInstance(authSafe)) {
            ContentInfo info = ContentInfo.getInstance(e);
            if (PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())) {
                byte[] encrypted = org.bouncycastle.asn1.pkcs.EncryptedData.getInstance(info.getContent()).getContent().getOctets();
                return flipped(pfx, encrypted, 300);
            }
        }
        throw new IllegalArgumentException("no encrypted certificates");
    }

    /** The PFX with one byte of its first certificate changed where the certificates are in the clear (see {@link PfxShape#plainCertificates}). */
    public static byte[] tamperedPlainCertificate(byte[] pfx, X509Certificate holder) throws GeneralSecurityException {
        return flipped(pfx, holder.getEncoded(), 300);
    }

    private static byte[] flipped(byte[] whole, byte[] part, int offset) {
        for (int i = 0; i + part.length <= whole.length; i++) {
            if (java.util.Arrays.equals(whole, i, i + part.length, part, 0, part.length)) {
                byte[] out = whole.clone();
                out[i + offset] ^= 0x5A;
                return out;
            }
        }
        throw new IllegalArgumentException("part not found");
    }

    /**
     * A certificate with the holder's ICP-Brasil-shaped data (otherName entries, and the policy
     * given, if any) issued by a self-signed CA outside ICP-Brasil, as a test lab or a foreign
     * CA issues them; first the holder's, then that CA's.
     */
    public static X509Certificate[] foreign(Holder h) throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair foreignKey = rsa();
        X500Name name = new X500Name("CN=Example Test Root CA,O=Example Corp,C=US");
        X509Certificate ca = sign(new JcaX509v3CertificateBuilder(name, serial(), Date.from(Instant.now().minus(100, ChronoUnit.DAYS)),
                Date.from(Instant.now().plus(1000, ChronoUnit.DAYS)), name, foreignKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)), foreignKey.getPrivate());
        X509Certificate icpShaped = holder(h);
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, serial(), Date.from(h.notBefore), Date.from(h.notAfter),
                X500Name.getInstance(icpShaped.getSubjectX500Principal().getEncoded()),
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(icpShaped.getPublicKey().getEncoded()));
        X509CertificateHolder template = new X509CertificateHolder(icpShaped.getEncoded());
        for (Object oid : template.getExtensionOIDs()) {
            b.copyAndAddExtension((ASN1ObjectIdentifier) oid, template.getExtension((ASN1ObjectIdentifier) oid).isCritical(), template);
        }
        return new X509Certificate[]{sign(b, foreignKey.getPrivate()), ca};
    }

    /** A CA certificate under the test root that carries an A1 policy, as ICP-Brasil CAs list the policies they issue under. */
    public static X509Certificate caWithPolicy(String policy) throws GeneralSecurityException, IOException, OperatorCreationException {
        X509Certificate r = root();
        KeyPair key = rsa();
        return sign(new JcaX509v3CertificateBuilder(X500Name.getInstance(r.getSubjectX500Principal().getEncoded()), serial(),
                Date.from(Instant.now().minus(800, ChronoUnit.DAYS)), Date.from(Instant.now().plus(2000, ChronoUnit.DAYS)),
                new X500Name("CN=AC Teste A1 v5,OU=AC Teste v5,O=ICP-Brasil,C=BR"), key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy)))),
                rootKey.getPrivate());
    }

    /** The PFX again, its MAC now claiming the given digest algorithm and iteration count (for unsupported shapes). */
    public static byte[] withMac(byte[] pfx, ASN1ObjectIdentifier digest, int iterations) throws IOException {
        Pfx parsed = Pfx.getInstance(ASN1Primitive.fromByteArray(pfx));
        MacData mac = parsed.getMacData();
        return new Pfx(parsed.getAuthSafe(), new MacData(new DigestInfo(new AlgorithmIdentifier(digest, DERNull.INSTANCE),
                mac.getMac().getDigest()), mac.getSalt(), iterations)).getEncoded(ASN1Encoding.DER);
    }

    /** A PFX written by the JDK (PBES2/AES, HMAC-SHA256) with the holder's key and chain. */
    public static byte[] pfx(X509Certificate holder, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("titular", holderKey(), password, new java.security.cert.Certificate[]{holder, intermediate(), root()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password);
        return out.toByteArray();
    }

    /** A legacy PFX as Windows and older CA tools export it: 3DES-encrypted key, RC2-40 certificates, SHA-1 MAC. */
    public static byte[] legacyPfx(X509Certificate holder, char[] password) throws Exception {
        return pfx(holder, password, new PfxShape());
    }

    /** A PFX as OpenSSL 3 writes it: PBES2/AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC, 2048 iterations. */
    public static byte[] openSsl3Pfx(X509Certificate holder, char[] password) throws Exception {
        PfxShape shape = new PfxShape();
        shape.openSsl3 = true;
        return pfx(holder, password, shape);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException, OperatorCreationException {
        X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet()).shiftLeft(20).add(BigInteger.valueOf(0xABCDE));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
