package br.com.sopdesk.security.boundary;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.security.control.UserDirectory;
import br.com.sopdesk.security.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Locale;
import java.util.Optional;

/**
 * Accepts a caller signed on through OpenID Connect only when SOP Desk has an active account with
 * the same user name (the provider's {@code preferred_username} claim by default), and gives them
 * that account's roles: the provider says who someone is, SOP Desk's administrators decide what
 * they may do. Soteria's own OpenID identity store checks the tokens first. (It keeps the default
 * validation types: a store that does not also provide groups has the groups of its result ignored.)
 */
@ApplicationScoped
public class OidcIdentityStore implements IdentityStore {

    private static final String SOTERIA_CREDENTIAL = "org.glassfish.soteria.mechanisms.openid.OpenIdCredential";
    private static final String SOTERIA_STORE = "org.glassfish.soteria.mechanisms.openid.OpenIdIdentityStore";

    @Inject
    OidcSignOn oidc;

    @Inject
    UserDirectory users;

    @Inject
    AuditLog audit;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!oidc.isEnabled() || !credential.getClass().getName().equals(SOTERIA_CREDENTIAL)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        CredentialValidationResult tokens;
        try {
            tokens = soteriaStore().validate(credential);
        } catch (RuntimeException e) {
            // a token with a bad signature, issuer, audience or nonce: refused, not an error page
            tokens = CredentialValidationResult.INVALID_RESULT;
        }
        if (tokens.getStatus() != CredentialValidationResult.Status.VALID) {
            audit.record(null, "login.falhou", "login único", "tokens do provedor recusados");
            return CredentialValidationResult.INVALID_RESULT;
        }
        String name = tokens.getCallerPrincipal().getName().strip().toLowerCase(Locale.ROOT);
        Optional<UserAccount> account = users.find(name).filter(UserAccount::isActive);
        if (account.isEmpty()) {
            audit.record(name, "login.falhou", "usuário " + name, "login único: sem usuário ativo no SOP Desk");
            return CredentialValidationResult.INVALID_RESULT;
        }
        audit.record(name, "login", "usuário " + name, "login único (OpenID Connect)");
        return new CredentialValidationResult(name, account.get().getRoles());
    }

    @Override
    public int priority() {
        return 10;
    }

    private IdentityStore soteriaStore() {
        return OidcSignOn.soteriaBean(SOTERIA_STORE, IdentityStore.class);
    }
}
