package br.com.sopdesk.certificate.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.certificate.control.IcpCertificates.Encoding;
import br.com.sopdesk.certificate.control.IcpCertificates.Holder;
import br.com.sopdesk.certificate.control.IcpCertificates.PfxShape;
import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateFacts.CeiKind;
import br.com.sopdesk.certificate.entity.CertificateFacts.HolderKind;
import br.com.sopdesk.certificate.entity.CertificateType;
import br.com.sopdesk.certificate.entity.CertificateWarning;
import br.com.sopdesk.certificate.entity.CertificateWarning.Code;
import br.com.sopdesk.certificate.entity.SourceFormat;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * The inspector against ICP-Brasil-shaped certificates built at test time: every format, both
 * otherName encodings, person and company, A1 and A3, alphanumeric CNPJ, and every bad input.
 */
class CertificateInspectorTest {

    private final CertificateInspector inspector = new CertificateInspector(CertificateInspector.DEFAULT_MAX_BYTES);

    private static List<Code> codes(CertificateFacts f, String typed) {
        return f.warnings(typed, Instant.now()).stream().map(CertificateWarning::code).toList();
    }

    @Test
    void personA3WithPrintableStringsAndCeiReadsEveryFact() throws Exception {
        Holder h = new Holder();
        h.ceiPerson = "123456789012";
        X509Certificate c = IcpCertificates.holder(h);
        CertificateFacts f = inspector.inspect(IcpCertificates.der(c), null);

        assertEquals(SourceFormat.DER, f.format());
        assertEquals(HolderKind.PERSON, f.kind());
        assertEquals("MARIA DA SILVA", f.holderName());
        assertEquals("52998224725", f.cpf());
        assertEquals("52998224725", f.document());
        assertEquals(LocalDate.of(1980, 3, 15), f.birthDate());
        assertEquals("12345678901", f.nis());
        assertEquals("123456789012", f.cei());
        assertEquals(CeiKind.PERSON, f.ceiKind());
        assertNull(f.responsibleBirthDate());
        assertNull(f.cnpj());
        assertEquals("maria@example.com.br", f.email());
        assertEquals(CertificateType.A3, f.type());
        assertEquals(IcpCertificates.A3, f.policyOid());
        assertEquals("AC Teste Multipla v5", f.issuer());
        assertEquals(List.of("AC Teste Multipla v5"), f.chain(), "a lone certificate names only its issuer");
        assertEquals(Hex.toHexString(c.getSerialNumber().toByteArray()), f.serial());
        assertEquals(c.getNotBefore().toInstant(), f.notBefore());
        assertEquals(c.getNotAfter().toInstant(), f.notAfter());
        assertEquals(List.of("digitalSignature", "nonRepudiation", "keyEncipherment", "clientAuth", "emailProtection"), f.keyUsage());
        assertEquals(List.of(), codes(f, "529.982.247-25"), "valid, with CEI, same CPF: nothing to warn");
    }

    @Test
    void personA1WithOctetStringsAndZeroCeiHasNoCei() throws Exception {
        Holder h = new Holder();
        h.octetStrings = true;
        h.policy = IcpCertificates.A1;
        h.ceiPerson = "000000000000";
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(h)), null);

        assertEquals(CertificateType.A1, f.type());
        assertEquals("52998224725", f.cpf());
        assertEquals(LocalDate.of(1980, 3, 15), f.birthDate());
        assertNull(f.cei(), "all zeros means no CEI");
        List<CertificateWarning> warnings = f.warnings(null, Instant.now());
        assertEquals(List.of(Code.NO_CEI), warnings.stream().map(CertificateWarning::code).toList());
        assertEquals("sem-matricula-cei", warnings.get(0).sop(), "the warning leads to the CEI SOP");
        assertEquals("O certificado não tem matrícula CEI.", warnings.get(0).message(Locale.forLanguageTag("pt-BR")));
        assertEquals("The certificate has no CEI registration.", warnings.get(0).message(Locale.ENGLISH));
    }

    @Test
    void companyWithCeiReadsCnpjAndTheResponsiblePerson() throws Exception {
        Holder h = Holder.company("11222333000181");
        h.ceiCompany = "987654321098";
        h.octetStrings = true;
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(h)), null);

        assertEquals(HolderKind.COMPANY, f.kind());
        assertEquals("COMERCIO EXEMPLO LTDA", f.holderName());
        assertEquals("11222333000181", f.cnpj());
        assertEquals("11222333000181", f.document());
        assertEquals("JOAO PEREIRA", f.responsibleName());
        assertEquals("11144477735", f.responsibleCpf());
        assertEquals(LocalDate.of(1970, 1, 1), f.responsibleBirthDate(), "the responsible person's birth date, 2.16.76.1.3.4");
        assertNull(f.birthDate(), "an e-CNPJ has no birth date of its own");
        assertNull(f.responsibleNis(), "zeros are not informed");
        assertNull(f.nis());
        assertNull(f.cpf());
        assertEquals("987654321098", f.cei());
        assertEquals(CeiKind.COMPANY, f.ceiKind(), "the company's CEI, 2.16.76.1.3.7");
        assertEquals("financeiro@exemplo.com.br", f.email());
        assertEquals(List.of(), codes(f, "11.222.333/0001-81"), "same CNPJ typed with punctuation");

        List<CertificateWarning> differs = f.warnings("12.ABC.345/01DE-35", Instant.now());
        assertEquals(List.of(Code.DOCUMENT_DIFFERS), differs.stream().map(CertificateWarning::code).toList());
        assertEquals("O CNPJ do certificado (11.222.333/0001-81) é diferente do informado no atendimento (12.ABC.345/01DE-35).",
                differs.get(0).message(Locale.forLanguageTag("pt-BR")));
    }

    @Test
    void alphanumericCnpjIsReadInBothEncodings() throws Exception {
        for (boolean octets : new boolean[]{false, true}) {
            Holder h = Holder.company("12ABC34501DE35");
            h.octetStrings = octets;
            h.policy = IcpCertificates.A1;
            CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(h)), null);
            assertEquals("12ABC34501DE35", f.cnpj());
            assertEquals("COMERCIO EXEMPLO LTDA", f.holderName(), "the alphanumeric CNPJ is cut from the common name too");
            assertEquals(CertificateType.A1, f.type());
            assertEquals(List.of(Code.NO_CEI), codes(f, "12ABC34501DE35"));
        }
    }

    @Test
    void aCnpjFailingItsCheckDigitsIsPointedOut() throws Exception {
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(Holder.company("11222333000182"))), null);
        assertTrue(codes(f, null).contains(Code.INVALID_DOCUMENT));
    }

    @Test
    void validityWarnings() throws Exception {
        Holder expired = new Holder();
        expired.ceiPerson = "123456789012";
        expired.notBefore = Instant.now().minus(400, ChronoUnit.DAYS);
        expired.notAfter = Instant.now().minus(35, ChronoUnit.DAYS);
        CertificateFacts e = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(expired)), null);
        assertTrue(e.expired(Instant.now()));
        assertTrue(e.daysLeft(Instant.now()) < 0);
        assertEquals(List.of(Code.EXPIRED), codes(e, null));

        Holder soon = new Holder();
        soon.ceiPerson = "123456789012";
        soon.notAfter = Instant.now().plus(10, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
        CertificateFacts s = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(soon)), null);
        List<CertificateWarning> w = s.warnings(null, Instant.now());
        assertEquals(List.of(Code.EXPIRES_SOON), w.stream().map(CertificateWarning::code).toList());
        long days = s.daysLeft(Instant.now());
        assertTrue(days == 10 || days == 11, "days left: " + days);
        assertEquals(String.valueOf(days), w.get(0).values().get(0));

        Holder later = new Holder();
        later.ceiPerson = "123456789012";
        later.notAfter = Instant.now().plus(31, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
        assertEquals(List.of(), codes(inspector.inspect(IcpCertificates.der(IcpCertificates.holder(later)), null), null),
                "31 days left is outside the 30-day notice");
    }

    @Test
    void pemWithTheChainInAnyOrderPicksTheHolder() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        CertificateFacts single = inspector.inspect(IcpCertificates.pem(c), null);
        assertEquals(SourceFormat.PEM, single.format());
        assertEquals("52998224725", single.cpf());

        CertificateFacts chain = inspector.inspect(IcpCertificates.pem(IcpCertificates.root(), c, IcpCertificates.intermediate()), null);
        assertEquals("MARIA DA SILVA", chain.holderName());
        assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), chain.chain());
    }

    @Test
    void pastedTextWithAKeyOrWithoutHeadersIsRead() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        String withKey = "Exportado do token\n" + IcpCertificates.pemBlock("PRIVATE KEY", new byte[]{1, 2, 3}) + new String(IcpCertificates.pem(c),
                StandardCharsets.US_ASCII);
        assertEquals("52998224725", inspector.inspect(withKey.getBytes(StandardCharsets.US_ASCII), null).cpf());

        String bare = "\n  " + java.util.Base64.getMimeEncoder().encodeToString(c.getEncoded()) + "\n";
        CertificateFacts f = inspector.inspect(bare.getBytes(StandardCharsets.US_ASCII), null);
        assertEquals(SourceFormat.PEM, f.format());
        assertEquals("MARIA DA SILVA", f.holderName());
    }

    @Test
    void p7bChainInDerAndPem() throws Exception {
        X509Certificate c = IcpCertificates.holder(Holder.company("11222333000181"));
        byte[] p7b = IcpCertificates.p7b(IcpCertificates.root(), IcpCertificates.intermediate(), c);
        CertificateFacts der = inspector.inspect(p7b, null);
        assertEquals(SourceFormat.PKCS7, der.format());
        assertEquals("11222333000181", der.cnpj());
        assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), der.chain());

        byte[] pem = IcpCertificates.pemBlock("PKCS7", p7b).getBytes(StandardCharsets.US_ASCII);
        CertificateFacts fromPem = inspector.inspect(pem, null);
        assertEquals(SourceFormat.PKCS7, fromPem.format());
        assertEquals(der, fromPem);
    }

    @Test
    void pfxOpensWithTheRightPasswordOnly() throws Exception {
        Holder h = new Holder();
        h.policy = IcpCertificates.A1;
        X509Certificate c = IcpCertificates.holder(h);
        char[] password = "s3nha-do-A1".toCharArray();
        PfxShape pbmac1 = new PfxShape();
        pbmac1.openSsl3 = true;
        pbmac1.pbmac1 = true;
        List<byte[]> shapes = List.of(IcpCertificates.pfx(c, password), IcpCertificates.legacyPfx(c, password),
                IcpCertificates.openSsl3Pfx(c, password), IcpCertificates.pfx(c, password, pbmac1));
        for (byte[] pfx : shapes) {
            CertificateFacts f = inspector.inspect(pfx, "s3nha-do-A1".toCharArray());
            assertEquals(SourceFormat.PKCS12, f.format());
            assertEquals(CertificateType.A1, f.type());
            assertEquals("52998224725", f.cpf());
            assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), f.chain());

            assertEquals(Reason.WRONG_PASSWORD, reason(pfx, "senha-errada".toCharArray()));
            assertEquals(Reason.PASSWORD_REQUIRED, reason(pfx, null));
            assertEquals(Reason.PASSWORD_REQUIRED, reason(pfx, new char[0]));
        }
    }

    @Test
    void pfxShapedLikeOpenSsl3AndLikeWindows() throws Exception {
        Holder h = Holder.company("11222333000181");
        h.policy = IcpCertificates.A1;
        X509Certificate c = IcpCertificates.holder(h);
        byte[] openSsl3 = IcpCertificates.openSsl3Pfx(c, "senha".toCharArray());
        Pfx parsed = Pfx.getInstance(openSsl3);
        assertEquals(NISTObjectIdentifiers.id_sha256, parsed.getMacData().getMac().getAlgorithmId().getAlgorithm(), "SHA-256 MAC");
        assertTrue(new String(Hex.encode(openSsl3), StandardCharsets.US_ASCII).contains(
                Hex.toHexString(PKCSObjectIdentifiers.id_PBES2.getEncoded())), "PBES2 inside");
        byte[] windows = IcpCertificates.legacyPfx(c, "senha".toCharArray());
        assertEquals(OIWObjectIdentifiers.idSHA1, Pfx.getInstance(windows).getMacData().getMac().getAlgorithmId().getAlgorithm());
        for (byte[] pfx : List.of(openSsl3, windows)) {
            CertificateFacts f = inspector.inspect(pfx, "senha".toCharArray());
            assertEquals("11222333000181", f.cnpj());
            assertEquals("JOAO PEREIRA", f.responsibleName());
            assertEquals(CertificateType.A1, f.type());
            assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), f.chain());
        }
    }

    @Test
    void pfxWithAnEmptyPasswordOpensWithoutOne() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        for (byte[] pfx : List.of(IcpCertificates.legacyPfx(c, new char[0]), IcpCertificates.pfx(c, new char[0]))) {
            assertEquals("52998224725", inspector.inspect(pfx, null).cpf());
            assertEquals("52998224725", inspector.inspect(pfx, new char[0]).cpf());
            assertEquals(Reason.WRONG_PASSWORD, reason(pfx, "alguma".toCharArray()));
        }
    }

    @Test
    void certificateOnlyPfxIsRead() throws Exception {
        PfxShape shape = new PfxShape();
        shape.withKey = false;
        shape.openSsl3 = true;
        byte[] pfx = IcpCertificates.pfx(IcpCertificates.holder(new Holder()), "senha".toCharArray(), shape);
        CertificateFacts f = inspector.inspect(pfx, "senha".toCharArray());
        assertEquals(SourceFormat.PKCS12, f.format());
        assertEquals("MARIA DA SILVA", f.holderName());
        assertEquals(Reason.WRONG_PASSWORD, reason(pfx, "outra".toCharArray()));
    }

    @Test
    void pfxWithTheCaFirstAndNoLocalKeyIdStillReadsTheHolder() throws Exception {
        PfxShape shape = new PfxShape();
        shape.caFirst = true;
        shape.localKeyIds = false;
        CertificateFacts f = inspector.inspect(IcpCertificates.pfx(IcpCertificates.holder(new Holder()), "senha".toCharArray(), shape),
                "senha".toCharArray());
        assertEquals("MARIA DA SILVA", f.holderName(), "the end-entity certificate, not the CA whose bag came first");
        assertEquals(HolderKind.PERSON, f.kind());
        assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), f.chain());
    }

    @Test
    void nonAsciiPasswordInBothEncodings() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        PfxShape openSsl1 = new PfxShape();
        openSsl1.toolPassword = IcpCertificates.asOpenSsl1("açaí-ção");
        for (byte[] pfx : List.of(IcpCertificates.legacyPfx(c, "açaí-ção".toCharArray()), IcpCertificates.openSsl3Pfx(c, "açaí-ção".toCharArray()),
                IcpCertificates.pfx(c, "açaí-ção".toCharArray(), openSsl1))) {
            assertEquals("52998224725", inspector.inspect(pfx, "açaí-ção".toCharArray()).cpf());
            assertEquals(Reason.WRONG_PASSWORD, reason(pfx, "acai-cao".toCharArray()));
        }
    }

    @Test
    void anUnsupportedProtectionIsNotCalledAWrongPassword() throws Exception {
        byte[] pfx = IcpCertificates.legacyPfx(IcpCertificates.holder(new Holder()), "senha".toCharArray());
        byte[] gost = IcpCertificates.withMac(pfx, new ASN1ObjectIdentifier("1.2.643.7.1.1.2.2"), 2048);
        UnreadableCertificateException e = assertThrows(UnreadableCertificateException.class, () -> inspector.inspect(gost, "senha".toCharArray()));
        assertEquals(Reason.UNSUPPORTED_PROTECTION, e.reason());
        assertEquals(422, e.httpStatus());
        String message = e.message(Locale.forLanguageTag("pt-BR"));
        assertTrue(message.startsWith("Formato de proteção não suportado") && message.contains("1.2.643.7.1.1.2.2")
                && message.contains("exporte novamente"), message);
        assertEquals(Reason.UNSUPPORTED_PROTECTION, reason(gost, null), "not 'password required' either");

        byte[] endless = IcpCertificates.withMac(pfx, OIWObjectIdentifiers.idSHA1, 50_000_000);
        assertEquals(Reason.UNSUPPORTED_PROTECTION, reason(endless, "senha".toCharArray()), "an absurd iteration count is refused, not run");
    }

    @Test
    void aPfxWithoutMacAndWithCertificatesInTheClearOpensWithAnyPasswordButSaysSo() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        PfxShape shape = new PfxShape();
        shape.noMac = true;
        shape.plainCertificates = true;
        byte[] pfx = IcpCertificates.pfx(c, "a-certa".toCharArray(), shape);
        for (char[] typed : List.of("a-certa".toCharArray(), "qualquer-outra".toCharArray(), new char[0])) {
            CertificateFacts f = inspector.inspect(pfx, typed);
            assertEquals("52998224725", f.cpf());
            assertFalse(f.passwordChecked());
            assertEquals(List.of(Code.PASSWORD_NOT_CHECKED, Code.NO_CEI), codes(f, null));
        }
        String pt = new CertificateWarning(Code.PASSWORD_NOT_CHECKED, List.of()).message(Locale.forLanguageTag("pt-BR"));
        assertTrue(pt.contains("senha informada não foi conferida"), pt);
        assertTrue(new CertificateWarning(Code.PASSWORD_NOT_CHECKED, List.of()).message(Locale.ENGLISH).contains("not checked"));
    }

    @Test
    void aPfxWithoutMacWhoseCertificatesAreEncryptedStillChecksThePasswordByDecrypting() throws Exception {
        PfxShape shape = new PfxShape();
        shape.noMac = true;
        byte[] pfx = IcpCertificates.pfx(IcpCertificates.holder(new Holder()), "a-certa".toCharArray(), shape);
        CertificateFacts f = inspector.inspect(pfx, "a-certa".toCharArray());
        assertTrue(f.passwordChecked());
        assertFalse(codes(f, null).contains(Code.PASSWORD_NOT_CHECKED));
        assertEquals(Reason.WRONG_PASSWORD, reason(pfx, "outra".toCharArray()));
        assertFalse(codes(inspector.inspect(IcpCertificates.legacyPfx(IcpCertificates.holder(new Holder()), "s".toCharArray()),
                "s".toCharArray()), null).contains(Code.PASSWORD_NOT_CHECKED), "a MAC checks it");
    }

    @Test
    void aTamperedPfxOpenedWithTheRightPasswordIsCorruptedNotAWrongPassword() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        char[] password = "s3nha".toCharArray();
        for (byte[] pfx : List.of(IcpCertificates.legacyPfx(c, password), IcpCertificates.openSsl3Pfx(c, password), IcpCertificates.pfx(c, password))) {
            byte[] tampered = IcpCertificates.tamperedCertificates(pfx);
            UnreadableCertificateException e = assertThrows(UnreadableCertificateException.class, () -> inspector.inspect(tampered, "s3nha".toCharArray()));
            assertEquals(Reason.CORRUPTED, e.reason());
            assertEquals(422, e.httpStatus());
            assertTrue(e.message(Locale.forLanguageTag("pt-BR")).startsWith("A senha está correta"), e.message(Locale.forLanguageTag("pt-BR")));
            assertEquals(Reason.WRONG_PASSWORD, reason(tampered, "errada".toCharArray()));
            assertEquals(Reason.PASSWORD_REQUIRED, reason(tampered, null));
        }
    }

    @Test
    void aTamperedPfxWhoseCertificatesAreInTheClearIsAWrongPasswordThatSaysItMayBeAnAlteredFile() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        PfxShape shape = new PfxShape();
        shape.plainCertificates = true;
        byte[] tampered = IcpCertificates.tamperedPlainCertificate(IcpCertificates.pfx(c, "s3nha".toCharArray(), shape), c);
        UnreadableCertificateException e = assertThrows(UnreadableCertificateException.class, () -> inspector.inspect(tampered, "s3nha".toCharArray()));
        assertEquals(Reason.WRONG_PASSWORD, e.reason(), "only the MAC could tell, and it cannot say which");
        assertTrue(e.message(Locale.forLanguageTag("pt-BR")).startsWith("Senha incorreta"));
        assertTrue(e.message(Locale.forLanguageTag("pt-BR")).contains("alterado ou danificado"), e.message(Locale.forLanguageTag("pt-BR")));
        assertTrue(e.message(Locale.ENGLISH).contains("altered or damaged"));
    }

    @Test
    void aCertificateOfATestOrForeignCaIsNotCalledIcpBrasil() throws Exception {
        Holder ownPolicy = new Holder();
        ownPolicy.policy = "1.3.6.1.4.1.99999.1.1";
        Holder forgedPolicy = new Holder();
        forgedPolicy.policy = IcpCertificates.A1;
        for (Holder h : List.of(ownPolicy, forgedPolicy)) {
            X509Certificate[] foreign = IcpCertificates.foreign(h);
            for (byte[] file : List.of(IcpCertificates.der(foreign[0]), IcpCertificates.pem(foreign[0], foreign[1]))) {
                CertificateFacts f = inspector.inspect(file, null);
                assertEquals("52998224725", f.cpf(), "the holder's data is still read");
                assertEquals(HolderKind.PERSON, f.kind());
                assertFalse(f.icpBrasil());
                assertTrue(codes(f, null).contains(Code.NOT_ICP_BRASIL), h.policy);
            }
        }
        Holder noPolicy = new Holder();
        noPolicy.policy = null;
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(noPolicy)), null);
        assertTrue(codes(f, null).contains(Code.NOT_ICP_BRASIL), "an ICP-Brasil certificate carries an ICP-Brasil policy");
        CertificateFacts genuine = inspector.inspect(IcpCertificates.pem(IcpCertificates.holder(new Holder()), IcpCertificates.intermediate(),
                IcpCertificates.root()), null);
        assertTrue(genuine.icpBrasil());
        assertFalse(codes(genuine, null).contains(Code.NOT_ICP_BRASIL));
    }

    @Test
    void aCaCertificateGetsNoTypeFromThePolicyItIssuesUnder() throws Exception {
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.caWithPolicy(IcpCertificates.A1)), null);
        assertEquals(CertificateType.UNKNOWN, f.type());
        assertEquals(IcpCertificates.A1, f.policyOid());
        assertEquals(List.of(Code.NOT_ICP_BRASIL), codes(f, null));
    }

    @Test
    void everyWarningHasAMessageInBothLanguages() {
        for (Code code : Code.values()) {
            CertificateWarning w = new CertificateWarning(code, List.of("x", "y", "z"));
            assertNotEquals(w.message(Locale.forLanguageTag("pt-BR")), w.message(Locale.ENGLISH), code.name());
        }
    }

    @Test
    void pkcs7InPemUnderAnyLabelAndInUtf16() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        byte[] p7b = IcpCertificates.p7b(IcpCertificates.root(), c, IcpCertificates.intermediate());
        for (String label : List.of("CERTIFICATE", "PKCS #7 SIGNED DATA", "PKCS7", "CMS")) {
            CertificateFacts f = inspector.inspect(IcpCertificates.pemBlock(label, p7b).getBytes(StandardCharsets.US_ASCII), null);
            assertEquals(SourceFormat.PKCS7, f.format(), label);
            assertEquals("MARIA DA SILVA", f.holderName(), label);
            assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), f.chain(), label);
        }
        String pem = new String(IcpCertificates.pem(c), StandardCharsets.US_ASCII);
        List<byte[]> encodings = List.of(("\uFEFF" + pem).getBytes(StandardCharsets.UTF_16LE), ("\uFEFF" + pem).getBytes(StandardCharsets.UTF_16BE),
                pem.getBytes(StandardCharsets.UTF_16LE), ("\uFEFF" + pem).getBytes(StandardCharsets.UTF_8));
        for (byte[] text : encodings) {
            CertificateFacts f = inspector.inspect(text, null);
            assertEquals(SourceFormat.PEM, f.format());
            assertEquals("52998224725", f.cpf());
        }
        assertEquals(Reason.EMPTY, reason("\uFEFF  \r\n".getBytes(StandardCharsets.UTF_16LE), null));
    }

    @Test
    void berIndefiniteLengthP7b() throws Exception {
        X509Certificate c = IcpCertificates.holder(Holder.company("12ABC34501DE35"));
        byte[] ber = IcpCertificates.p7bBer(IcpCertificates.root(), IcpCertificates.intermediate(), c);
        CertificateFacts f = inspector.inspect(ber, null);
        assertEquals(SourceFormat.PKCS7, f.format());
        assertEquals("12ABC34501DE35", f.cnpj());
        assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), f.chain());
        assertEquals(f, inspector.inspect(IcpCertificates.pemBlock("PKCS7", ber).getBytes(StandardCharsets.US_ASCII), null));
        assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(ber, ber.length / 2), null));
    }

    @Test
    void otherNameValuesInEveryEncodingOfAFullCertificate() throws Exception {
        for (Encoding encoding : Encoding.values()) {
            Holder h = Holder.company("12ABC34501DE35");
            h.encoding = encoding;
            h.ceiCompany = "987654321098";
            CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(h)), null);
            assertEquals("12ABC34501DE35", f.cnpj(), encoding.name());
            assertEquals("JOAO PEREIRA", f.responsibleName(), encoding.name());
            assertEquals("11144477735", f.responsibleCpf(), encoding.name());
            assertEquals(LocalDate.of(1970, 1, 1), f.responsibleBirthDate(), encoding.name());
            assertEquals("987654321098", f.cei(), encoding.name());
            assertEquals(List.of(), f.unreadableParts(), encoding.name());
        }
    }

    @Test
    void oneBrokenExtensionCostsOnlyItsOwnFacts() throws Exception {
        Holder h = new Holder();
        h.ceiPerson = "123456789012";
        h.email = null;
        h.extraNames.add(new DERTaggedObject(false, 0, new DERSequence(new ASN1ObjectIdentifier("2.16.76.1.3.5"))));
        h.extraNames.add(new DERTaggedObject(false, 0, new DERSequence(new ASN1Encodable[]{new ASN1ObjectIdentifier("2.16.76.1.3.9"),
            new DERTaggedObject(true, 0, new ASN1Integer(7))})));
        h.extraNames.add(new DERTaggedObject(true, GeneralName.rfc822Name, new DERUTF8String("joão@exemplo.com.br")));
        h.rawExtensions.put(Extension.certificatePolicies, new ASN1Integer(5).getEncoded());
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(h)), null);

        assertEquals("MARIA DA SILVA", f.holderName());
        assertEquals("52998224725", f.cpf());
        assertEquals(LocalDate.of(1980, 3, 15), f.birthDate());
        assertEquals("123456789012", f.cei());
        assertEquals("joão@exemplo.com.br", f.email(), "an rfc822Name that is no IA5String is still read");
        assertEquals(List.of("digitalSignature", "nonRepudiation", "keyEncipherment", "clientAuth", "emailProtection"), f.keyUsage());
        assertNull(f.policyOid());
        assertEquals(List.of("subjectAltName 2.16.76.1.3.5", "subjectAltName 2.16.76.1.3.9", "certificatePolicies"), f.unreadableParts());
        List<CertificateWarning> warnings = f.warnings(null, Instant.now());
        assertEquals(Code.UNREADABLE_PART, warnings.get(0).code());
        assertEquals("Parte do certificado está ilegível e não foi lida (subjectAltName 2.16.76.1.3.5, subjectAltName 2.16.76.1.3.9, "
                + "certificatePolicies); o restante foi lido. Confira esses dados com o cliente.", warnings.get(0).message(Locale.forLanguageTag("pt-BR")));

        Holder badSan = new Holder();
        badSan.rawExtensions.put(Extension.subjectAlternativeName, new byte[]{0x30, 0x03, 0x02, 0x01});
        badSan.rawExtensions.put(Extension.keyUsage, new byte[]{0x05, 0x00});
        CertificateFacts g = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(badSan)), null);
        assertEquals("MARIA DA SILVA", g.holderName(), "the subject still names the holder");
        assertEquals(CertificateType.A3, g.type());
        assertEquals(List.of("clientAuth", "emailProtection"), g.keyUsage());
        assertEquals(List.of("subjectAltName", "keyUsage"), g.unreadableParts());
    }

    @Test
    void serialAsWindowsShowsIt() throws Exception {
        Holder leadingZero = new Holder();
        leadingZero.serial = new BigInteger("0A1B2C3D", 16);
        assertEquals("0a1b2c3d", inspector.inspect(IcpCertificates.der(IcpCertificates.holder(leadingZero)), null).serial());
        Holder highBit = new Holder();
        highBit.serial = new BigInteger("8F0012", 16);
        assertEquals("008f0012", inspector.inspect(IcpCertificates.der(IcpCertificates.holder(highBit)), null).serial(),
                "the zero byte the encoding carries is kept");
    }

    @Test
    void aCaCertificateIsReadButFlagged() throws Exception {
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.intermediate()), null);
        assertEquals(HolderKind.OTHER, f.kind());
        assertEquals(List.of(Code.NOT_ICP_BRASIL), codes(f, "11.222.333/0001-81"));
    }

    @Test
    void emptyAndBlankInput() {
        assertEquals(Reason.EMPTY, reason(new byte[0], null));
        assertEquals(Reason.EMPTY, reason(null, null));
        assertEquals(Reason.EMPTY, reason(" \r\n\t ".getBytes(StandardCharsets.US_ASCII), null));
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() throws Exception {
        CertificateInspector small = new CertificateInspector(1024);
        byte[] big = IcpCertificates.p7b(IcpCertificates.root(), IcpCertificates.intermediate(), IcpCertificates.holder(new Holder()));
        UnreadableCertificateException e = assertThrows(UnreadableCertificateException.class, () -> small.inspect(big, null));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals(413, e.httpStatus());
        assertEquals("O arquivo ultrapassa o limite de 1 KB: um certificado tem poucos KB. Confira se é o arquivo certo.",
                e.message(Locale.forLanguageTag("pt-BR")));

        byte[] endless = new byte[5 * 1024 * 1024];
        assertEquals(Reason.TOO_LARGE, assertThrows(UnreadableCertificateException.class,
                () -> small.inspect(new ByteArrayInputStream(endless), null)).reason(), "a stream is read only up to the limit");
    }

    @Test
    void truncatedInputOfEveryKind() throws Exception {
        X509Certificate c = IcpCertificates.holder(new Holder());
        byte[] der = c.getEncoded();
        for (int cut : new int[]{1, 3, 40, der.length / 2, der.length - 1}) {
            assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(der, cut), null), "DER cut at " + cut);
        }
        byte[] pfx = IcpCertificates.pfx(c, "x".toCharArray());
        assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(pfx, pfx.length - 100), "x".toCharArray()));
        byte[] p7b = IcpCertificates.p7b(c);
        assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(p7b, p7b.length / 3), null));

        String pem = new String(IcpCertificates.pem(c), StandardCharsets.US_ASCII);
        assertEquals(Reason.TRUNCATED, reason(pem.substring(0, pem.length() / 2).getBytes(StandardCharsets.US_ASCII), null),
                "PEM without its END line");
        String cutInside = pem.substring(0, 200) + "\r\n-----END CERTIFICATE-----\r\n";
        Reason inside = reason(cutInside.getBytes(StandardCharsets.US_ASCII), null);
        assertTrue(inside == Reason.TRUNCATED || inside == Reason.UNREADABLE, inside.name());
    }

    @Test
    void randomAndForeignContentIsUnreadable() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[50 + random.nextInt(3000)];
            random.nextBytes(noise);
            Reason r = reason(noise, null);
            assertTrue(r == Reason.UNREADABLE || r == Reason.TRUNCATED, "random bytes: " + r);
        }
        assertEquals(Reason.UNREADABLE, reason("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), null));
        assertEquals(Reason.UNREADABLE, reason("isto não é um certificado".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(Reason.UNREADABLE, reason(new byte[]{0x30, 0x03, 0x02, 0x01, 0x05}, null), "a DER sequence that is no certificate");
        assertEquals(Reason.UNREADABLE, reason("-----BEGIN CERTIFICATE-----\n@@@@ não é base64 ####\n-----END CERTIFICATE-----\n"
                .getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void containersWithoutCertificates() throws Exception {
        assertEquals(Reason.NO_CERTIFICATE, reason(IcpCertificates.pemBlock("PRIVATE KEY", new byte[]{1, 2, 3}).getBytes(StandardCharsets.US_ASCII), null));
        assertEquals(Reason.NO_CERTIFICATE, reason(IcpCertificates.pemBlock("CERTIFICATE REQUEST", new byte[]{1, 2, 3})
                .getBytes(StandardCharsets.US_ASCII), null));
        assertEquals(Reason.NO_CERTIFICATE, reason(IcpCertificates.p7b(), null), "a .p7b with no certificate inside");
    }

    @Test
    void everyReasonHasAMessageInBothLanguages() {
        for (Reason r : Reason.values()) {
            String pt = new UnreadableCertificateException(r).message(Locale.forLanguageTag("pt-BR"));
            String en = new UnreadableCertificateException(r).message(Locale.ENGLISH);
            assertFalse(pt.isBlank());
            assertFalse(en.isBlank());
            assertNotEquals(pt, en, r.name());
        }
    }

    @Test
    void theInspectorNeverRegistersAProvider() throws Exception {
        inspector.inspect(IcpCertificates.der(IcpCertificates.holder(new Holder())), null);
        assertNull(java.security.Security.getProvider("BC"));
    }

    @Test
    void aPfxIsReadWithoutTouchingThePasswordArray() throws Exception {
        char[] password = "abc123".toCharArray();
        byte[] pfx = IcpCertificates.pfx(IcpCertificates.holder(new Holder()), password);
        char[] given = password.clone();
        inspector.inspect(pfx, given);
        assertArrayEquals(password, given, "the caller owns (and clears) the password");
    }

    private Reason reason(byte[] content, char[] password) {
        return assertThrows(UnreadableCertificateException.class, () -> inspector.inspect(content, password)).reason();
    }
}
