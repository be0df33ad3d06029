package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.SourceFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.SignedData;
import org.bouncycastle.asn1.x509.Certificate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a customer's certificate from whatever the agent has: a {@code .cer}/{@code .crt} in DER or
 * PEM, PEM text pasted from a token tool (one or many blocks, or bare Base64), a PKCS#7 chain
 * ({@code .p7b}), or a PFX/P12 with its password. The format is recognised by content, never by the
 * name. Of a chain, the end-entity certificate is read and the others name the chain.
 *
 * <p>Everything happens in memory with BouncyCastle's ASN.1 classes; the BouncyCastle provider is
 * never registered. A PFX is opened with the JDK's PKCS#12 key store, which checks the password and
 * decrypts the certificates but leaves the private key encrypted (it is never asked for). Nothing
 * read, neither the content nor the password, is kept or logged; bad content ends in an
 * {@link UnreadableCertificateException} naming the reason.
 */
@ApplicationScoped
public class CertificateInspector {

    /** Default upload limit: a certificate or chain is a few KB; a PFX rarely passes 20 KB. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern BARE_BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    @Inject
    @ConfigProperty(name = "sopdesk.certificate.max-bytes", defaultValue = "" + DEFAULT_MAX_BYTES)
    int maxBytes;

    CertificateInspector() {
        this(DEFAULT_MAX_BYTES);
    }

    public CertificateInspector(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The largest upload read, in bytes ({@code sopdesk.certificate.max-bytes}). */
    public int maxBytes() {
        return maxBytes;
    }

    /** Reads at most {@link #maxBytes()} from the stream and inspects them. */
    public CertificateFacts inspect(InputStream in, char[] password) {
        return inspect(readBounded(in), password);
    }

    /**
     * Inspects a file's content or pasted text.
     *
     * @param password the PFX/P12 password, or null/empty when there is none
     */
    public CertificateFacts inspect(byte[] content, char[] password) {
        if (content == null || content.length == 0 || isBlankText(content)) {
            throw new UnreadableCertificateException(Reason.EMPTY);
        }
        if (content.length > maxBytes) {
            throw tooLarge();
        }
        try {
            return sniff(content, password);
        } catch (UnreadableCertificateException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle reports malformed structures with IllegalArgumentException, IllegalStateException...
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
    }

    private CertificateFacts sniff(byte[] content, char[] password) {
        if ((content[0] & 0xFF) == 0x30) {
            return binary(content, password, null);
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return pem(text);
        }
        String stripped = text.strip();
        if (stripped.startsWith("\u00EF\u00BB\u00BF")) {
            stripped = stripped.substring(3).strip();
        }
        if (stripped.length() >= 64 && BARE_BASE64.matcher(stripped).matches()) {
            byte[] der = decodeBase64(stripped);
            if (der.length > 0 && (der[0] & 0xFF) == 0x30) {
                return binary(der, password, SourceFormat.PEM);
            }
        }
        throw new UnreadableCertificateException(Reason.UNREADABLE);
    }

    /** PEM text: certificate and PKCS#7 blocks are read, anything else (keys, requests) is ignored. */
    private CertificateFacts pem(String text) {
        List<Certificate> certificates = new ArrayList<>();
        boolean pkcs7 = false;
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            switch (type) {
                case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE" ->
                        certificates.add(certificate(firstObject(decodeBase64(m.group(2)))));
                case "PKCS7", "CMS" -> {
                    certificates.addAll(signedDataCertificates(firstObject(decodeBase64(m.group(2)))));
                    pkcs7 = true;
                }
                default -> {
                    // a private key, a request, a CRL...: not what we read, and never kept
                }
            }
        }
        if (certificates.isEmpty()) {
            int begins = count(text, "-----BEGIN ");
            throw new UnreadableCertificateException(begins > count(text, "-----END ") ? Reason.TRUNCATED : Reason.NO_CERTIFICATE);
        }
        return IcpBrasilReader.facts(certificates, null, pkcs7 ? SourceFormat.PKCS7 : SourceFormat.PEM);
    }

    /** A DER structure: a certificate, a PKCS#7 ContentInfo, or a PFX (version 3 first). */
    private CertificateFacts binary(byte[] der, char[] password, SourceFormat textFormat) {
        ASN1Sequence top = firstObject(der);
        ASN1Encodable first = top.size() == 0 ? null : top.getObjectAt(0);
        if (first instanceof ASN1Integer version && top.size() >= 2 && version.hasValue(3)) {
            return pkcs12(der, password);
        }
        if (first instanceof ASN1ObjectIdentifier) {
            return IcpBrasilReader.facts(signedDataCertificates(top), null, SourceFormat.PKCS7);
        }
        if (first instanceof ASN1Sequence && top.size() == 3) {
            return IcpBrasilReader.facts(List.of(Certificate.getInstance(top)), null, textFormat == null ? SourceFormat.DER : textFormat);
        }
        throw new UnreadableCertificateException(Reason.UNREADABLE);
    }

    private static List<Certificate> signedDataCertificates(ASN1Sequence contentInfo) {
        ContentInfo info = ContentInfo.getInstance(contentInfo);
        if (!PKCSObjectIdentifiers.signedData.equals(info.getContentType())) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        if (info.getContent() == null) {
            throw new UnreadableCertificateException(Reason.NO_CERTIFICATE);
        }
        ASN1Set set = SignedData.getInstance(info.getContent()).getCertificates();
        List<Certificate> out = new ArrayList<>();
        if (set != null) {
            for (ASN1Encodable e : set) {
                if (e.toASN1Primitive() instanceof ASN1Sequence s) {
                    out.add(Certificate.getInstance(s));
                }
            }
        }
        if (out.isEmpty()) {
            throw new UnreadableCertificateException(Reason.NO_CERTIFICATE);
        }
        return out;
    }

    /** The JDK opens the PFX: password check, certificate bags decrypted, the key left untouched. */
    private static CertificateFacts pkcs12(byte[] der, char[] password) {
        boolean noPassword = password == null || password.length == 0;
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(der), noPassword ? new char[0] : password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || e.getCause() instanceof GeneralSecurityException) {
                throw new UnreadableCertificateException(noPassword ? Reason.PASSWORD_REQUIRED : Reason.WRONG_PASSWORD);
            }
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        try {
            List<Certificate> all = new ArrayList<>();
            Certificate endEntity = null;
            for (String alias : Collections.list(store.aliases())) {
                java.security.cert.Certificate[] chain = store.isKeyEntry(alias) ? store.getCertificateChain(alias) : null;
                if (chain != null && chain.length > 0) {
                    for (java.security.cert.Certificate c : chain) {
                        all.add(Certificate.getInstance(c.getEncoded()));
                    }
                    if (endEntity == null) {
                        endEntity = all.get(all.size() - chain.length);
                    }
                } else if (store.getCertificate(alias) != null) {
                    all.add(Certificate.getInstance(store.getCertificate(alias).getEncoded()));
                }
            }
            if (all.isEmpty()) {
                throw new UnreadableCertificateException(Reason.NO_CERTIFICATE);
            }
            return IcpBrasilReader.facts(all, endEntity, SourceFormat.PKCS12);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
    }

    /** The first DER object, after checking its declared length against what arrived. */
    private static ASN1Sequence firstObject(byte[] der) {
        if (der.length < 2) {
            throw new UnreadableCertificateException(der.length == 1 && (der[0] & 0xFF) == 0x30 ? Reason.TRUNCATED : Reason.UNREADABLE);
        }
        if ((der[0] & 0xFF) != 0x30) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        long declared = declaredLength(der);
        if (declared > der.length) {
            throw new UnreadableCertificateException(Reason.TRUNCATED);
        }
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive object = in.readObject();
            if (object instanceof ASN1Sequence s) {
                return s;
            }
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        } catch (IOException e) {
            // indefinite-length (BER) content that ends early also lands here
            throw new UnreadableCertificateException(cutShort(e) ? Reason.TRUNCATED : Reason.UNREADABLE);
        }
    }

    private static boolean cutShort(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof java.io.EOFException || m.contains("EOF") || m.contains("truncated");
    }

    /** Total length the outer TLV says it has, -1 for indefinite length; oversized claims are refused as unreadable. */
    private static long declaredLength(byte[] der) {
        int b = der[1] & 0xFF;
        if (b < 0x80) {
            return 2L + b;
        }
        int n = b & 0x7F;
        if (n == 0) {
            return -1;
        }
        if (n > 4) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        if (der.length < 2 + n) {
            throw new UnreadableCertificateException(Reason.TRUNCATED);
        }
        long length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (der[2 + i] & 0xFF);
        }
        if (length > 16L * 1024 * 1024) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        return 2L + n + length;
    }

    private static Certificate certificate(ASN1Sequence sequence) {
        if (sequence.size() != 3) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
        return Certificate.getInstance(sequence);
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
    }

    private byte[] readBounded(InputStream in) {
        try (in) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw tooLarge();
            }
            return content;
        } catch (IOException e) {
            throw new UnreadableCertificateException(Reason.TRUNCATED);
        }
    }

    private UnreadableCertificateException tooLarge() {
        return new UnreadableCertificateException(Reason.TOO_LARGE, Math.max(1, maxBytes / 1024));
    }

    private static boolean isBlankText(byte[] content) {
        if (content.length > 64) {
            return false;
        }
        for (byte b : content) {
            if (!Character.isWhitespace(b & 0xFF) && b != 0) {
                return false;
            }
        }
        return true;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
