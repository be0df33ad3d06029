package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.SourceFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
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
 * PEM, PEM text pasted from a token tool (one or many blocks, or bare Base64; ASCII, UTF-8 or
 * UTF-16 as PowerShell writes it), a PKCS#7 chain ({@code .p7b}, DER or BER, or in PEM under any
 * label: {@code PKCS7}, {@code PKCS #7 SIGNED DATA}, or {@code CERTIFICATE} as CA portals and
 * {@code certutil -encode} write it), or a PFX/P12 with its password. The format is recognised by
 * content, never by the name or the PEM label. Of a chain, the end-entity certificate is read and
 * the others name the chain.
 *
 * <p>Everything happens in memory with BouncyCastle's ASN.1 classes; the BouncyCastle provider is
 * never registered. A PFX is opened by {@link Pkcs12Reader}, which checks the password and decrypts
 * the certificates but never the private key. PEM blocks of keys and requests are skipped without
 * being decoded. Nothing read, neither the content nor the password, is kept or logged; bad content
 * ends in an {@link UnreadableCertificateException} naming the reason.
 */
@ApplicationScoped
public class CertificateInspector {

    /** Default upload limit: a certificate or chain is a few KB; a PFX rarely passes 20 KB. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 #._-]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern BARE_BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    /** PEM labels of what must hold a certificate or a chain: when one does not read, that is the answer. */
    private static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE", "X.509 CERTIFICATE",
            "TRUSTED CERTIFICATE", "CERTIFICATE CHAIN", "PKCS7", "PKCS #7", "PKCS #7 SIGNED DATA", "CMS");

    /** What the container held: its certificates, the one it says is the holder's (a PFX key's), how it came, and whether a PFX's password was checked. */
    private record Read(List<Certificate> certificates, Certificate endEntity, SourceFormat format, boolean passwordChecked) {

        Read(List<Certificate> certificates, Certificate endEntity, SourceFormat format) {
            this(certificates, endEntity, format, true);
        }
    }

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
     * @param password the PFX/P12 password, or null/empty when there is none; not modified (the caller clears it)
     */
    public CertificateFacts inspect(byte[] content, char[] password) {
        if (content == null || content.length == 0 || isBlankText(content)) {
            throw new UnreadableCertificateException(Reason.EMPTY);
        }
        if (content.length > maxBytes) {
            throw tooLarge();
        }
        try {
            Read read = sniff(content, password);
            return IcpBrasilReader.facts(read.certificates(), read.endEntity(), read.format(), read.passwordChecked());
        } catch (UnreadableCertificateException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle reports malformed structures with IllegalArgumentException, IllegalStateException...
            throw new UnreadableCertificateException(Reason.UNREADABLE);
        }
    }

    private Read sniff(byte[] content, char[] password) {
        if ((content[0] & 0xFF) == 0x30) {
            return binary(content, password, SourceFormat.DER);
        }
        String text = text(content);
        if (text.contains("-----BEGIN ")) {
            return pem(text, password);
        }
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.chars().allMatch(c -> c == 0 || Character.isWhitespace(c))) {
            throw new UnreadableCertificateException(Reason.EMPTY);
        }
        if (stripped.length() >= 64 && BARE_BASE64.matcher(stripped).matches()) {
            byte[] der = decodeBase64(stripped);
            if (der.length > 0 && (der[0] & 0xFF) == 0x30) {
                return binary(der, password, SourceFormat.PEM);
            }
        }
        throw new UnreadableCertificateException(Reason.UNREADABLE);
    }

    /**
     * Text from a file or a paste: UTF-16 with or without its byte-order mark (PowerShell 5's
     * {@code >} writes UTF-16LE), otherwise byte for byte (PEM is ASCII), less a UTF-8 BOM.
     */
    static String text(byte[] c) {
        if (c.length >= 2 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xFE) {
            return new String(c, 2, c.length - 2, StandardCharsets.UTF_16LE);
        }
        if (c.length >= 2 && (c[0] & 0xFF) == 0xFE && (c[1] & 0xFF) == 0xFF) {
            return new String(c, 2, c.length - 2, StandardCharsets.UTF_16BE);
        }
        if (c.length >= 4 && c[0] != 0 && c[1] == 0 && c[2] != 0 && c[3] == 0) {
            return new String(c, StandardCharsets.UTF_16LE);
        }
        if (c.length >= 4 && c[0] == 0 && c[1] != 0 && c[2] == 0 && c[3] != 0) {
            return new String(c, StandardCharsets.UTF_16BE);
        }
        String text = new String(c, StandardCharsets.ISO_8859_1);
        return text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text;
    }

    /**
     * PEM text: each block is decoded and recognised by its content like a file (certificate, PKCS#7,
     * PFX), whatever its label; blocks of keys, requests and CRLs are skipped without decoding.
     */
    private Read pem(String text, char[] password) {
        List<Certificate> certificates = new ArrayList<>();
        Certificate endEntity = null;
        SourceFormat format = SourceFormat.PEM;
        boolean passwordChecked = true;
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            String label = m.group(1).strip();
            if (label.contains("PRIVATE KEY") || label.contains("PUBLIC KEY") || label.contains("REQUEST") || label.contains("CRL")
                    || label.contains("PARAMETERS")) {
                continue;
            }
            try {
                Read read = binary(decodeBase64(m.group(2)), password, SourceFormat.PEM);
                certificates.addAll(read.certificates());
                if (read.format() == SourceFormat.PKCS12) {
                    format = SourceFormat.PKCS12;
                    endEntity = endEntity == null ? read.endEntity() : endEntity;
                    passwordChecked &= read.passwordChecked();
                } else if (read.format() == SourceFormat.PKCS7 && format == SourceFormat.PEM) {
                    format = SourceFormat.PKCS7;
                }
            } catch (UnreadableCertificateException e) {
                if (CERTIFICATE_LABELS.contains(label) || e.reason() == Reason.PASSWORD_REQUIRED || e.reason() == Reason.WRONG_PASSWORD
                        || e.reason() == Reason.CORRUPTED || e.reason() == Reason.UNSUPPORTED_PROTECTION) {
                    throw e;
                }
                // a block of some other kind: not what we read
            } catch (RuntimeException e) {
                if (CERTIFICATE_LABELS.contains(label)) {
                    throw new UnreadableCertificateException(Reason.UNREADABLE);
                }
            }
        }
        if (certificates.isEmpty()) {
            int begins = count(text, "-----BEGIN ");
            throw new UnreadableCertificateException(begins > count(text, "-----END ") ? Reason.TRUNCATED : Reason.NO_CERTIFICATE);
        }
        return new Read(certificates, endEntity, format, passwordChecked);
    }

    /**
     * A DER (or BER) structure: a PFX (version 3 first), a PKCS#7 ContentInfo (an OID first), or a
     * certificate, which counts as {@code asCertificate}.
     */
    private static Read binary(byte[] der, char[] password, SourceFormat asCertificate) {
        ASN1Sequence top = firstObject(der);
        ASN1Encodable first = top.size() == 0 ? null : top.getObjectAt(0);
        if (first instanceof ASN1Integer version && top.size() >= 2 && version.hasValue(3)) {
            Pkcs12Reader.Contents pfx = Pkcs12Reader.read(top, password);
            return new Read(pfx.certificates(), pfx.keyHolder(), SourceFormat.PKCS12, pfx.passwordChecked());
        }
        if (first instanceof ASN1ObjectIdentifier) {
            return new Read(signedDataCertificates(top), null, SourceFormat.PKCS7);
        }
        if (first instanceof ASN1Sequence && top.size() == 3) {
            return new Read(List.of(Certificate.getInstance(top)), null, asCertificate);
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
