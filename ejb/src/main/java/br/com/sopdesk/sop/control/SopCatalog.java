package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopBundleRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published SOP bundles: the latest version of each for agents, any exact version for the
 * tickets made with it. Versions never change once stored, so parsed bundles are cached by
 * (id, version) in each instance without risk of serving a stale one.
 */
@Stateless
public class SopCatalog {

    private static final Map<String, SopBundle> PARSED = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    public List<SopBundle> latest() {
        return em.createNamedQuery(SopBundleRecord.LATEST, SopBundleRecord.class).getResultList().stream()
                .map(SopCatalog::parsed)
                .toList();
    }

    public Optional<SopBundle> latest(String sopId) {
        return em.createNamedQuery(SopBundleRecord.LATEST_OF, SopBundleRecord.class)
                .setParameter("sopId", sopId)
                .setMaxResults(1)
                .getResultStream().findFirst().map(SopCatalog::parsed);
    }

    public Optional<SopBundle> version(String sopId, int version) {
        SopBundle cached = PARSED.get(sopId + "@" + version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return em.createNamedQuery(SopBundleRecord.BY_VERSION, SopBundleRecord.class)
                .setParameter("sopId", sopId)
                .setParameter("version", version)
                .getResultStream().findFirst().map(SopCatalog::parsed);
    }

    /** Stores a bundle version unless that (id, version) exists; returns whether it stored it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean publishIfAbsent(SopBundle bundle, String json, String publishedBy) {
        boolean exists = !em.createNamedQuery(SopBundleRecord.BY_VERSION, SopBundleRecord.class)
                .setParameter("sopId", bundle.id())
                .setParameter("version", bundle.version())
                .getResultList().isEmpty();
        if (exists) {
            return false;
        }
        em.persist(new SopBundleRecord(bundle, json, publishedBy));
        em.flush();
        return true;
    }

    private static SopBundle parsed(SopBundleRecord record) {
        return PARSED.computeIfAbsent(record.getSopId() + "@" + record.getVersion(),
                k -> SopBundleJson.read(record.getContent()));
    }
}
