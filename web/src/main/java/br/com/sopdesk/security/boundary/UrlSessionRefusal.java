package br.com.sopdesk.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sessions travel only in the cookie. Payara still reads a session id written into the address
 * ({@code ;jsessionid=}) although web.xml tracks sessions by cookie only, so a link carrying someone
 * else's id would act in their session. {@link SopDeskAuthentication} signs no one in through such an
 * id; this refuses the rest of the request: a read is sent to the same address without the id (the
 * browser then comes back with its own cookie), any other method gets 400.
 */
public class UrlSessionRefusal extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!request.isRequestedSessionIdFromURL()) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            // Payara has already taken the id out of the request URI
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
