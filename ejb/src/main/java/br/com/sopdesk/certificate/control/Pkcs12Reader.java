package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import java.security.Provider;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Opens a PFX/P12 (PKCS#12) as far as its certificates, with BouncyCastle's own PKCS#12 classes:
 * {@link PKCS12PfxPdu} reads the file, {@link Pkcs12Mac} checks the password against its MAC,
 * {@link PKCS12SafeBagFactory} decrypts the certificate bags (PKCS#12 PBE with 3DES, RC2 or RC4, as
 * Windows and older tools write; PBES2 with PBKDF2 and AES or 3DES, as OpenSSL 3 and the JDK write)
 * through a BouncyCastle provider object that is never registered, and {@link SafeBags} reads them.
 * Key bags are never decrypted. Each password form ({@link Pkcs12Password}) is tried, and what
 * {@link Pkcs12Protection} does not accept is refused before any work. Not the JDK's
 * {@code KeyStore}: it refuses certificate-only files and ties a key without {@code localKeyId} to
 * whatever certificate comes first.
 *
 * <p>A MAC that fails means a wrong password or a file altered after export; the MAC alone cannot
 * tell which, but when the password still decrypts the certificate bags the file was altered
 * ({@link Reason#CORRUPTED}). A file without a MAC whose certificates are not encrypted opens with
 * any password: {@link Contents#passwordChecked()} says so.
 */
final class Pkcs12Reader {

    /** What the file holds: its certificates in file order, the key's certificate when a key bag names one, and whether anything checked the password. */
    record Contents(List<Certificate> certificates, Certificate keyHolder, boolean passwordChecked) {
    }

    /** The bags of one encryptedData, and the password form that opened them. */
    private record Opened(PKCS12SafeBag[] bags, Pkcs12Password password) {
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
        List<Pkcs12Password> all = Pkcs12Password.forms(password);
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(Pfx.getInstance(top));
            if (!PKCSObjectIdentifiers.data.equals(pfx.toASN1Structure().getAuthSafe().getContentType())) {
                // public-key integrity mode (signedData): not something a certificate vendor's customer has
                throw Pkcs12Protection.unsupported("signedData");
            }
            ContentInfo[] infos = pfx.getContentInfos();
            List<Pkcs12Password> forms = all;
            if (pfx.hasMac()) {
                Pkcs12Password right = all.stream().filter(p -> Pkcs12Mac.matches(pfx, p)).findFirst().orElse(null);
                if (right == null) {
                    if (anyDecrypts(infos, all)) {
                        throw new UnreadableCertificateException(Reason.CORRUPTED);
                    }
                    throw new UnreadableCertificateException(noPassword ? Reason.PASSWORD_REQUIRED : Reason.WRONG_PASSWORD);
                }
                forms = List.of(right);
            }
            return contents(infos, forms, pfx.hasMac(), noPassword);
        } finally {
            all.forEach(Pkcs12Password::clear);
        }
    }

    private static Contents contents(ContentInfo[] infos, List<Pkcs12Password> forms, boolean macChecked, boolean noPassword) {
        SafeBags bags = new SafeBags();
        String unsupported = null;
        boolean decrypted = false;
        for (ContentInfo info : infos) {
            ASN1ObjectIdentifier type = info.getContentType();
            try {
                if (PKCSObjectIdentifiers.data.equals(type)) {
                    bags.add(new PKCS12SafeBagFactory(info).getSafeBags());
                } else if (PKCSObjectIdentifiers.encryptedData.equals(type)) {
                    Opened opened = decrypt(info, forms, macChecked, noPassword);
                    forms = List.of(opened.password());
                    decrypted = true;
                    bags.add(opened.bags());
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
        if (bags.certificates().isEmpty()) {
            throw unsupported != null ? Pkcs12Protection.unsupported(unsupported) : new UnreadableCertificateException(Reason.NO_CERTIFICATE);
        }
        return new Contents(bags.certificates(), bags.keyHolder(), macChecked || decrypted);
    }

    /**
     * The bags inside an encryptedData, with the password form that passed the MAC (or, without a
     * MAC, the first that decrypts to well-formed bags).
     */
    private static Opened decrypt(ContentInfo info, List<Pkcs12Password> forms, boolean macChecked, boolean noPassword) {
        AlgorithmIdentifier algorithm = EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm();
        Pkcs12Protection.checkEncryption(algorithm);
        for (Pkcs12Password form : forms) {
            PKCS12SafeBag[] bags = tryDecrypt(info, algorithm, form);
            if (bags != null) {
                return new Opened(bags, form);
            }
        }
        if (macChecked) {
            throw new UnreadableCertificateException(Reason.CORRUPTED);
        }
        throw new UnreadableCertificateException(noPassword ? Reason.PASSWORD_REQUIRED : Reason.WRONG_PASSWORD);
    }

    /** Whether any password form decrypts an encryptedData of the file to well-formed bags: the password is right. */
    private static boolean anyDecrypts(ContentInfo[] infos, List<Pkcs12Password> forms) {
        for (ContentInfo info : infos) {
            if (PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())) {
                try {
                    AlgorithmIdentifier algorithm = EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm();
                    Pkcs12Protection.checkEncryption(algorithm);
                    for (Pkcs12Password form : forms) {
                        if (tryDecrypt(info, algorithm, form) != null) {
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

    /** The decrypted bags, or null when this form does not decrypt them to well-formed bags (bad padding, garbage). */
    private static PKCS12SafeBag[] tryDecrypt(ContentInfo info, AlgorithmIdentifier algorithm, Pkcs12Password form) {
        boolean pbes2 = PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm());
        try {
            InputDecryptorProvider decryptor = pbes2 && form.pbkdf2().length == 0 ? EmptyPasswordPbes2.INSTANCE
                    : new JcePKCSPBEInputDecryptorProviderBuilder()
                            .setProvider(Jce.PROVIDER)
                            .setTryWrongPKCS12Zero(form.zeroTerminated())
                            .build(pbes2 ? form.pbkdf2() : form.pkcs12());
            PKCS12SafeBag[] bags = new PKCS12SafeBagFactory(info, decryptor).getSafeBags();
            for (PKCS12SafeBag bag : bags) {
                bag.getType();
            }
            return bags;
        } catch (PKCSException | RuntimeException e) {
            return null;
        }
    }
}
