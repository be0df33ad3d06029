package br.com.sopdesk.security.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import br.com.sopdesk.platform.Utc;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.annotations.CacheCoordinationType;

/**
 * A person who signs in to SOP Desk, with the roles that decide what they see: {@code agent},
 * {@code supervisor}, {@code admin}. Only a PBKDF2 hash of the password is stored.
 * <p>
 * The security stamp changes whenever what the account may do changes (roles, deactivation or
 * reactivation, a password reset): a session remembers the stamp it signed in with, and one whose
 * stamp no longer matches is signed out on its next request, on every instance. Every request
 * checks the stamp, so accounts are kept in the shared cache; a change made on another instance
 * invalidates the copy here through the data grid (cache coordination), and a copy expires after
 * 5 s should a message be lost.
 */
@Entity
@Cacheable
@Cache(expiry = 5_000, coordinationType = CacheCoordinationType.INVALIDATE_CHANGED_OBJECTS)
@Table(name = "user_account")
public class UserAccount {

    public static final Set<String> ROLES = Set.of("agent", "supervisor", "admin");

    @Id
    @Column(length = 80)
    private String username;

    @Column(name = "display_name", length = 200, nullable = false)
    private String displayName;

    @Column(name = "password_hash", length = 400, nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role", length = 20)
    private Set<String> roles = new TreeSet<>();

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "security_stamp", length = 40, nullable = false)
    private String securityStamp;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Set<String> roles) {
        if (!ROLES.containsAll(roles) || roles.isEmpty()) {
            throw new IllegalArgumentException("roles not among " + ROLES + ": " + roles);
        }
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new TreeSet<>(roles);
        this.createdAt = Utc.of(Instant.now());
        this.securityStamp = newStamp();
    }

    private static String newStamp() {
        return java.util.UUID.randomUUID().toString();
    }

    /** Allowed user names: 2 to 80 of lower-case letters, digits, dot, dash, underscore, at-sign. */
    public static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._@-]{1,79}");

    /** Replaces the roles; returns a description of the change for the audit trail, empty if none. */
    public String changeRoles(Set<String> newRoles) {
        if (newRoles == null || newRoles.isEmpty() || !ROLES.containsAll(newRoles)) {
            throw new IllegalArgumentException("roles not among " + ROLES + ": " + newRoles);
        }
        if (roles.equals(new TreeSet<>(newRoles))) {
            return "";
        }
        String before = String.join(",", new TreeSet<>(roles));
        roles.clear();
        roles.addAll(newRoles);
        securityStamp = newStamp();
        return "papéis: " + before + " -> " + String.join(",", new TreeSet<>(newRoles));
    }

    public String rename(String newDisplayName) {
        if (newDisplayName == null || newDisplayName.isBlank() || newDisplayName.strip().equals(displayName)) {
            return "";
        }
        String before = displayName;
        displayName = newDisplayName.strip();
        return "nome: '" + before + "' -> '" + displayName + "'";
    }

    public String activate(boolean on) {
        if (active == on) {
            return "";
        }
        active = on;
        securityStamp = newStamp();
        return on ? "reativado" : "desativado";
    }

    public String resetPassword(String newHash) {
        passwordHash = newHash;
        securityStamp = newStamp();
        return "senha redefinida";
    }

    public Instant getCreatedAt() {
        return Utc.instant(createdAt);
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<String> getRoles() {
        return Set.copyOf(roles);
    }

    public boolean isActive() {
        return active;
    }

    /** Changes whenever the roles, the active flag or the password change; see the class comment. */
    public String getSecurityStamp() {
        return securityStamp;
    }
}
