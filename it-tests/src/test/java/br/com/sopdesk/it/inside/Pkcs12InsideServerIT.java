package br.com.sopdesk.it.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import br.com.sopdesk.certificate.control.CertificateInspector;
import br.com.sopdesk.certificate.control.IcpCertificates;
import br.com.sopdesk.certificate.control.IcpCertificates.Holder;
import br.com.sopdesk.certificate.control.IcpCertificates.PfxShape;
import br.com.sopdesk.certificate.control.UnreadableCertificateException;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateType;
import br.com.sopdesk.certificate.entity.SourceFormat;
import br.com.sopdesk.it.InsideServer;
import jakarta.inject.Inject;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PKCS#12 reader inside Payara, with the server's own security providers (not the test JVM's):
 * each protection the desk meets (Windows' 3DES and RC2-40 with a SHA-1 MAC, OpenSSL 3's AES-256 and
 * PBKDF2, PBMAC1) opens with the right password only, and reading registers no provider.
 */
@InsideServer
class Pkcs12InsideServerIT {

    @Inject
    CertificateInspector inspector;

    @Test
    void everyProtectionOpensWithTheRightPasswordOnlyWithTheServersProviders() throws Exception {
        List<String> providers = providers();
        Holder h = new Holder();
        h.policy = IcpCertificates.A1;
        X509Certificate c = IcpCertificates.holder(h);
        char[] password = "s3nha-do-A1".toCharArray();
        PfxShape pbmac1 = new PfxShape();
        pbmac1.openSsl3 = true;
        pbmac1.pbmac1 = true;
        Map<String, byte[]> shapes = Map.of("windows", IcpCertificates.legacyPfx(c, password), "openssl3", IcpCertificates.openSsl3Pfx(c, password),
                "pbmac1", IcpCertificates.pfx(c, password, pbmac1));
        for (Map.Entry<String, byte[]> shape : shapes.entrySet()) {
            CertificateFacts f = inspector.inspect(shape.getValue(), "s3nha-do-A1".toCharArray());
            assertEquals(SourceFormat.PKCS12, f.format(), shape.getKey());
            assertEquals(CertificateType.A1, f.type(), shape.getKey());
            assertEquals("52998224725", f.cpf(), shape.getKey());
            assertEquals(List.of("AC Teste Multipla v5", "AC Raiz Teste ICP-Brasil v5"), f.chain(), shape.getKey());

            UnreadableCertificateException wrong = assertThrows(UnreadableCertificateException.class,
                    () -> inspector.inspect(shape.getValue(), "senha-errada".toCharArray()), shape.getKey());
            assertEquals(UnreadableCertificateException.Reason.WRONG_PASSWORD, wrong.reason(), shape.getKey());
        }
        assertEquals(providers, providers(), "reading registers no provider (BouncyCastle stays out of the server's list)");
    }

    private static List<String> providers() {
        return Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
    }
}
