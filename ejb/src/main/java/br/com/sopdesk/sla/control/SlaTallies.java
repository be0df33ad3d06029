package br.com.sopdesk.sla.control;

import br.com.sopdesk.sla.entity.SlaTally;
import br.com.sopdesk.sla.entity.SlaTallyChange;
import br.com.sopdesk.sla.entity.SlaTallyState;
import br.com.sopdesk.sla.entity.TallyKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's daily tallies (attainment and clocks met), kept as clocks change so the board
 * never counts its history from the clocks themselves. A clock's change is recorded as +1/−1 rows
 * in its own transaction; the periodic scan folds them into one row per day, kind, SOP, team and
 * agent under the state row's lock; the board sums both. Days older than {@link #KEPT_DAYS} are
 * dropped at the fold.
 */
@Stateless
public class SlaTallies {

    /** Days of tallies kept: the dashboard shows 14, the rest is margin for a late fold. */
    static final int KEPT_DAYS = 60;
    /** Changes folded at most a time: a fold stays one short transaction whatever piled up. */
    static final int FOLD_MAX = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SlaSettings settings;

    /** Records how a clock's change moved it between tallies: {@code before} and {@code after} from {@code SlaClock#tallies}. */
    public void moved(List<TallyKey> before, List<TallyKey> after) {
        if (before.equals(after) || !usable()) {
            return;
        }
        before.stream().filter(k -> !after.contains(k)).forEach(k -> em.persist(new SlaTallyChange(k, -1)));
        after.stream().filter(k -> !before.contains(k)).forEach(k -> em.persist(new SlaTallyChange(k, 1)));
    }

    /** Whether the tallies count days in the board's zone (they are built in Brasília's; another zone reads the clocks). */
    public boolean usable() {
        SlaTallyState state = em.find(SlaTallyState.class, SlaTallyState.ID);
        return state != null && state.countsDaysIn(settings.zone());
    }

    /**
     * Folds the recorded changes into the tallies, in its own transaction, under the state row's
     * lock: a second instance folding at the same moment waits, then finds nothing left to fold.
     * It deletes exactly the rows it read (a change committed meanwhile is folded next time, never
     * deleted unread), at most {@value #FOLD_MAX} a time. Returns how many keys changed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int fold(Instant now) {
        em.find(SlaTallyState.class, SlaTallyState.ID, LockModeType.PESSIMISTIC_WRITE);
        List<SlaTallyChange> changes = em.createNamedQuery(SlaTallyChange.OLDEST, SlaTallyChange.class).setMaxResults(FOLD_MAX).getResultList();
        Map<TallyKey, Long> sums = new HashMap<>();
        changes.forEach(c -> sums.merge(c.getKey(), (long) c.getClocks(), Long::sum));
        int keys = 0;
        for (Map.Entry<TallyKey, Long> e : sums.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            TallyKey k = e.getKey();
            int updated = em.createNamedQuery(SlaTally.ADD).setParameter("n", e.getValue()).setParameter("day", k.getDay())
                    .setParameter("kind", k.getKind()).setParameter("sop", k.getSopId()).setParameter("team", k.getTeam())
                    .setParameter("agent", k.getAgent()).executeUpdate();
            if (updated == 0) {
                em.persist(new SlaTally(k, e.getValue()));
            }
            keys++;
        }
        List<Long> ids = changes.stream().map(SlaTallyChange::getId).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            em.createNamedQuery(SlaTallyChange.FOLDED).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).executeUpdate();
        }
        em.createNamedQuery(SlaTally.PRUNE).setParameter("before", now.atZone(settings.zone()).toLocalDate().minusDays(KEPT_DAYS))
                .executeUpdate();
        return keys;
    }

    /**
     * The clocks of each kind ({@link TallyKey#ON_TIME}, {@link TallyKey#BREACHED},
     * {@link TallyKey#MET}) and day from {@code from} to {@code to} (inclusive), for the filter's
     * SOP, team and agent: the folded tallies plus the changes not folded yet, one grouped read of each.
     */
    public Map<String, Map<LocalDate, Long>> perDay(LocalDate from, LocalDate to, SlaBoard.Filter f) {
        Map<String, Map<LocalDate, Long>> out = new HashMap<>();
        for (String entity : List.of("SlaTally", "SlaTallyChange")) {
            String q = "select t.key.kind, t.key.day, sum(t.clocks) from " + entity + " t where t.key.day >= :from and t.key.day <= :to"
                    + SlaBoard.narrowing(f, "t.key") + " group by t.key.kind, t.key.day";
            TypedQuery<Object[]> query = em.createQuery(q, Object[].class).setParameter("from", from).setParameter("to", to);
            for (Object[] row : SlaBoard.narrow(query, f).getResultList()) {
                out.computeIfAbsent((String) row[0], k -> new HashMap<>()).merge((LocalDate) row[1], ((Number) row[2]).longValue(), Long::sum);
            }
        }
        return out;
    }
}
