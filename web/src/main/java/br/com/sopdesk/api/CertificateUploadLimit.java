package br.com.sopdesk.api;

import br.com.sopdesk.certificate.control.CertificateInspector;
import br.com.sopdesk.certificate.control.UnreadableCertificateException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses an oversized certificate upload (413, with the reason in JSON) before its body is parsed:
 * multipart bodies are kept in memory, so their size is bounded here, by the declared length (the
 * body is then read and dropped, never kept) or, without one, by cutting the stream.
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
        long limit = (long) inspector.maxBytes() + ENVELOPE_BYTES;
        if (request.getLength() > limit) {
            discard(request.getEntityStream());
            UnreadableCertificateException e = new UnreadableCertificateException(UnreadableCertificateException.Reason.TOO_LARGE,
                    inspector.maxBytes() / 1024);
            request.abortWith(Response.status(413).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(CertificateResource.Problem.of(e, request.getAcceptableLanguages())).build());
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit));
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

    /** Stops reading once the limit is passed. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("upload over the limit");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("upload over the limit");
            }
            return n;
        }
    }
}
