package br.com.sopdesk.sop.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.sop.entity.BundleCheck;
import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SearchText;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopBundleRecord;
import br.com.sopdesk.sop.entity.SopRetirement;
import br.com.sopdesk.platform.InvalidInput;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sop.entity.SopUsage;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published SOP bundles: the latest version of each for agents (searchable, each agent's recent
 * ones first), any exact version for the tickets made with it, and publishing, retiring and
 * restoring. Versions never change once stored, so parsed bundles are cached by (id, version) in
 * each instance without any risk of serving a stale one; whether a SOP is retired is never cached
 * (read from the database on every search and every new ticket), so it holds on every instance at once.
 */
@Stateless
public class SopCatalog {

    private static final Map<String, SopBundle> PARSED = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @EJB
    Categories categories;

    @EJB
    AuditLog audit;

    @Inject
    Clock clock;

    /** The latest version of every SOP, retired ones included (administration). */
    public List<SopBundle> latest() {
        return em.createNamedQuery(SopBundleRecord.LATEST, SopBundleRecord.class).getResultList().stream()
                .map(SopCatalog::parsed)
                .toList();
    }

    /** The latest version of every SOP agents may use: the retired ones left out. */
    public List<SopBundle> inService() {
        return em.createNamedQuery(SopBundleRecord.LATEST_IN_SERVICE, SopBundleRecord.class).getResultList().stream()
                .map(SopCatalog::parsed)
                .toList();
    }

    /**
     * The latest bundles matching every word of the query (accents and case ignored), best match
     * first; among equal matches, the ones this agent used most recently first.
     */
    public List<SopBundle> search(String query, String username) {
        List<String> words = SearchText.words(query);
        Map<String, Integer> recency = new HashMap<>();
        if (username != null) {
            List<SopUsage> used = em.createNamedQuery(SopUsage.OF_USER, SopUsage.class)
                    .setParameter("username", username).getResultList();
            for (int i = 0; i < used.size(); i++) {
                recency.put(used.get(i).getSopId(), i);
            }
        }
        return inService().stream()
                .map(b -> Map.entry(b, SearchText.score(b, words)))
                .filter(e -> e.getValue() > 0)
                .sorted(Comparator.<Map.Entry<SopBundle, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparingInt(e -> recency.getOrDefault(e.getKey().id(), Integer.MAX_VALUE))
                        .thenComparing(e -> e.getKey().seed() + e.getKey().id()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Which SOPs (latest versions, by id) classify their tickets with each category code. */
    public Map<String, List<String>> categoryUsage() {
        return categoryUsage(latest());
    }

    /** Which of these SOPs classify tickets with each category code (the SOP's own classification or an outcome's). */
    public static Map<String, List<String>> categoryUsage(List<SopBundle> bundles) {
        Map<String, List<String>> usage = new TreeMap<>();
        for (SopBundle b : bundles) {
            b.classifications().values().stream().map(QualitorMapping::category).filter(Objects::nonNull).distinct()
                    .forEach(code -> usage.computeIfAbsent(code, c -> new ArrayList<>()).add(b.id()));
        }
        return usage;
    }

    /** Remembers that the agent opened this SOP now. */
    public void recordUse(String username, String sopId) {
        SopUsage usage = em.find(SopUsage.class, new SopUsage.Key(username, sopId));
        if (usage == null) {
            em.persist(new SopUsage(username, sopId, clock.instant()));
        } else {
            usage.usedAt(clock.instant());
        }
    }

    /** The latest version of a SOP: its number read from the database, the bundle from the parsed cache when there. */
    public Optional<SopBundle> latest(String sopId) {
        Integer version = em.createNamedQuery(SopBundleRecord.LATEST_VERSION, Integer.class).setParameter("sopId", sopId).getSingleResult();
        return version == null ? Optional.empty() : version(sopId, version);
    }

    public Optional<SopBundle> version(String sopId, int version) {
        SopBundle cached = PARSED.get(sopId + "@" + version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return record(sopId, version).map(SopCatalog::parsed);
    }

    /** The stored text of a version (the latest when {@code version} is null), for export. */
    public Optional<String> text(String sopId, Integer version) {
        return (version == null ? latestRecord(sopId) : record(sopId, version)).map(SopBundleRecord::getContent);
    }

    /** Every stored version of a SOP, newest first. */
    public List<SopBundleRecord> versions(String sopId) {
        return em.createNamedQuery(SopBundleRecord.LATEST_OF, SopBundleRecord.class).setParameter("sopId", sopId).getResultList();
    }

    /**
     * Publishes a bundle from its JSON or YAML text as a new version (stored as JSON). Refused with line and reason when the
     * bundle is malformed, names a category that is not registered, or does not come after the latest
     * published version. Tickets already made keep the version they were made with.
     */
    public SopBundle publish(String text, String admin) {
        SopBundle bundle = SopBundleJson.readText(text);
        String json = SopBundleYaml.isYaml(text) ? SopBundleYaml.toJson(text) : text;
        List<BundleCheck.Problem> unknown = bundle.classifications().values().stream().map(QualitorMapping::category)
                .filter(Objects::nonNull).distinct().filter(code -> categories.find(code).isEmpty())
                .map(code -> new BundleCheck.Problem(BundleCheck.lineOf(text, "category", code), "sop.bundle.category-unknown", code))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidBundleException(unknown);
        }
        int latest = latestRecord(bundle.id()).map(SopBundleRecord::getVersion).orElse(0);
        if (bundle.version() <= latest) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(BundleCheck.lineOf(text, "version", null),
                    "sop.bundle.version-taken", bundle.version(), bundle.id(), latest, latest + 1)));
        }
        em.persist(new SopBundleRecord(bundle, json, admin));
        audit.record(admin, "sop.publicado", "SOP " + bundle.id() + " v" + bundle.version(),
                latest == 0 ? "novo SOP: " + bundle.title() : "nova versão (anterior: v" + latest + "): " + bundle.title());
        return bundle;
    }

    /** Whether the SOP is retired, read from the database (never from a cache). */
    public boolean retired(String sopId) {
        return retirement(sopId).isPresent();
    }

    /** The SOP's retirement (why, by whom, when), or empty while it is in service. */
    public Optional<SopRetirement> retirement(String sopId) {
        return sopId == null ? Optional.empty() : Optional.ofNullable(em.find(SopRetirement.class, sopId));
    }

    /** The ids of the retired SOPs (for the administration's list). */
    public Set<String> retiredIds() {
        return Set.copyOf(em.createNamedQuery(SopRetirement.IDS, String.class).getResultList());
    }

    /**
     * Retires a published SOP: out of the agents' search, no new walk or ticket; its versions stay
     * for the tickets made with them. Audited with the reason.
     *
     * @throws RetirementRefused when the reason is missing, too long or not plain text, or the SOP is retired already
     */
    public SopRetirement retire(String sopId, String reason, String admin) {
        String why = reason(reason);
        if (retired(sopId)) {
            throw new RetirementRefused(Text.of("sop.retire.already", sopId), true);
        }
        SopRetirement retirement = new SopRetirement(sopId, why, admin, clock.instant());
        em.persist(retirement);
        audit.record(admin, "sop.retirado", "SOP " + sopId, "motivo: " + why);
        return retirement;
    }

    /**
     * Puts a retired SOP back in service (its latest version). Audited with the reason.
     *
     * @throws RetirementRefused when the reason is missing, too long or not plain text, or the SOP is not retired
     */
    public void restore(String sopId, String reason, String admin) {
        String why = reason(reason);
        SopRetirement retirement = retirement(sopId)
                .orElseThrow(() -> new RetirementRefused(Text.of("sop.restore.not-retired", sopId), true));
        em.remove(retirement);
        audit.record(admin, "sop.restaurado", "SOP " + sopId, "motivo: " + why + "; retirado por " + retirement.getRetiredBy()
                + " em " + retirement.getRetiredAt());
    }

    private static String reason(String reason) {
        try {
            return SopRetirement.checkedReason(reason);
        } catch (InvalidInput e) {
            throw new RetirementRefused(e.text(), false);
        }
    }

    /** Stores a seed bundle version unless that (id, version) exists; returns whether it stored it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean publishIfAbsent(SopBundle bundle, String json, String publishedBy) {
        if (record(bundle.id(), bundle.version()).isPresent()) {
            return false;
        }
        em.persist(new SopBundleRecord(bundle, json, publishedBy));
        em.flush();
        return true;
    }

    private Optional<SopBundleRecord> latestRecord(String sopId) {
        return em.createNamedQuery(SopBundleRecord.LATEST_OF, SopBundleRecord.class)
                .setParameter("sopId", sopId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    private Optional<SopBundleRecord> record(String sopId, int version) {
        return em.createNamedQuery(SopBundleRecord.BY_VERSION, SopBundleRecord.class)
                .setParameter("sopId", sopId)
                .setParameter("version", version)
                .getResultStream().findFirst();
    }

    private static SopBundle parsed(SopBundleRecord record) {
        return PARSED.computeIfAbsent(record.getSopId() + "@" + record.getVersion(),
                k -> SopBundleJson.read(record.getContent()));
    }
}
