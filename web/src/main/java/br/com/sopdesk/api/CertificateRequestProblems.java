package br.com.sopdesk.api;

import br.com.sopdesk.certificate.control.UnreadableCertificateException;
import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import br.com.sopdesk.i18n.ApiLocale;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * When Jersey's multipart reader refuses a certificate upload that passed {@link CertificateUploadLimit}
 * (a part with broken headers, say), the caller gets the documented {@code 400 {"reason":
 * "BAD_MULTIPART", "message"}} instead of the container's HTML error page. Other resources' 400s
 * are answered as {@link ApiErrors} answers them (an empty body: 422 with a message; never an empty 400).
 */
@Provider
public class CertificateRequestProblems implements ExceptionMapper<BadRequestException> {

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(BadRequestException e) {
        if (resource == null || resource.getResourceClass() != CertificateResource.class) {
            return ApiErrors.answer(e, ApiErrors.locale(headers));
        }
        return CertificateResource.problem(new UnreadableCertificateException(Reason.BAD_MULTIPART), ApiLocale.of(headers));
    }
}
