package br.com.sopdesk.sandbox;

import br.com.sopdesk.sandbox.SandboxQualitor.SandboxFault;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Qualitor's stateless endpoint: {@code POST /ws/statelessws.php} with the form fields user,
 * password, company, wsdl_file, operation and input_xml, answering {@code <wsqualitor>} in
 * ISO-8859-1. Credentials come from {@code sandbox.user}, {@code sandbox.password} and
 * {@code sandbox.company} (defaults: integracao / sandbox / 1).
 */
@WebServlet("/ws/statelessws.php")
public class StatelessWsServlet extends HttpServlet {

    @Inject
    Sandbox sandbox;

    @Inject
    WsOperations operations;

    @Inject
    @ConfigProperty(name = "sandbox.user", defaultValue = "integracao")
    String user;

    @Inject
    @ConfigProperty(name = "sandbox.password", defaultValue = "sandbox")
    String password;

    @Inject
    @ConfigProperty(name = "sandbox.company", defaultValue = "1")
    String company;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("ISO-8859-1");
        Faults faults = sandbox.faults();
        pause(faults.baseLatencyMillis());
        String operation = Objects.toString(req.getParameter("operation"), "");
        Faults.Kind fault = faults.next(operation);
        if (fault == Faults.Kind.HTTP_500 || fault == Faults.Kind.DOWN) {
            resp.sendError(fault == Faults.Kind.DOWN ? 503 : 500, "sandbox fault");
            return;
        }
        resp.setContentType("text/xml; charset=ISO-8859-1");
        if (fault == Faults.Kind.MALFORMED) {
            resp.getWriter().write("<html><body>Fatal error: Allowed memory size exhausted");
            return;
        }
        if (fault == Faults.Kind.STATUS_0) {
            resp.getWriter().write(WsOperations.error("98", "Ws - Falha simulada pelo sandbox."));
            return;
        }
        if (!"getVersion".equals(operation)
                && !(user.equals(req.getParameter("user")) && sandbox.password(password).equals(req.getParameter("password"))
                && company.equals(req.getParameter("company")))) {
            resp.getWriter().write(WsOperations.error("1", "Ws - Usuário ou senha inválidos."));
            return;
        }
        try {
            String answer = WsOperations.ok(operations.run(Objects.toString(req.getParameter("wsdl_file"), ""), operation,
                    req.getParameter("input_xml")));
            if (fault == Faults.Kind.SLOW_ANSWER) {
                pause(faults.faultLatencyMillis());
            } else if (fault == Faults.Kind.RESET) {
                // done, but the answer is cut: announce more bytes than are sent, then drop the connection
                byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                resp.setContentLength(bytes.length + 512);
                resp.getOutputStream().write(bytes, 0, Math.min(40, bytes.length));
                resp.flushBuffer();
                throw new IOException("sandbox fault: connection cut");
            }
            resp.getWriter().write(answer);
        } catch (SandboxFault f) {
            resp.getWriter().write(WsOperations.error(f.code, f.getMessage()));
        }
    }

    static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
