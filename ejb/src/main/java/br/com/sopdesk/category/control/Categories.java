package br.com.sopdesk.category.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.platform.InvalidInput;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administers the Qualitor categories; every change goes to the audit trail. */
@Stateless
public class Categories {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    /** Records what Qualitor calls these codes (code → name), read at {@code at}; unknown codes are skipped. */
    public void qualitorNames(Map<String, String> names, Instant at) {
        names.forEach((code, name) -> find(code).ifPresent(c -> c.qualitorCallsIt(name, at)));
    }

    public List<Category> all() {
        return em.createNamedQuery(Category.ALL, Category.class).getResultList();
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Category.class, code));
    }

    /** Creates the category or changes its name and state. */
    public Category save(String code, String name, boolean active, String admin) {
        Category existing = em.find(Category.class, code);
        if (existing == null) {
            Category created = new Category(code, name, active, admin);
            em.persist(created);
            audit.record(admin, "categoria.criada", "categoria " + code, "nome: '" + created.getName() + "'; ativa: " + active);
            return created;
        }
        String changed = existing.change(name, active, admin);
        if (!changed.isEmpty()) {
            audit.record(admin, "categoria.alterada", "categoria " + code, changed);
        }
        return existing;
    }

    /**
     * Names the Qualitor team the category's new demands are moved to (blank: none); audited.
     *
     * @throws IllegalArgumentException when the category does not exist or the code is invalid
     */
    public Category assignQualitorTeam(String code, String team, String admin) {
        Category c = find(code).orElseThrow(() -> new InvalidInput("category.unknown", code));
        String changed = c.assignQualitorTeam(team, admin);
        if (!changed.isEmpty()) {
            audit.record(admin, "categoria.alterada", "categoria " + code, changed);
        }
        return c;
    }
}
