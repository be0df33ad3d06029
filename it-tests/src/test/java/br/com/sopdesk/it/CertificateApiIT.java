package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.certificate.control.IcpCertificates;
import br.com.sopdesk.certificate.control.IcpCertificates.Holder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/certificates/inspect} on the real server: generated ICP-Brasil certificates in
 * every format read correctly (BouncyCastle inside the EAR), and every bad input answered with a
 * clear 4xx in JSON.
 */
@BlackBox
class CertificateApiIT {

    private static final String BOUNDARY = "----sopdesk-cert-boundary";

    @Test
    void companyCertificateInDerIsReadAndComparedWithTheDocumentGiven() throws Exception {
        Holder h = Holder.company("12ABC34501DE35");
        h.ceiCompany = "987654321098";
        var r = inspect(Map.of("document", "11.222.333/0001-81"), IcpCertificates.der(IcpCertificates.holder(h)), null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("DER", Env.field(r.body(), "format"));
        assertEquals("COMPANY", Env.field(r.body(), "kind"));
        assertEquals("COMERCIO EXEMPLO LTDA", Env.field(r.body(), "holderName"));
        assertEquals("12ABC34501DE35", Env.field(r.body(), "cnpj"));
        assertEquals("987654321098", Env.field(r.body(), "cei"));
        assertEquals("COMPANY", Env.field(r.body(), "ceiKind"), "the company's CEI (2.16.76.1.3.7)");
        assertEquals("JOAO PEREIRA", Env.field(r.body(), "responsibleName"));
        assertEquals("11144477735", Env.field(r.body(), "responsibleCpf"));
        assertEquals("1970-01-01", Env.field(r.body(), "responsibleBirthDate"));
        assertNull(Env.field(r.body(), "birthDate"), "an e-CNPJ has no birth date of its own: " + r.body());
        assertEquals("A3", Env.field(r.body(), "type"));
        assertEquals("AC Teste Multipla v5", Env.field(r.body(), "issuer"));
        assertTrue(r.body().contains("\"code\":\"DOCUMENT_DIFFERS\""), r.body());
        assertTrue(r.body().contains("é diferente do informado"), r.body());
    }

    @Test
    void pfxWithThePasswordAndTheWarranty() throws Exception {
        Holder h = new Holder();
        h.policy = IcpCertificates.A1;
        h.octetStrings = true;
        h.notBefore = Instant.now().minus(10, ChronoUnit.DAYS);
        byte[] pfx = IcpCertificates.legacyPfx(IcpCertificates.holder(h), "senha-A1".toCharArray());

        var ok = inspect(Map.of("password", "senha-A1", "warrantyCase", "senha"), pfx, null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("PKCS12", Env.field(ok.body(), "format"));
        assertEquals("A1", Env.field(ok.body(), "type"));
        assertEquals("52998224725", Env.field(ok.body(), "cpf"));
        assertEquals("1980-03-15", Env.field(ok.body(), "birthDate"));
        assertEquals("12345678901", Env.field(ok.body(), "nis"));
        assertEquals("REVOKE_AND_REISSUE", Env.field(ok.body(), "route"));
        assertTrue(ok.body().contains("\"code\":\"NO_CEI\"") && ok.body().contains("\"sop\":\"sem-matricula-cei\""), ok.body());
        assertTrue(ok.body().contains("restam 4 dia(s)"), ok.body());

        var wrong = inspect(Map.of("password", "outra"), pfx, null);
        assertEquals(422, wrong.statusCode());
        assertEquals("WRONG_PASSWORD", Env.field(wrong.body(), "reason"));
        assertTrue(Env.field(wrong.body(), "message").startsWith("Senha incorreta"), wrong.body());

        var english = inspect(Map.of(), pfx, "en");
        assertEquals(422, english.statusCode());
        assertEquals("PASSWORD_REQUIRED", Env.field(english.body(), "reason"));
        assertTrue(Env.field(english.body(), "message").startsWith("This PFX/P12 file is password protected"), english.body());
    }

    @Test
    void pfxAsOpenSsl3WritesItAndOneNotSupported() throws Exception {
        Holder h = Holder.company("11222333000181");
        h.policy = IcpCertificates.A1;
        byte[] pfx = IcpCertificates.openSsl3Pfx(IcpCertificates.holder(h), "açaí-2025".toCharArray());
        var ok = inspect(Map.of("password", "açaí-2025"), pfx, null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("11222333000181", Env.field(ok.body(), "cnpj"));
        assertEquals("A1", Env.field(ok.body(), "type"));

        byte[] gost = IcpCertificates.withMac(pfx, new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.643.7.1.1.2.2"), 2048);
        assertProblem(inspect(Map.of("password", "açaí-2025"), gost, null), 422, "UNSUPPORTED_PROTECTION", "exporte novamente");
    }

    @Test
    void pkcs7InACertificatePemBlockIsReadAsAChain() throws Exception {
        var holder = IcpCertificates.holder(new Holder());
        byte[] p7b = IcpCertificates.p7b(IcpCertificates.root(), holder, IcpCertificates.intermediate());
        var r = inspect(Map.of(), IcpCertificates.pemBlock("CERTIFICATE", p7b).getBytes(StandardCharsets.US_ASCII), null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("PKCS7", Env.field(r.body(), "format"));
        assertEquals("MARIA DA SILVA", Env.field(r.body(), "holderName"));
    }

    @Test
    void chunkedUploadsAreBoundedAndMalformedMultipartAnsweredInJson() throws Exception {
        byte[] der = IcpCertificates.der(IcpCertificates.holder(new Holder()));
        var chunkedOk = send("multipart/form-data; boundary=" + BOUNDARY, body(Map.of(), der), true, null);
        assertEquals(200, chunkedOk.statusCode(), chunkedOk.body());
        assertEquals("52998224725", Env.field(chunkedOk.body(), "cpf"));

        var chunkedHuge = send("multipart/form-data; boundary=" + BOUNDARY, body(Map.of(), new byte[600 * 1024]), true, null);
        assertProblem(chunkedHuge, 413, "TOO_LARGE", "limite de 256 KB");

        assertProblem(send("multipart/form-data", body(Map.of(), der), false, null), 400, "BAD_MULTIPART", "boundary");
        assertProblem(send("multipart/form-data; boundary=outra-fronteira", body(Map.of(), der), false, "en"), 400, "BAD_MULTIPART",
                "not valid multipart/form-data");
        byte[] brokenHeaders = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file; filename=\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        assertProblem(send("multipart/form-data; boundary=" + BOUNDARY, concat(brokenHeaders, der, ("\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8)), false, null), 400, "BAD_MULTIPART", "multipart/form-data");
    }

    @Test
    void chainsAndPemArePickedApartByContent() throws Exception {
        var holder = IcpCertificates.holder(new Holder());
        var p7b = inspect(Map.of(), IcpCertificates.p7b(IcpCertificates.root(), holder, IcpCertificates.intermediate()), null);
        assertEquals(200, p7b.statusCode(), p7b.body());
        assertEquals("PKCS7", Env.field(p7b.body(), "format"));
        assertEquals("MARIA DA SILVA", Env.field(p7b.body(), "holderName"));
        assertTrue(p7b.body().contains("\"chain\":[\"AC Teste Multipla v5\",\"AC Raiz Teste ICP-Brasil v5\"]"), p7b.body());

        var pem = inspect(Map.of(), IcpCertificates.pem(IcpCertificates.intermediate(), holder), null);
        assertEquals(200, pem.statusCode(), pem.body());
        assertEquals("PEM", Env.field(pem.body(), "format"));
        assertEquals("52998224725", Env.field(pem.body(), "cpf"));
    }

    @Test
    void expiredCertificateIsFlagged() throws Exception {
        Holder h = new Holder();
        h.ceiPerson = "123456789012";
        h.notBefore = Instant.now().minus(500, ChronoUnit.DAYS);
        h.notAfter = Instant.now().minus(2, ChronoUnit.DAYS);
        var r = inspect(Map.of(), IcpCertificates.der(IcpCertificates.holder(h)), "en");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("true", Env.field(r.body(), "expired"));
        assertTrue(r.body().contains("\"code\":\"EXPIRED\"") && r.body().contains("The certificate expired on"), r.body());
    }

    @Test
    void everyBadInputHasAClearAnswer() throws Exception {
        byte[] der = IcpCertificates.der(IcpCertificates.holder(new Holder()));
        assertProblem(inspect(Map.of(), new byte[0], null), 422, "EMPTY", "Nenhum conteúdo recebido");
        assertProblem(inspect(Map.of(), Arrays.copyOf(der, der.length / 2), null), 422, "TRUNCATED", "incompleto");
        byte[] noise = new byte[2000];
        new Random(7).nextBytes(noise);
        noise[0] = 0x17;
        assertProblem(inspect(Map.of(), noise, null), 422, "UNREADABLE", "não é um certificado");
        assertProblem(inspect(Map.of(), IcpCertificates.pemBlock("PRIVATE KEY", new byte[]{1, 2, 3}).getBytes(StandardCharsets.US_ASCII), null),
                422, "NO_CERTIFICATE", "nenhum certificado");
        assertProblem(inspect(Map.of(), new byte[400 * 1024], null), 413, "TOO_LARGE", "limite de 256 KB");
        assertProblem(inspect(Map.of("warrantyCase", "quebrou"), der, null), 400, "BAD_PARAMETER", "não é um caso de garantia");
        assertProblem(multipart(Map.of("password", "x"), null, null, true), 400, "NO_FILE", "campo \\\"file\\\"");
        var json = Env.agentApi("POST", "certificates/inspect", "{\"file\":\"" + Base64.getEncoder().encodeToString(der) + "\"}");
        assertProblem(json, 415, "NOT_MULTIPART", "multipart/form-data");
        var anonymous = Env.HTTP.send(HttpRequest.newBuilder(URI.create(Env.APP + "api/certificates/inspect"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(Map.of(), der))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String reason, String text) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(reason, Env.field(r.body(), "reason"), r.body());
        assertTrue(r.body().contains(text), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
    }

    /** Sends a body as given; chunked (no Content-Length) when asked, as java.net.http does for a stream. */
    private static HttpResponse<String> send(String contentType, byte[] body, boolean chunked, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Env.APP + "api/certificates/inspect")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((Env.AGENT + ":" + Env.AGENT_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return Env.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return out.toByteArray();
    }

    @Test
    void aTamperedPfxIsCorruptedAPfxWithoutMacWarnsAndAForeignCertificateIsNotIcpBrasil() throws Exception {
        var holder = IcpCertificates.holder(new Holder());
        byte[] tampered = IcpCertificates.tamperedCertificates(IcpCertificates.legacyPfx(holder, "senha".toCharArray()));
        var corrupted = inspect(Map.of("password", "senha"), tampered, null);
        assertEquals(422, corrupted.statusCode(), corrupted.body());
        assertEquals("CORRUPTED", Env.field(corrupted.body(), "reason"));
        assertTrue(Env.field(corrupted.body(), "message").startsWith("A senha está correta"), corrupted.body());

        IcpCertificates.PfxShape noMac = new IcpCertificates.PfxShape();
        noMac.noMac = true;
        noMac.plainCertificates = true;
        var unchecked = inspect(Map.of("password", "qualquer"), IcpCertificates.pfx(holder, "senha".toCharArray(), noMac), null);
        assertEquals(200, unchecked.statusCode(), unchecked.body());
        assertTrue(unchecked.body().contains("\"code\":\"PASSWORD_NOT_CHECKED\""), unchecked.body());

        Holder foreignPolicy = new Holder();
        foreignPolicy.policy = IcpCertificates.A1;
        var foreign = inspect(Map.of(), IcpCertificates.der(IcpCertificates.foreign(foreignPolicy)[0]), "en");
        assertEquals(200, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("\"code\":\"NOT_ICP_BRASIL\""), foreign.body());

        var ca = inspect(Map.of(), IcpCertificates.der(IcpCertificates.caWithPolicy(IcpCertificates.A1)), null);
        assertEquals(200, ca.statusCode(), ca.body());
        assertEquals("UNKNOWN", Env.field(ca.body(), "type"), "a CA's policy gives it no A1/A3 type: " + ca.body());
    }

    static HttpResponse<String> inspect(Map<String, String> fields, byte[] file, String language) throws Exception {
        return multipart(fields, file, language, false);
    }

    private static HttpResponse<String> multipart(Map<String, String> fields, byte[] file, String language, boolean noFile) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Env.APP + "api/certificates/inspect")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((Env.AGENT + ":" + Env.AGENT_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(fields, noFile ? null : file)));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return Env.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] body(Map<String, String> fields, byte[] file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : new LinkedHashMap<>(fields).entrySet()) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"certificado.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
