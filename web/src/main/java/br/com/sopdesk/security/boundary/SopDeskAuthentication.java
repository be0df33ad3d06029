package br.com.sopdesk.security.boundary;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.security.control.ClientAddress;
import br.com.sopdesk.security.control.LoginThrottle;
import br.com.sopdesk.security.control.UserDirectory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How callers sign in, with the same accounts everywhere: the pages through the login form
 * ({@code /login.xhtml}, which hands the credentials over with {@code SecurityContext.authenticate}),
 * the REST API under {@code /api/} with HTTP Basic, and, when {@code sopdesk.oidc.enabled=true},
 * single sign-on through OpenID Connect (see {@link OidcSignOn}); Qualitor's own calls to
 * {@code /api/qualitor/*} with the integration's secret ({@link IntegrationCaller}). Jakarta Security 3 calls one
 * mechanism per application, hence one class for all three (an alternative with priority, so it
 * wins over the OpenID mechanism Soteria registers for {@link OidcSignOn}'s definition). An API caller without valid credentials
 * gets 401, never a redirect to a login page; a page visitor is sent to the login form.
 * <p>
 * Every password check first asks {@link LoginThrottle}: a user name that failed too often from
 * this client address ({@link ClientAddress}), or an address that failed too often, is refused
 * without checking the password (the form shows how long to wait; the API answers 429 with
 * {@code Retry-After}). Form sign-ins and every failure are audited; API
 * successes are not (each API call without the session cookie signs in again and would flood the trail).
 * <p>
 * A successful sign-in gives the session a new id (no session fixation) and remembers in it who
 * signed in, with their roles ({@link SignedIn}), and the account's security stamp
 * ({@link SessionGuard} signs the session out when the account changes). Later requests of the
 * session are signed in from it, name and roles together: not with {@code @AutoApplySession}, whose
 * roles Payara loses now and then under concurrent requests (see {@link SignedIn}). Only a session
 * named by the cookie counts; an id in the URL ({@code ;jsessionid=}) signs no one in. A session an
 * API call created by signing in with Basic idles out after {@code sopdesk.api.session-idle-seconds}
 * (300 by default) instead of the pages' 8 hours; a client that keeps its cookie is spared a
 * password hash per call meanwhile.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class SopDeskAuthentication implements HttpAuthenticationMechanism {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String BASIC_CHALLENGE = "Basic realm=\"SOP Desk\", charset=\"UTF-8\"";
    /** Request attribute: seconds the caller must wait, set when the throttle refused a form sign-in. */
    public static final String LOCKED_SECONDS = "sopdesk.login.lockedSeconds";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddress clientAddress;

    @Inject
    AuditLog audit;

    @Inject
    OidcSignOn oidc;

    @EJB
    UserDirectory users;

    @Inject
    ContentSecurityPolicy policy;

    @Inject
    IntegrationCaller integrationCaller;

    @Inject
    @ConfigProperty(name = "sopdesk.api.session-idle-seconds", defaultValue = "300")
    int apiSessionIdleSeconds;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        // a redirect or refusal decided here ends the request before the filters that set these
        SecurityHeaders.apply(request, response, policy.full());
        try {
            return validate(request, response, context);
        } catch (RuntimeException e) {
            if (!ErrorAnswers.databaseAway(e)) {
                throw e;
            }
            try {
                ErrorAnswers.databaseAway(request, response);
            } catch (IOException written) {
                throw new AuthenticationException(written);
            }
            return AuthenticationStatus.SEND_CONTINUE; // answered here
        }
    }

    private AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential form) {
            return passwordSignIn(form, false, request, response, context);
        }
        SignedIn signedIn = signedIn(request);
        if (signedIn != null) {
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (isApi(request)) {
            String header = request.getHeader("Authorization");
            if (IntegrationCaller.handles(request)) {
                AuthenticationStatus status = integration(header, request, response, context);
                if (status != null) {
                    return status;
                }
            }
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                UsernamePasswordCredential basic = decode(header.substring(6).strip());
                if (basic == null) {
                    return unauthorized(response, context);
                }
                return passwordSignIn(basic, true, request, response, context);
            }
            return context.isProtected() ? unauthorized(response, context) : context.doNothing();
        }
        if (oidc.handles(request)) {
            AuthenticationStatus status = oidc.validateRequest(request, response, context);
            if (status == AuthenticationStatus.SUCCESS && (context.getGroups() == null || context.getGroups().isEmpty())) {
                // the provider knows them, SOP Desk does not (OidcIdentityStore refused and audited it)
                context.cleanClientSubject();
                return context.redirect(request.getContextPath() + LOGIN_PAGE + "?sso=recusado");
            }
            if (status == AuthenticationStatus.SUCCESS && context.getCallerPrincipal() != null) {
                remember(request, context.getCallerPrincipal().getName(), context.getGroups(), false);
            }
            return status;
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + LoginView.backTo(request));
        }
        return context.doNothing();
    }

    private AuthenticationStatus passwordSignIn(UsernamePasswordCredential credential, boolean api, HttpServletRequest request,
                                                HttpServletResponse response, HttpMessageContext context) {
        String user = LoginThrottle.normalize(credential.getCaller());
        String address = clientAddress.of(request.getRemoteAddr(), clientAddress.header().map(request::getHeader).orElse(null));
        Optional<Duration> locked = throttle.lockedFor(user, address);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds() + (locked.get().toMillisPart() > 0 ? 1 : 0));
            return api ? tooManyAttempts(request, response, seconds) : refusedForm(request, context, seconds);
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(user, address);
            remember(request, result.getCallerPrincipal().getName(), result.getCallerGroups(), api);
            if (!api) {
                audit.record(result.getCallerPrincipal().getName(), "login", "usuário " + result.getCallerPrincipal().getName(), "formulário; endereço " + address);
            }
            return context.notifyContainerAboutLogin(result);
        }
        throttle.failed(user, address);
        audit.record(user.isEmpty() ? null : user, "login.falhou", "usuário " + user, (api ? "API (Basic)" : "formulário") + "; endereço " + address);
        // the form keeps its page (the login view shows the message); the API gets 401
        return api ? unauthorized(response, context) : context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * Qualitor's call with the integration's secret ({@link IntegrationCaller}): signed in for this
     * request only, no session, under the same throttle as any sign-in. Null when the request does
     * not present that credential (a person's Basic meets web.xml's 403, none the 401); the endpoints
     * answer 404 while no secret is set.
     */
    private AuthenticationStatus integration(String header, HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        IntegrationCaller.Credential credential = integrationCaller.current();
        if (!credential.on()) {
            try {
                ApiRefusal.write(request, response, 404, "http.404");
                response.flushBuffer();
            } catch (IOException e) {
                // the client went away; the refusal stands
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<String> presented = IntegrationCaller.Credential.bearer(header);
        if (presented.isEmpty() && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential basic = decode(header.substring(6).strip());
            if (basic != null && credential.isUser(basic.getCaller())) {
                presented = Optional.of(basic.getPasswordAsString());
            }
        }
        if (presented.isEmpty()) {
            return null;
        }
        String address = clientAddress.of(request.getRemoteAddr(), clientAddress.header().map(request::getHeader).orElse(null));
        Optional<Duration> locked = throttle.lockedFor(credential.user(), address);
        if (locked.isPresent()) {
            return tooManyAttempts(request, response, Math.max(1, locked.get().toSeconds() + (locked.get().toMillisPart() > 0 ? 1 : 0)));
        }
        if (credential.matches(presented.get())) {
            return context.notifyContainerAboutLogin(credential.user(), Set.of(IntegrationCaller.ROLE));
        }
        throttle.failed(credential.user(), address);
        audit.record(credential.user(), "login.falhou", "integração Qualitor " + credential.user(), "segredo recusado; endereço " + address);
        response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
        response.addHeader("WWW-Authenticate", "Bearer realm=\"SOP Desk\"");
        return context.responseUnauthorized();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.removeAttribute(SignedIn.ATTRIBUTE);
            } catch (IllegalStateException e) {
                // invalidated meanwhile: nobody is signed in through it any more
            }
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** Who signed in through the session the cookie names, if anyone; never through an id in the URL. */
    private static SignedIn signedIn(HttpServletRequest request) {
        if (request.isRequestedSessionIdFromURL()) {
            return null;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            return session.getAttribute(SignedIn.ATTRIBUTE) instanceof SignedIn s ? s : null;
        } catch (IllegalStateException e) {
            return null; // invalidated meanwhile
        }
    }

    /**
     * The session, under a new id, remembers who signed in, with their roles, and the account's
     * stamp; one an API call creates idles out soon.
     */
    private void remember(HttpServletRequest request, String username, Set<String> groups, boolean api) {
        HttpSession session = request.getSession(true);
        if (session.isNew()) {
            if (api) {
                session.setMaxInactiveInterval(apiSessionIdleSeconds);
            }
        } else {
            request.changeSessionId(); // an id known before the sign-in is worth nothing after it
        }
        session.setAttribute(SessionGuard.STAMP, users.freshStamp(username).orElse(""));
        session.setAttribute(SignedIn.ATTRIBUTE, new SignedIn(username, groups == null ? Set.of() : groups));
    }

    private static AuthenticationStatus refusedForm(HttpServletRequest request, HttpMessageContext context, long seconds) {
        request.setAttribute(LOCKED_SECONDS, seconds);
        return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
    }

    private static AuthenticationStatus tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long seconds) {
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType("application/json;charset=UTF-8");
            String message = seconds < 60 ? ApiRefusal.text(request, "login.throttled.seconds", seconds)
                    : ApiRefusal.text(request, "login.throttled.minutes", (seconds + 59) / 60);
            response.getWriter().write(JSON.createObjectBuilder().add("message", message).add("retryAfterSeconds", seconds).build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; the refusal stands
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
        return context.responseUnauthorized();
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
