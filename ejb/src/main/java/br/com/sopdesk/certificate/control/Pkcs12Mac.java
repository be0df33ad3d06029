package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.util.Arrays;

/**
 * Whether a password form passes a PFX's MAC over its authenticated safe: BouncyCastle's PKCS#12
 * MAC for the usual forms; by hand for the PBMAC1 MAC OpenSSL 3.4 writes and for the JDK's empty
 * password (two zero bytes), which BouncyCastle's password-to-bytes cannot express. Apart from
 * opening the file ({@link Pkcs12Reader}) because checking the password is its own piece of
 * cryptography.
 */
final class Pkcs12Mac {

    private Pkcs12Mac() {
    }

    /** Whether {@code password} passes the file's MAC; a MAC SOP Desk cannot check is {@link Reason#UNSUPPORTED_PROTECTION}. */
    static boolean matches(PKCS12PfxPdu pfx, Pkcs12Password password) {
        MacData mac = pfx.toASN1Structure().getMacData();
        AlgorithmIdentifier algorithm = mac.getMac().getAlgorithmId();
        if (PKCSObjectIdentifiers.id_PBMAC1.equals(algorithm.getAlgorithm())) {
            return pbmac1Matches(pfx, mac, password);
        }
        Supplier<Digest> hash = Pkcs12Protection.digest(algorithm.getAlgorithm());
        if (hash == null) {
            throw Pkcs12Protection.unsupported("MAC " + algorithm.getAlgorithm().getId());
        }
        int iterations = Pkcs12Protection.iterations(mac.getIterationCount());
        if (password.zeroTerminated()) {
            HMac hmac = new HMac(hash.get());
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(hash.get());
            generator.init(new byte[2], mac.getSalt(), iterations);
            return hmacMatches(pfx, mac, hmac, generator.generateDerivedMacParameters(hmac.getMacSize() * 8));
        }
        try {
            return pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), password.pkcs12());
        } catch (PKCSException | RuntimeException e) {
            throw Pkcs12Protection.unsupported("MAC " + algorithm.getAlgorithm().getId());
        }
    }

    private static boolean pbmac1Matches(PKCS12PfxPdu pfx, MacData mac, Pkcs12Password password) {
        PBMAC1Params params = PBMAC1Params.getInstance(mac.getMac().getAlgorithmId().getParameters());
        Supplier<Digest> hash = Pkcs12Protection.hmac(params.getMessageAuthScheme().getAlgorithm());
        if (hash == null) {
            throw Pkcs12Protection.unsupported("PBMAC1 " + params.getMessageAuthScheme().getAlgorithm().getId());
        }
        PBKDF2Params pbkdf2 = Pkcs12Protection.pbkdf2(params.getKeyDerivationFunc());
        HMac hmac = new HMac(hash.get());
        int keyBytes = pbkdf2.getKeyLength() == null ? hmac.getMacSize() : pbkdf2.getKeyLength().intValueExact();
        if (keyBytes <= 0 || keyBytes > 64) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        byte[] utf8 = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password.pbkdf2());
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(Pkcs12Protection.hmac(pbkdf2.getPrf().getAlgorithm()).get());
            generator.init(utf8, pbkdf2.getSalt(), Pkcs12Protection.iterations(pbkdf2.getIterationCount()));
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
}
