package br.com.sopdesk.certificate.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Text out of ASN.1 however a CA encoded it: otherName values as OCTET STRING or PrintableString
 * (also UTF8String, IA5String or BMPString in some, explicitly or implicitly tagged, or a string
 * wrapped inside the OCTET STRING), and attributes of a distinguished name. Apart from what the
 * values mean ({@link IcpBrasilHolder}) because the encodings vary by CA, the meaning does not.
 */
final class Asn1Text {

    /** DER tags of the string types a value may be wrapped in inside an OCTET STRING. */
    private static final Set<Integer> STRING_TAGS = Set.of(BERTags.UTF8_STRING, BERTags.NUMERIC_STRING, BERTags.PRINTABLE_STRING,
            BERTags.T61_STRING, BERTags.IA5_STRING, BERTags.VISIBLE_STRING, BERTags.BMP_STRING, BERTags.UNIVERSAL_STRING);

    private Asn1Text() {
    }

    /**
     * The value of an otherName or rfc822Name: explicit [0] around a string type or an OCTET STRING
     * (which may itself hold an encoded string), or the raw bytes of an implicitly tagged one.
     */
    static String text(ASN1Encodable value) {
        ASN1Primitive p = value.toASN1Primitive();
        for (int depth = 0; p instanceof ASN1TaggedObject t && depth < 3; depth++) {
            p = t.getBaseObject().toASN1Primitive();
        }
        if (p instanceof ASN1String s) {
            return s.getString();
        }
        if (p instanceof ASN1OctetString o) {
            byte[] bytes = o.getOctets();
            if (bytes.length >= 2 && STRING_TAGS.contains(bytes[0] & 0xFF)) {
                try {
                    if (ASN1Primitive.fromByteArray(bytes) instanceof ASN1String inner) {
                        return inner.getString();
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // plain text that happens to start like a tag: read below
                }
            }
            return decode(bytes);
        }
        throw new IllegalArgumentException("not a string value");
    }

    /** UTF-8 when it is, UTF-16 (a BMPString's bytes) when every other byte is zero, Latin-1 otherwise. */
    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && bytes.length % 2 == 0) {
            boolean bmp = true;
            for (int i = 0; i < bytes.length && bmp; i += 2) {
                bmp = bytes[i] == 0 && bytes[i + 1] != 0;
            }
            if (bmp) {
                return new String(bytes, StandardCharsets.UTF_16BE);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The first value of {@code attribute} in the name, stripped; null when it has none or it is blank. */
    static String first(X500Name name, ASN1ObjectIdentifier attribute) {
        RDN[] rdns = name.getRDNs(attribute);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        return blankToNull(v instanceof ASN1String s ? s.getString() : v.toString());
    }

    /** Stripped, or null when null or blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
