package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.IcpCertificates.Holder;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Inspections per second on one thread, for the figures in BENCHMARKS.md (not a test; run with
 * {@code ./mvnw -B -q verify -Pbench -DskipTests -DskipITs -pl ejb -am}). Each format is warmed up,
 * then inspected in a closed loop for {@code bench.seconds} (default 10; PFX: half of it).
 */
public final class InspectionBenchmark {

    private InspectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        CertificateInspector inspector = new CertificateInspector(CertificateInspector.DEFAULT_MAX_BYTES);
        Holder company = Holder.company("12ABC34501DE35");
        company.ceiCompany = "987654321098";
        X509Certificate cert = IcpCertificates.holder(company);
        char[] password = "senha-do-A1".toCharArray();
        byte[] der = IcpCertificates.der(cert);
        byte[] pem = IcpCertificates.pem(cert);
        byte[] p7b = IcpCertificates.p7b(IcpCertificates.root(), IcpCertificates.intermediate(), cert);
        byte[] pfx = IcpCertificates.pfx(cert, password);
        byte[] legacyPfx = IcpCertificates.legacyPfx(cert, password);

        System.out.printf(Locale.ROOT, "Certificate inspection, one thread, Java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        run("DER (.cer, e-CNPJ, %d bytes)".formatted(der.length), inspector, der, null, seconds);
        run("PEM (%d bytes)".formatted(pem.length), inspector, pem, null, seconds);
        run("PKCS#7 chain of 3 (%d bytes)".formatted(p7b.length), inspector, p7b, null, seconds);
        run("PFX, JDK default PBES2/AES, HMAC-SHA256, 10000 iterations (%d bytes)".formatted(pfx.length), inspector, pfx, password,
                Math.max(2, seconds / 2));
        run("PFX, legacy 3DES/RC2-40, SHA-1 MAC, 2048 iterations (%d bytes)".formatted(legacyPfx.length), inspector, legacyPfx, password,
                Math.max(2, seconds / 2));
    }

    private static void run(String name, CertificateInspector inspector, byte[] content, char[] password, int seconds) {
        long sink = 0;
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            sink += inspect(inspector, content, password).serial().length();
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long now;
        do {
            sink += inspect(inspector, content, password).serial().length();
            n++;
            now = System.nanoTime();
        } while (now < end);
        double elapsed = (now - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-75s %,12.0f inspections/s  (%,d in %.1f s; %.1f µs each) [%d]%n", name, n / elapsed, n, elapsed,
                elapsed * 1e6 / n, sink % 7);
    }

    private static CertificateFacts inspect(CertificateInspector inspector, byte[] content, char[] password) {
        return inspector.inspect(content.clone(), password == null ? null : password.clone());
    }
}
