package br.com.sopdesk.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on through OpenID Connect, off unless {@code sopdesk.oidc.enabled=true}.
 * <p>
 * The definition below is Jakarta Security's, with every value an EL expression on this bean, so
 * the values come from MicroProfile Config (keys {@code sopdesk.oidc.*}) when Soteria builds its
 * configuration. In Jakarta Security 3 (Payara 6) the definition also registers Soteria's OpenID
 * mechanism as a second application mechanism; {@link SopDeskAuthentication} is a prioritised
 * alternative, so it stays the one Payara calls (form + Basic keep working, OpenID Connect cannot
 * take over), and it hands {@code /sso} and the provider's callback to Soteria's OpenID mechanism
 * only when enabled. Who may do what still comes from SOP Desk's own accounts
 * ({@link OidcIdentityStore}).
 */
@ApplicationScoped
@Named("sopdeskOidc")
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${sopdeskOidc.providerUri}",
        clientId = "${sopdeskOidc.clientId}",
        clientSecret = "${sopdeskOidc.clientSecret}",
        redirectURI = "${baseURL}" + OidcSignOn.CALLBACK,
        scopeExpression = "${sopdeskOidc.scope}",
        useSession = true,
        redirectToOriginalResource = false,
        // roles come from SOP Desk's accounts only, never from a groups claim in the provider's token
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "${sopdeskOidc.callerNameClaim}", callerGroupsClaim = "sopdesk-ignores-provider-groups"),
        providerMetadata = @OpenIdProviderMetadata(
                issuer = "${sopdeskOidc.issuer}",
                authorizationEndpoint = "${sopdeskOidc.authorizationEndpoint}",
                tokenEndpoint = "${sopdeskOidc.tokenEndpoint}",
                jwksURI = "${sopdeskOidc.jwksUri}"))
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
    private volatile jakarta.json.JsonObject discovery;

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
            mechanism = soteriaBean(SOTERIA_MECHANISM, HttpAuthenticationMechanism.class);
        }
        return mechanism;
    }

    /**
     * One of Payara's own Soteria beans, found by its class name: they are typed to their
     * implementation classes, which the application's class loader cannot name.
     */
    static <T> T soteriaBean(String className, Class<T> as) {
        BeanManager beans = CDI.current().getBeanManager();
        Bean<?> bean = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .filter(b -> b.getBeanClass().getName().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalStateException("OpenID Connect is on (sopdesk.oidc.enabled), but the server does not offer " + className));
        return as.cast(beans.getReference(bean, Object.class, beans.createCreationalContext(bean)));
    }

    // values read by the definition above through EL, each time Soteria builds its configuration

    public String getProviderUri() {
        return providerUri.orElse("");
    }

    public String getClientId() {
        return clientId.orElse("");
    }

    public String getClientSecret() {
        return clientSecret.orElse("");
    }

    public String getScope() {
        return String.join(" ", scope.split("\\s*,\\s*"));
    }

    public String getCallerNameClaim() {
        return callerNameClaim;
    }

    public String getIssuer() {
        return issuer.orElseGet(() -> discovered("issuer"));
    }

    public String getAuthorizationEndpoint() {
        return authorizationEndpoint.orElseGet(() -> discovered("authorization_endpoint"));
    }

    public String getTokenEndpoint() {
        return tokenEndpoint.orElseGet(() -> discovered("token_endpoint"));
    }

    public String getJwksUri() {
        return jwksUri.orElseGet(() -> discovered("jwks_uri"));
    }

    /**
     * A value of the provider's discovery document. The definition's metadata members are EL
     * expressions, so Soteria takes them as given even when empty; unset keys are filled from the
     * document here (read once).
     */
    private String discovered(String field) {
        if (!enabled || providerUri.isEmpty()) {
            return "";
        }
        if (discovery == null) {
            String url = providerUri.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
            try {
                java.net.http.HttpResponse<java.io.InputStream> answer = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(10)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(answer.body())) {
                    discovery = reader.readObject();
                }
            } catch (java.io.IOException | RuntimeException e) {
                throw new IllegalStateException("could not read the OpenID provider's document: " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return discovery.getString(field, "");
    }
}
