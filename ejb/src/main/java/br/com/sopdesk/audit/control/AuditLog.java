package br.com.sopdesk.audit.control;

import br.com.sopdesk.audit.entity.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Writes audit entries inside the caller's transaction, so an entry exists exactly when the change
 * it describes was committed; and reads the latest ones for administrators.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    public void record(String actor, String action, String subject, String detail) {
        em.persist(new AuditEntry(actor, action, subject, detail));
    }

    public List<AuditEntry> latest(int max) {
        return em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class).setMaxResults(Math.max(1, Math.min(max, 1000))).getResultList();
    }
}
