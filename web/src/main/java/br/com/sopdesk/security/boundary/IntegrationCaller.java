package br.com.sopdesk.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Qualitor's own credential: its service flow calls SOP Desk on its triggers ({@code /api/qualitor/*})
 * as a system, not as a person, so it holds no account but one shared secret from MicroProfile Config
 * ({@code sopdesk.qualitor.inbound.secret}, in practice a password alias), sent as
 * {@code Authorization: Bearer <secret>} or, for tools that only offer Basic, as the password of user
 * {@code sopdesk.qualitor.inbound.user}. It is compared in constant time and grants the role
 * {@value #ROLE}, which only {@code /api/qualitor/*} accepts (web.xml), for that request alone. Without
 * a secret of at least {@value #MIN_SECRET} characters the endpoints are off. Read on every call, so a
 * new secret applies without a redeploy, on every instance at once.
 */
@ApplicationScoped
public class IntegrationCaller {

    /** The role of the integration's calls; no account holds it. */
    public static final String ROLE = "integration";
    static final String PATH = "/api/qualitor/";
    static final int MIN_SECRET = 16;
    private static final Logger LOG = Logger.getLogger(IntegrationCaller.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** Whether the request is for the integration's endpoints. */
    static boolean handles(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + PATH);
    }

    /** The credential in force. */
    Credential current() {
        Config c = ConfigProvider.getConfig();
        Credential credential = new Credential(c.getOptionalValue("sopdesk.qualitor.inbound.secret", String.class).orElse(""),
                c.getOptionalValue("sopdesk.qualitor.inbound.user", String.class).orElse("qualitor"));
        if (!credential.secret().isEmpty() && !credential.on() && WARNED.compareAndSet(false, true)) {
            LOG.warning("sopdesk.qualitor.inbound.secret tem menos de " + MIN_SECRET + " caracteres: aviso de mudança do Qualitor desligado");
        }
        return credential;
    }

    /** The configured secret and the user name it goes with under Basic. */
    record Credential(String secret, String user) {

        Credential {
            secret = secret == null ? "" : secret.strip();
            user = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
        }

        /** Whether the endpoints are on: a secret long enough to be one. */
        boolean on() {
            return secret.length() >= MIN_SECRET;
        }

        /** Whether {@code presented} is the secret, in a time that does not depend on where they differ nor on their lengths. */
        boolean matches(String presented) {
            return on() && presented != null && MessageDigest.isEqual(sha256(secret), sha256(presented));
        }

        /** What a Bearer header presents as the secret; empty for any other header or none. */
        static Optional<String> bearer(String authorization) {
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? Optional.of(authorization.substring(7).strip()) : Optional.empty();
        }

        /** Whether a Basic sign-in under {@code name} is the integration's (compared as accounts are: trimmed, any case). */
        boolean isUser(String name) {
            return !user.isEmpty() && name != null && user.equals(name.strip().toLowerCase(Locale.ROOT));
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
