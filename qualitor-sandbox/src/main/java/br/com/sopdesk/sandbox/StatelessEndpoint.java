package br.com.sopdesk.sandbox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Qualitor's stateless endpoint, {@code POST /ws/statelessws.php}, without a container. The
 * parameters user, password, company, wsdl_file, operation and input_xml come from the form body
 * or the query string (a public client sends them there; the body wins). They are percent-decoded
 * to bytes: {@code input_xml} is parsed from those bytes, so its declaration decides the encoding
 * (UTF-8 without one) and bytes a standards parser refuses are refused; the others are read in the
 * request's charset, UTF-8 by default. Answers {@code <wsqualitor>} in ISO-8859-1.
 */
final class StatelessEndpoint {

    private final SandboxState state;
    private final WsOperations operations;

    StatelessEndpoint(SandboxState state) {
        this.state = state;
        this.operations = new WsOperations(state);
    }

    Wire.Response handle(Wire.Request r) {
        if (!"POST".equalsIgnoreCase(r.method())) {
            return Wire.Response.text(405, "Use POST.").withHeader("Allow", "POST");
        }
        Map<String, byte[]> params = new HashMap<>();
        Wire.decodeForm(r.query() == null ? null : r.query().getBytes(StandardCharsets.ISO_8859_1), params);
        if (Wire.isForm(r.contentType())) {
            Wire.decodeForm(r.body(), params);
        }
        Charset charset = Wire.charsetOf(r.contentType(), StandardCharsets.UTF_8);
        String operation = text(params, "operation", charset);
        Faults faults = state.faults();
        Faults.pause(faults.baseLatencyMillis());
        Faults.Kind fault = faults.next(operation);
        Wire.Response failed = Faults.failure(fault);
        if (failed != null) {
            return failed;
        }
        if (fault == Faults.Kind.STATUS_0) {
            return Wire.Response.xml(200, WsOperations.error("98", "Ws - Falha simulada pelo sandbox."));
        }
        if (!"getVersion".equals(operation) && !state.credentials(text(params, "user", charset), text(params, "password", charset),
                text(params, "company", charset))) {
            return Wire.Response.xml(200, WsOperations.error("1", "Ws - Usuário ou senha inválidos."));
        }
        String wsdlFile = text(params, "wsdl_file", charset);
        String service = service(wsdlFile, state.wsdlFileSpelling());
        if (service == null || !WsOperations.OPERATIONS.get(service).contains(operation)) {
            return Wire.Response.xml(200, WsOperations.error("2", "Ws - Operação desconhecida: " + wsdlFile + "/" + operation));
        }
        String answer;
        try {
            answer = WsOperations.ok(operations.run(service, operation, params.get("input_xml")));
        } catch (SandboxFault f) {
            return Wire.Response.xml(200, WsOperations.error(f.code, f.getMessage()));
        }
        Wire.Response ok = Wire.Response.xml(200, answer);
        if (fault == Faults.Kind.SLOW_ANSWER) {
            Faults.pause(faults.faultLatencyMillis());
        }
        return fault == Faults.Kind.RESET ? ok.cutOff() : ok;
    }

    /** The service a {@code wsdl_file} names under {@code spelling} ({@code WSTicket}, {@code WSGeneral}), or null. */
    static String service(String wsdlFile, SandboxState.WsdlFileSpelling spelling) {
        String lower = wsdlFile.strip().toLowerCase(java.util.Locale.ROOT);
        boolean suffixed = lower.endsWith(".wsdl");
        String bare = suffixed ? lower.substring(0, lower.length() - ".wsdl".length()) : lower;
        if (suffixed && spelling == SandboxState.WsdlFileSpelling.BARE_ONLY
                || !suffixed && spelling == SandboxState.WsdlFileSpelling.SUFFIXED_ONLY) {
            return null;
        }
        return WsOperations.OPERATIONS.keySet().stream().filter(s -> s.toLowerCase(java.util.Locale.ROOT).equals(bare))
                .findFirst().orElse(null);
    }

    private static String text(Map<String, byte[]> params, String name, Charset charset) {
        byte[] value = params.get(name);
        return value == null ? "" : new String(value, charset);
    }
}
