package br.com.sopdesk.category.entity;

import br.com.sopdesk.validation.PlainText;
import br.com.sopdesk.platform.InvalidInput;
import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.annotations.CacheCoordinationType;

/**
 * A Qualitor category (code and name) as SOP Desk knows it. SOP bundles name categories by code; an
 * inactive category takes no new tickets, so an administrator can retire one without a deploy.
 * Read on every submission and cached per instance; a change made on another instance invalidates the copy here through the data grid (cache coordination), and the copy expires after 30 s should a message be lost.
 */
@Entity
@Cacheable
@Cache(expiry = 30_000, coordinationType = CacheCoordinationType.INVALIDATE_CHANGED_OBJECTS)
@Table(name = "category")
@NamedQuery(name = Category.ALL, query = "select c from Category c order by c.code")
public class Category {

    public static final String ALL = "Category.all";

    /** The longest name (the column's length). */
    public static final int MAX_NAME = 200;

    @Id
    @Column(length = 20)
    private String code;

    @Column(length = MAX_NAME, nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active;

    /** The Qualitor team ({@code cdequipe}) new demands of this category are moved to; null: left where Qualitor puts them. */
    @Column(name = "qualitor_team", length = 20)
    private String qualitorTeam;

    /** What Qualitor calls this code, as last read back from a reference demand; null: not confirmed. */
    @Column(name = "qualitor_name", length = MAX_NAME)
    private String qualitorName;

    @Column(name = "qualitor_name_at")
    private LocalDateTime qualitorNameAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "updated_by", length = 80, nullable = false)
    private String updatedBy;

    protected Category() {
    }

    public Category(String code, String name, boolean active, String by) {
        if (code == null || !code.matches("[0-9A-Za-z]{1,20}")) {
            throw new InvalidInput("category.code.invalid");
        }
        this.code = code;
        change(name, active, by);
    }

    /** Renames or (de)activates it; returns a description of what changed, empty when nothing did. */
    public String change(String newName, boolean newActive, String by) {
        String stripped = newName == null ? "" : newName.strip();
        PlainText.Fault fault = PlainText.Validator.fault(stripped, MAX_NAME);
        if (fault != null) {
            throw switch (fault) {
                case EMPTY -> new InvalidInput("category.name.required");
                case TOO_LONG -> new InvalidInput("category.name.too-long", stripped.length(), MAX_NAME);
                case CHARACTER -> new InvalidInput("category.name.invalid-character");
            };
        }
        StringBuilder changed = new StringBuilder();
        if (!stripped.equals(name)) {
            changed.append("nome: '").append(name).append("' → '").append(stripped).append("'; ");
        }
        if (newActive != active || name == null) {
            changed.append("ativa: ").append(active).append(" → ").append(newActive).append("; ");
        }
        this.name = stripped;
        this.active = newActive;
        this.updatedBy = by;
        this.updatedAt = Utc.of(Instant.now());
        return changed.toString();
    }

    /**
     * Names the Qualitor team new demands of this category go to (null or blank: none); returns a
     * description of what changed, empty when nothing did.
     *
     * @throws IllegalArgumentException when the code is not a Qualitor code
     */
    public String assignQualitorTeam(String team, String by) {
        String t = team == null || team.isBlank() ? null : team.strip();
        if (t != null && !t.matches("[0-9A-Za-z]{1,20}")) {
            throw new InvalidInput("category.team.invalid");
        }
        if (java.util.Objects.equals(t, qualitorTeam)) {
            return "";
        }
        String changed = "equipe do Qualitor: " + (qualitorTeam == null ? "nenhuma" : qualitorTeam) + " → " + (t == null ? "nenhuma" : t);
        this.qualitorTeam = t;
        this.updatedBy = by;
        this.updatedAt = Utc.of(Instant.now());
        return changed;
    }

    /**
     * Qualitor named this code so when read at {@code at} (the setup check's reference demands): an
     * observation of Qualitor, not an administrator's change, so neither audited nor "updated by".
     * A blank name says nothing and is ignored.
     */
    public void qualitorCallsIt(String name, Instant at) {
        if (name == null || name.isBlank()) {
            return;
        }
        String n = name.strip();
        this.qualitorName = n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n;
        this.qualitorNameAt = Utc.of(at);
    }

    /** What Qualitor calls this code, or null when no check has read it back yet. */
    public String getQualitorName() {
        return qualitorName;
    }

    /** When {@link #getQualitorName()} was read, or null. */
    public Instant getQualitorNameAt() {
        return qualitorNameAt == null ? null : Utc.instant(qualitorNameAt);
    }

    public String getQualitorTeam() {
        return qualitorTeam;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return Utc.instant(updatedAt);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
