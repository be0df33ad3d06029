package br.com.sopdesk.sandbox;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Qualitor's SOAP services and WSDLs in the WAR ({@code /ws/services/...}): a thin adapter to {@link SoapEndpoint}. */
@WebServlet("/ws/services/*")
public class SoapServlet extends HttpServlet {

    @Inject
    Sandbox sandbox;

    private volatile SoapEndpoint endpoint;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SoapEndpoint e = endpoint;
        if (e == null) {
            endpoint = e = new SoapEndpoint(sandbox.state());
        }
        ServletBridge.serve(req, resp, e::handle);
    }
}
