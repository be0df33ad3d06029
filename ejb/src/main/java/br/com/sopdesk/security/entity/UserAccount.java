package br.com.sopdesk.security.entity;

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

/**
 * A person who signs in to SOP Desk, with the roles that decide what they see: {@code agent},
 * {@code supervisor}, {@code admin}. Only a PBKDF2 hash of the password is stored.
 */
@Entity
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

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Set<String> roles) {
        if (!ROLES.containsAll(roles) || roles.isEmpty()) {
            throw new IllegalArgumentException("papéis inválidos: " + roles);
        }
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new TreeSet<>(roles);
        this.createdAt = Utc.of(Instant.now());
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
}
