package br.com.sopdesk.certificate.control;

import br.com.sopdesk.certificate.control.IcpCertificates.Holder;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Inspections per second on one thread, for the figures in BENCHMARKS.md (not a test; run with
 * {@code ./mvnw -B -q verify -Pbench-cert -DskipTests -DskipITs -pl ejb -am}). Each format is warmed up
 * (3 s, and at least 2 s of this thread's CPU time, so that a loaded machine does not leave the
 * digests unjitted), then inspected in a closed loop for {@code bench.seconds} (default 10; PFX:
 * half of it). Reports
 * wall-clock throughput and throughput per second of the thread's own CPU time (what one core
 * does), since the shared machine's load skews the first.
 */
public final class InspectionBenchmark {

    private static final long WARM_UP_CPU_NANOS = 2_000_000_000L;

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
        byte[] openSsl3Pfx = IcpCertificates.openSsl3Pfx(cert, password);

        System.out.printf(Locale.ROOT, "Certificate inspection, one thread, Java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        run("DER (.cer, e-CNPJ, %d bytes)".formatted(der.length), inspector, der, null, seconds);
        run("PEM (%d bytes)".formatted(pem.length), inspector, pem, null, seconds);
        run("PKCS#7 chain of 3 (%d bytes)".formatted(p7b.length), inspector, p7b, null, seconds);
        run("PFX, JDK default PBES2/AES, HMAC-SHA256, 10000 iterations (%d bytes)".formatted(pfx.length), inspector, pfx, password,
                Math.max(2, seconds / 2));
        run("PFX, legacy 3DES/RC2-40, SHA-1 MAC, 2048 iterations (%d bytes)".formatted(legacyPfx.length), inspector, legacyPfx, password,
                Math.max(2, seconds / 2));
        run("PFX, OpenSSL 3 PBES2/AES-256, SHA-256 MAC, 2048 iterations (%d bytes)".formatted(openSsl3Pfx.length), inspector, openSsl3Pfx,
                password, Math.max(2, seconds / 2));
    }

    private static void run(String name, CertificateInspector inspector, byte[] content, char[] password, int seconds) {
        long sink = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long warmUpStart = System.nanoTime();
        long warmUpCpuEnd = threads.getCurrentThreadCpuTime() + WARM_UP_CPU_NANOS;
        while (System.nanoTime() - warmUpStart < 3_000_000_000L
                || threads.getCurrentThreadCpuTime() < warmUpCpuEnd && System.nanoTime() - warmUpStart < 60_000_000_000L) {
            sink += inspect(inspector, content, password).serial().length();
        }
        long n = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long now;
        do {
            sink += inspect(inspector, content, password).serial().length();
            n++;
            now = System.nanoTime();
        } while (now < end);
        double elapsed = (now - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%-72s %,9.0f /s wall  %,9.0f /s per CPU-second  (%,d in %.1f s wall, %.1f s CPU; %.1f µs CPU each) [%d]%n",
                name, n / elapsed, n / cpu, n, elapsed, cpu, cpu * 1e6 / n, sink % 7);
    }

    private static CertificateFacts inspect(CertificateInspector inspector, byte[] content, char[] password) {
        return inspector.inspect(content.clone(), password == null ? null : password.clone());
    }
}
