package br.com.sopdesk.security.boundary;

import br.com.sopdesk.security.control.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Validates user name and password against the accounts in the database; the roles become groups. */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    UserDirectory users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.authenticate(credential.getCaller(), credential.getPassword().getValue())
                .map(u -> new CredentialValidationResult(u.getUsername(), u.getRoles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
