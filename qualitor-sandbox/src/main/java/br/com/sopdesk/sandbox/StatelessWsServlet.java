package br.com.sopdesk.sandbox;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Qualitor's stateless endpoint in the WAR: a thin adapter to {@link StatelessEndpoint}. */
@WebServlet("/ws/statelessws.php")
public class StatelessWsServlet extends HttpServlet {

    @Inject
    Sandbox sandbox;

    private volatile StatelessEndpoint endpoint;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StatelessEndpoint e = endpoint;
        if (e == null) {
            endpoint = e = new StatelessEndpoint(sandbox.state());
        }
        ServletBridge.serve(req, resp, e::handle);
    }
}
