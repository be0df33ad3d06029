package br.com.sopdesk.security.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.security.entity.UserAccount;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in accounts: checking a password (the identity store), and their administration (create,
 * change roles or name, reset the password, deactivate), each change in the audit trail and never
 * with a password or hash in it. An administrator cannot lock themselves out (remove their own
 * admin role or deactivate themselves), so there is always someone to manage the others.
 */
@Stateless
public class UserDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    @EJB
    AuditLog audit;

    public static final int MIN_PASSWORD = 10;

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

    /**
     * The security stamp of an active account (see {@link UserAccount#getSecurityStamp()}); empty when
     * inactive or unknown. Read on every request, from the shared cache, which the data grid keeps
     * current across instances; no transaction needed.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> activeStamp(String username) {
        return stamp(em.find(UserAccount.class, username));
    }

    /** The same, read from the database (at sign-in), the shared cache refreshed with it. */
    public Optional<String> freshStamp(String username) {
        return stamp(em.find(UserAccount.class, username, Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS,
                "jakarta.persistence.cache.storeMode", CacheStoreMode.REFRESH)));
    }

    private static Optional<String> stamp(UserAccount account) {
        return account != null && account.isActive() ? Optional.of(account.getSecurityStamp()) : Optional.empty();
    }

    /** Creates the account unless one with this name exists; returns whether it created it. */
    public boolean createIfAbsent(String username, String displayName, String password, Set<String> roles) {
        if (em.find(UserAccount.class, username) != null) {
            return false;
        }
        em.persist(new UserAccount(username, displayName, hash.generate(password.toCharArray()), roles));
        return true;
    }

    public List<UserAccount> all() {
        return em.createQuery("select u from UserAccount u order by u.username", UserAccount.class).getResultList();
    }

    /** Creates an account for an administrator's request. */
    public UserAccount create(String admin, String username, String displayName, String password, Set<String> roles) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!UserAccount.USERNAME.matcher(name).matches()) {
            throw new InvalidUserChangeException("security.user.name-invalid");
        }
        if (em.find(UserAccount.class, name) != null) {
            throw new InvalidUserChangeException("security.user.exists", name);
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidUserChangeException("security.user.display-name");
        }
        checkRoles(roles);
        checkPassword(password);
        UserAccount account = new UserAccount(name, displayName.strip(), hash.generate(password.toCharArray()), roles);
        em.persist(account);
        audit.record(admin, "usuario.criado", "usuário " + name, "nome: '" + account.getDisplayName() + "'; papéis: " + String.join(",", new java.util.TreeSet<>(roles)));
        return account;
    }

    /** Changes what is given (null leaves it as is); returns the account. */
    public UserAccount change(String admin, String username, String displayName, Set<String> roles, Boolean active, String newPassword) {
        UserAccount account = find(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidUserChangeException(InvalidUserChangeException.UNKNOWN_USER, username));
        boolean self = account.getUsername().equalsIgnoreCase(admin);
        List<String> changes = new ArrayList<>();
        if (displayName != null) {
            if (displayName.isBlank() || displayName.length() > 200) {
                throw new InvalidUserChangeException("security.user.display-name");
            }
            changes.add(account.rename(displayName));
        }
        if (roles != null) {
            checkRoles(roles);
            if (self && !roles.contains("admin")) {
                throw new InvalidUserChangeException("security.user.own-admin");
            }
            changes.add(account.changeRoles(roles));
        }
        if (active != null) {
            if (self && !active) {
                throw new InvalidUserChangeException("security.user.own-deactivation");
            }
            changes.add(account.activate(active));
        }
        if (newPassword != null) {
            checkPassword(newPassword);
            changes.add(account.resetPassword(hash.generate(newPassword.toCharArray())));
        }
        String detail = String.join("; ", changes.stream().filter(c -> !c.isEmpty()).toList());
        if (!detail.isEmpty()) {
            audit.record(admin, "usuario.alterado", "usuário " + account.getUsername(), detail);
        }
        return account;
    }

    private static void checkRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !UserAccount.ROLES.containsAll(roles)) {
            throw new InvalidUserChangeException("security.user.roles");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.isBlank()) {
            throw new InvalidUserChangeException("security.password.short", MIN_PASSWORD);
        }
        if (password.length() > 200) {
            throw new InvalidUserChangeException("security.password.long", 200);
        }
    }
}
