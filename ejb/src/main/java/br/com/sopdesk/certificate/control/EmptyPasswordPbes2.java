package br.com.sopdesk.certificate.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.util.CipherFactory;
import org.bouncycastle.operator.DefaultSecretKeySizeProvider;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.InputDecryptorProvider;

/**
 * Decrypts PBES2 under an empty password, as the JDK writes a PFX saved without one.
 * BouncyCastle's provider refuses to run PBKDF2 on an empty password, so this one is decrypted
 * with its lightweight classes; kept apart because it is the one decryption SOP Desk does by hand.
 * Only ever given an algorithm {@link Pkcs12Protection#checkEncryption} accepted.
 */
final class EmptyPasswordPbes2 implements InputDecryptorProvider {

    static final EmptyPasswordPbes2 INSTANCE = new EmptyPasswordPbes2();

    private EmptyPasswordPbes2() {
    }

    @Override
    public InputDecryptor get(AlgorithmIdentifier algorithm) {
        return new InputDecryptor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public InputStream getInputStream(InputStream encrypted) {
                return decrypted(algorithm, encrypted);
            }
        };
    }

    private static InputStream decrypted(AlgorithmIdentifier algorithm, InputStream encrypted) {
        PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
        AlgorithmIdentifier scheme = AlgorithmIdentifier.getInstance(params.getEncryptionScheme());
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(AlgorithmIdentifier.getInstance(params.getKeyDerivationFunc()).getParameters());
        int keyBytes = pbkdf2.getKeyLength() != null ? pbkdf2.getKeyLength().intValueExact()
                : new DefaultSecretKeySizeProvider().getKeySize(scheme) / 8;
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(Pkcs12Protection.hmac(pbkdf2.getPrf().getAlgorithm()).get());
        generator.init(new byte[0], pbkdf2.getSalt(), Pkcs12Protection.iterations(pbkdf2.getIterationCount()));
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
}
