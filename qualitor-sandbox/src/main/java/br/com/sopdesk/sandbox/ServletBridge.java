package br.com.sopdesk.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a servlet exchange into a {@link Wire.Request} for an endpoint and writes its {@link Wire.Response} back. */
final class ServletBridge {

    private ServletBridge() {
    }

    static void serve(HttpServletRequest req, HttpServletResponse resp, Function<Wire.Request, Wire.Response> endpoint) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        String url = req.getRequestURL().toString();
        String base = url.substring(0, url.length() - req.getRequestURI().length()) + req.getContextPath();
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Wire.Request request = new Wire.Request(req.getMethod(), path, req.getQueryString(), req.getContentType(), headers,
                req.getInputStream().readAllBytes(), base);
        Wire.Response answer = endpoint.apply(request);
        resp.setStatus(answer.status());
        resp.setContentType(answer.contentType());
        answer.headers().forEach(resp::addHeader);
        byte[] body = answer.body();
        if (answer.cut()) {
            // done, but the answer is cut: announce more bytes than are sent, then drop the connection
            resp.setContentLength(body.length + 512);
            resp.getOutputStream().write(body, 0, answer.cutAfter());
            resp.flushBuffer();
            throw new IOException("sandbox fault: connection cut");
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
