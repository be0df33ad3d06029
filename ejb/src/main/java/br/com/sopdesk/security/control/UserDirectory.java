package br.com.sopdesk.security.control;

import br.com.sopdesk.security.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Optional;
import java.util.Set;

/** Looks up and creates sign-in accounts; the identity store and the demo loader use it. */
@Stateless
public class UserDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    private static volatile String dummyHash;

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hash.generate("not-a-password".toCharArray());
        }
        return dummyHash;
    }

    /** The active account whose password matches, if any. */
    public Optional<UserAccount> authenticate(String username, char[] password) {
        UserAccount account = username == null ? null : em.find(UserAccount.class, username.strip().toLowerCase());
        if (account == null || !account.isActive()) {
            // spend the same time as a real check, so timing does not reveal which names exist
            hash.verify(password, dummyHash());
            return Optional.empty();
        }
        return hash.verify(password, account.getPasswordHash()) ? Optional.of(account) : Optional.empty();
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(em.find(UserAccount.class, username));
    }

    /** Creates the account unless one with this name exists; returns whether it created it. */
    public boolean createIfAbsent(String username, String displayName, String password, Set<String> roles) {
        if (em.find(UserAccount.class, username) != null) {
            return false;
        }
        em.persist(new UserAccount(username, displayName, hash.generate(password.toCharArray()), roles));
        return true;
    }
}
