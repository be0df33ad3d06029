package br.com.sopdesk.it;

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
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
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
 * OIDs), their chain (root and intermediate CA), and the files customers send: DER, PEM, PKCS#7 and
 * PFX (the JDK's modern one and the legacy 3DES/RC2 one Windows exports). Keys are generated per run
 * and never written anywhere. (Same shapes as the ejb module's unit-test builder.)
 */
public final class IcpCertificates {

    public static final String A1 = "2.16.76.1.2.1.51";
    public static final String A3 = "2.16.76.1.2.3.49";

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);
    private static KeyPair rootKey;
    private static KeyPair caKey;
    private static KeyPair holderKey;
    private static X509Certificate root;
    private static X509Certificate intermediate;

    private IcpCertificates() {
    }

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
        List<GeneralName> names = new ArrayList<>();
        other(names, "2.16.76.1.3.1", h.personData, h.octetStrings);
        other(names, "2.16.76.1.3.2", h.responsibleName, h.octetStrings);
        other(names, "2.16.76.1.3.3", h.cnpj, h.octetStrings);
        other(names, "2.16.76.1.3.4", h.responsibleData, h.octetStrings);
        other(names, "2.16.76.1.3.6", h.ceiPerson, h.octetStrings);
        other(names, "2.16.76.1.3.7", h.ceiCompany, h.octetStrings);
        other(names, "2.16.76.1.3.8", h.companyName, h.octetStrings);
        if (h.email != null) {
            names.add(new GeneralName(GeneralName.rfc822Name, h.email));
        }
        // built attribute by attribute, so a common name with quotes, commas or markup is taken as it is
        // (and of any length: the 64-character limit is the issuer's to keep, not the reader's to rely on)
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERUTF8String(h.commonName)).addRDN(BCStyle.OU, "Certificado PF A3")
                .addRDN(BCStyle.OU, "Videoconferencia").addRDN(BCStyle.O, "ICP-Brasil").addRDN(BCStyle.C, "BR").build();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                serial(), Date.from(h.notBefore), Date.from(h.notAfter), subject, holderKey.getPublic())
                .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[]{KeyPurposeId.id_kp_clientAuth,
                    KeyPurposeId.id_kp_emailProtection}))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        if (h.policy != null) {
            b.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(h.policy))));
        }
        return sign(b, caKey.getPrivate());
    }

    private static void other(List<GeneralName> names, String oid, String value, boolean octets) {
        if (value != null) {
            ASN1Encodable v = octets ? new DEROctetString(value.getBytes(StandardCharsets.ISO_8859_1)) : new DERPrintableString(value);
            names.add(new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[]{new ASN1ObjectIdentifier(oid),
                new DERTaggedObject(true, 0, v)})));
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
        PKCS12SafeBagBuilder[] certBags = {
            new JcaPKCS12SafeBagBuilder(holder), new JcaPKCS12SafeBagBuilder(intermediate()), new JcaPKCS12SafeBagBuilder(root())};
        var keyId = new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils().createSubjectKeyIdentifier(holder.getPublicKey());
        certBags[0].addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(holderKey(),
                new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                        CBCBlockCipher.newInstance(new DESedeEngine())).build(password));
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        pfx.addEncryptedData(new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                CBCBlockCipher.newInstance(new RC2Engine())).build(password),
                new org.bouncycastle.pkcs.PKCS12SafeBag[]{certBags[0].build(), certBags[1].build(), certBags[2].build()});
        pfx.addData(keyBag.build());
        return pfx.build(new BcPKCS12MacCalculatorBuilder(), password).getEncoded();
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
