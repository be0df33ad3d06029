package br.com.sopdesk.api;

import br.com.sopdesk.certificate.control.CertificateInspector;
import br.com.sopdesk.certificate.control.UnreadableCertificateException;
import br.com.sopdesk.certificate.control.UnreadableCertificateException.Reason;
import br.com.sopdesk.i18n.ApiLocale;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bounds a certificate upload before Jersey's multipart reader sees it, so every bad request gets
 * the API's JSON answer instead of an exception inside the reader (and the container's error page):
 * a declared length over the limit is refused at once (the body read and dropped, never kept); any
 * other body, chunked ones included, is read into memory up to the limit — multipart bodies are
 * kept in memory anyway — and refused with 413 past it; a multipart body without a boundary, or
 * whose parts do not use the one declared, is refused with 400 {@code BAD_MULTIPART}.
 */
@Provider
public class CertificateUploadLimit implements ContainerRequestFilter {

    /** Room for the multipart headers, the password and the other small fields. */
    static final int ENVELOPE_BYTES = 16 * 1024;

    @Context
    ResourceInfo resource;

    @Inject
    CertificateInspector inspector;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource == null || resource.getResourceClass() != CertificateResource.class) {
            return;
        }
        int limit = inspector.maxBytes() + ENVELOPE_BYTES;
        if (request.getLength() > limit) {
            discard(request.getEntityStream());
            tooLarge(request);
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return; // answered 415 by the resource
        }
        byte[] body;
        try {
            body = request.getEntityStream().readNBytes(limit + 1);
        } catch (IOException e) {
            refuse(request, new UnreadableCertificateException(Reason.BAD_MULTIPART));
            return;
        }
        if (body.length > limit) {
            discard(request.getEntityStream());
            tooLarge(request);
            return;
        }
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isBlank() || indexOf(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1)) < 0) {
            refuse(request, new UnreadableCertificateException(Reason.BAD_MULTIPART));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private void tooLarge(ContainerRequestContext request) {
        refuse(request, new UnreadableCertificateException(Reason.TOO_LARGE, inspector.maxBytes() / 1024));
    }

    private static void refuse(ContainerRequestContext request, UnreadableCertificateException e) {
        request.abortWith(CertificateResource.problem(e, ApiLocale.of(request.getAcceptableLanguages())));
    }

    /** Reads and drops what the client is sending (up to 16 MB), so it reads the answer instead of blocking on its upload. */
    private static void discard(InputStream body) {
        byte[] buffer = new byte[8192];
        try {
            for (long read = 0; read < 16L * 1024 * 1024; ) {
                int n = body.read(buffer);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static int indexOf(byte[] body, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= body.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (body[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
