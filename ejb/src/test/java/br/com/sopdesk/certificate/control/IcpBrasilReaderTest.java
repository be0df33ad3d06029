package br.com.sopdesk.certificate.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;

/** The otherName value encodings met in real ICP-Brasil certificates, and the common-name shapes. */
class IcpBrasilReaderTest {

    @Test
    void otherNameValuesInEveryEncoding() throws Exception {
        assertEquals("11222333000181", Asn1Text.text(new DERTaggedObject(true, 0, new DERPrintableString("11222333000181"))));
        assertEquals("11222333000181", Asn1Text.text(new DERTaggedObject(true, 0,
                new DEROctetString("11222333000181".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals("JOSÉ CONCEIÇÃO", Asn1Text.text(new DERTaggedObject(true, 0, new DERUTF8String("JOSÉ CONCEIÇÃO"))));
        assertEquals("JOSÉ", Asn1Text.text(new DERTaggedObject(true, 0, new DEROctetString("JOSÉ".getBytes(StandardCharsets.ISO_8859_1)))),
                "Latin-1 bytes in an OCTET STRING");
        assertEquals("JOSÉ", Asn1Text.text(new DERTaggedObject(true, 0, new DEROctetString("JOSÉ".getBytes(StandardCharsets.UTF_8)))),
                "UTF-8 bytes in an OCTET STRING");
        assertEquals("123456789012", Asn1Text.text(new DERTaggedObject(true, 0,
                new DEROctetString(new DERPrintableString("123456789012").getEncoded()))), "a string encoded inside the OCTET STRING");
        assertEquals("a@b.com.br", Asn1Text.text(new DERTaggedObject(true, 0, new DERTaggedObject(true, 0, new DERIA5String("a@b.com.br")))),
                "an extra explicit tag");
        assertEquals("52998224725", Asn1Text.text(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(
                new DERTaggedObject(false, 0, new DERPrintableString("52998224725")).getEncoded())), "implicit tagging, as parsed from a file");
        assertEquals("JOSÉ 123", Asn1Text.text(new DERTaggedObject(true, 0, new DEROctetString(new DERBMPString("JOSÉ 123").getEncoded()))),
                "a BMPString inside the OCTET STRING");
        assertEquals("JOSE 123", Asn1Text.text(new DERTaggedObject(true, 0, new DEROctetString(new DERT61String("JOSE 123").getEncoded()))),
                "a T61String inside the OCTET STRING");
        assertEquals("11222333000181", Asn1Text.text(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(
                new DERTaggedObject(false, 0, new DERBMPString("11222333000181")).getEncoded())), "an implicitly tagged BMPString");
        String longValue = "0".repeat(200) + "X";
        assertEquals(longValue, Asn1Text.text(new DERTaggedObject(true, 0, new DEROctetString(new DERUTF8String(longValue).getEncoded()))),
                "a wrapped string with a long-form length");
    }

    @Test
    void commonNamesLoseTheirDocument() {
        assertEquals("MARIA DA SILVA", IcpBrasilHolder.withoutDocument("MARIA DA SILVA:52998224725"));
        assertEquals("EMPRESA LTDA", IcpBrasilHolder.withoutDocument("EMPRESA LTDA:11222333000181"));
        assertEquals("EMPRESA NOVA S A", IcpBrasilHolder.withoutDocument("EMPRESA NOVA S A : 12ABC34501DE35"));
        assertEquals("AC SOLUTI Multipla v5", IcpBrasilHolder.withoutDocument("AC SOLUTI Multipla v5"));
        assertEquals("NOME: COM DOIS PONTOS", IcpBrasilHolder.withoutDocument("NOME: COM DOIS PONTOS"));
        assertNull(IcpBrasilHolder.withoutDocument(null));
    }

    @Test
    void zerosAreNotInformed() {
        assertNull(IcpBrasilHolder.informed("000000000000"));
        assertNull(IcpBrasilHolder.informed("  "));
        assertEquals("1234", IcpBrasilHolder.informed(" 1234 "));
    }
}
