package br.com.sopdesk.certificate.entity;

/**
 * The ICP-Brasil certificate type, named by the policy OID the CA put in the certificate
 * ({@code 2.16.76.1.2.<n>.x}, DOC-ICP-04): A1 lives in a file, A3 on a token or smart card.
 */
public enum CertificateType {
    A1, A2, A3, A4, UNKNOWN;

    private static final String ICP_POLICIES = "2.16.76.1.2.";

    /** The type of a policy OID, or {@code UNKNOWN} for one outside the A-series of ICP-Brasil. */
    public static CertificateType ofPolicy(String oid) {
        if (oid == null || !oid.startsWith(ICP_POLICIES)) {
            return UNKNOWN;
        }
        String rest = oid.substring(ICP_POLICIES.length());
        int dot = rest.indexOf('.');
        return switch (dot < 0 ? rest : rest.substring(0, dot)) {
            case "1" -> A1;
            case "2" -> A2;
            case "3" -> A3;
            case "4" -> A4;
            default -> UNKNOWN;
        };
    }

    /** Whether the OID is one of ICP-Brasil's certificate policies (any series). */
    public static boolean isIcpBrasil(String oid) {
        return oid != null && oid.startsWith(ICP_POLICIES);
    }
}
