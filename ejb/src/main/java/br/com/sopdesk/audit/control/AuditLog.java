package br.com.sopdesk.audit.control;

import br.com.sopdesk.audit.entity.AuditEntry;
import br.com.sopdesk.audit.entity.AuditQuery;
import br.com.sopdesk.platform.Utc;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes audit entries inside the caller's transaction, so an entry exists exactly when the change
 * it describes was committed; and finds them for administrators (search with paging, export).
 * There is deliberately no method that changes or deletes an entry. Entries carry the system
 * clock's time, not product time: the trail says when something really happened, and its
 * newest-first order stays true while a test has moved product time.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    /** The system clock (see above); a field so unit tests may fix it. */
    Clock clock = Clock.systemUTC();

    public void record(String actor, String action, String subject, String detail) {
        em.persist(new AuditEntry(actor, action, subject, detail, clock.instant()));
    }

    public List<AuditEntry> latest(int max) {
        return em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class).setMaxResults(Math.max(1, Math.min(max, 1000))).getResultList();
    }

    /** One page of the entries matching the query, newest first. */
    public List<AuditEntry> search(AuditQuery query, int first, int max) {
        TypedQuery<AuditEntry> q = em.createQuery("select a from AuditEntry a" + where(query) + " order by a.at desc, a.id desc", AuditEntry.class);
        bind(query).forEach(q::setParameter);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 1000))).getResultList();
    }

    public long count(AuditQuery query) {
        TypedQuery<Long> q = em.createQuery("select count(a) from AuditEntry a" + where(query), Long.class);
        bind(query).forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Only fixed fragments go into the statement; every value the admin typed is a parameter. */
    private static String where(AuditQuery query) {
        StringBuilder w = new StringBuilder();
        if (query.actorOrNull() != null) {
            w.append(" and lower(a.actor) = :actor");
        }
        if (query.actionOrNull() != null) {
            w.append(" and lower(a.action) like :action escape '\\'");
        }
        if (query.from() != null) {
            w.append(" and a.at >= :from");
        }
        if (query.to() != null) {
            w.append(" and a.at < :to");
        }
        if (AuditQuery.likePattern(query.text()) != null) {
            w.append(" and (lower(a.subject) like :text escape '\\' or lower(a.detail) like :text escape '\\' or lower(a.actor) like :text escape '\\')");
        }
        return w.isEmpty() ? "" : " where" + w.substring(4);
    }

    private static Map<String, Object> bind(AuditQuery query) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (query.actorOrNull() != null) {
            p.put("actor", query.actorOrNull().toLowerCase(java.util.Locale.ROOT));
        }
        if (query.actionOrNull() != null) {
            String like = AuditQuery.likePattern(query.actionOrNull());
            p.put("action", like.substring(1)); // the action starts with what was typed
        }
        if (query.from() != null) {
            p.put("from", Utc.of(query.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            p.put("to", Utc.of(query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (AuditQuery.likePattern(query.text()) != null) {
            p.put("text", AuditQuery.likePattern(query.text()));
        }
        return p;
    }
}
