package br.com.sopdesk.security.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Vetoed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on through OpenID Connect, off unless {@code sopdesk.oidc.enabled=true}.
 * <p>
 * Why not simply {@code @OpenIdAuthenticationMechanismDefinition} on a class: in Jakarta Security 3
 * (Payara 6) that annotation makes Soteria register the OpenID mechanism as <em>the</em>
 * application's mechanism, which cannot coexist with {@link SopDeskAuthentication} (form + Basic)
 * and cannot be switched off by configuration. Instead this bean produces the definition Soteria
 * reads (the annotation's defaults with the values from MicroProfile Config, keys
 * {@code sopdesk.oidc.*}, replacing Soteria's empty one), and {@link SopDeskAuthentication} hands
 * {@code /sso} and the provider's callback to Soteria's OpenID mechanism when enabled. Who may do
 * what still comes from SOP Desk's own accounts ({@link OidcIdentityStore}).
 */
@ApplicationScoped
public class OidcSignOn {

    static final String ENTRY = "/sso";
    static final String CALLBACK = "/oidc/callback";
    private static final String SOTERIA_MECHANISM = "org.glassfish.soteria.mechanisms.OpenIdAuthenticationMechanism";

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.provider-uri")
    Optional<String> providerUri;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.scope", defaultValue = "openid,email,profile")
    String scope;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.caller-name-claim", defaultValue = "preferred_username")
    String callerNameClaim;

    /** Optional: the provider's endpoints, when its discovery document cannot be read. */
    @Inject
    @ConfigProperty(name = "sopdesk.oidc.authorization-endpoint")
    Optional<String> authorizationEndpoint;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.token-endpoint")
    Optional<String> tokenEndpoint;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.jwks-uri")
    Optional<String> jwksUri;

    @Inject
    @ConfigProperty(name = "sopdesk.oidc.issuer")
    Optional<String> issuer;

    private volatile HttpAuthenticationMechanism mechanism;

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether this request is the sign-on entry or the provider's answer, and sign-on is on. */
    boolean handles(HttpServletRequest request) {
        if (!enabled) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(ENTRY) || path.equals(CALLBACK);
    }

    AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        return soteria().validateRequest(request, response, context);
    }

    private HttpAuthenticationMechanism soteria() {
        if (mechanism == null) {
            try {
                Class<?> type = Class.forName(SOTERIA_MECHANISM, true, HttpAuthenticationMechanism.class.getClassLoader());
                mechanism = (HttpAuthenticationMechanism) CDI.current().select(type).get();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("OpenID Connect ligado (sopdesk.oidc.enabled), mas o servidor não tem o mecanismo do Soteria", e);
            }
        }
        return mechanism;
    }

    /** The definition Soteria's OpenID mechanism and identity store read, built from MicroProfile Config. */
    @Produces
    @Alternative
    @Priority(100)
    OpenIdAuthenticationMechanismDefinition definition() {
        OpenIdAuthenticationMechanismDefinition defaults = Defaults.class.getAnnotation(OpenIdAuthenticationMechanismDefinition.class);
        Map<String, Object> values = new HashMap<>();
        values.put("providerURI", providerUri.orElse(""));
        values.put("clientId", clientId.orElse(""));
        values.put("clientSecret", clientSecret.orElse(""));
        values.put("redirectURI", "${baseURL}" + CALLBACK);
        values.put("scope", scope.split("\\s*,\\s*"));
        values.put("useSession", true);
        values.put("redirectToOriginalResource", true);
        values.put("claimsDefinition", override(ClaimsDefinition.class, defaults.claimsDefinition(), Map.of("callerNameClaim", callerNameClaim)));
        Map<String, Object> metadata = new HashMap<>();
        authorizationEndpoint.ifPresent(v -> metadata.put("authorizationEndpoint", v));
        tokenEndpoint.ifPresent(v -> metadata.put("tokenEndpoint", v));
        jwksUri.ifPresent(v -> metadata.put("jwksURI", v));
        issuer.ifPresent(v -> metadata.put("issuer", v));
        values.put("providerMetadata", override(OpenIdProviderMetadata.class, defaults.providerMetadata(), metadata));
        return override(OpenIdAuthenticationMechanismDefinition.class, defaults, values);
    }

    /** An annotation instance answering the given members and the original's for the rest. */
    static <A extends Annotation> A override(Class<A> type, A original, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (args == null && values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (method.getName().equals("toString")) {
                return "@" + type.getName() + values;
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(self);
            }
            if (method.getName().equals("equals")) {
                return self == args[0];
            }
            try {
                return method.invoke(original, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    /** Holds the annotation's defaults; never a bean, so Soteria does not see it as a definition. */
    @Vetoed
    @OpenIdAuthenticationMechanismDefinition(providerURI = "", clientId = "")
    static final class Defaults {
    }
}
