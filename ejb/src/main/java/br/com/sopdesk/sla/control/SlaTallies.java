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
     * Returns how many keys changed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int fold(Instant now) {
        SlaTallyState state = em.find(SlaTallyState.class, SlaTallyState.ID, LockModeType.PESSIMISTIC_WRITE);
        Long last = em.createNamedQuery(SlaTallyChange.LAST, Long.class).getSingleResult();
        int keys = 0;
        if (last != null) {
            List<Object[]> sums = em.createNamedQuery(SlaTallyChange.SUMS, Object[].class).setParameter("last", last).getResultList();
            for (Object[] row : sums) {
                long n = ((Number) row[5]).longValue();
                if (n == 0) {
                    continue;
                }
                TallyKey key = TallyKey.of((LocalDate) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4]);
                int updated = em.createNamedQuery(SlaTally.ADD).setParameter("n", n).setParameter("day", key.getDay())
                        .setParameter("kind", key.getKind()).setParameter("sop", row[2]).setParameter("team", row[3])
                        .setParameter("agent", row[4]).executeUpdate();
                if (updated == 0) {
                    em.persist(new SlaTally(key, n));
                }
                keys++;
            }
            em.createNamedQuery(SlaTallyChange.FOLDED).setParameter("last", last).executeUpdate();
        }
        em.createNamedQuery(SlaTally.PRUNE).setParameter("before", now.atZone(settings.zone()).toLocalDate().minusDays(KEPT_DAYS))
                .executeUpdate();
        state.folded(now);
        return keys;
    }

    /**
     * The clocks of each day from {@code from} to {@code to} (inclusive) counted as {@code kind}, for
     * the filter's SOP, team and agent: the folded tallies plus the changes not folded yet.
     */
    public Map<LocalDate, Long> perDay(String kind, LocalDate from, LocalDate to, SlaBoard.Filter f) {
        Map<LocalDate, Long> out = new HashMap<>();
        for (String entity : List.of("SlaTally", "SlaTallyChange")) {
            String q = "select t.key.day, sum(t.clocks) from " + entity + " t where t.key.kind = :kind and t.key.day >= :from"
                    + " and t.key.day <= :to" + SlaBoard.narrowing(f, "t.key") + " group by t.key.day";
            TypedQuery<Object[]> query = em.createQuery(q, Object[].class).setParameter("kind", kind).setParameter("from", from)
                    .setParameter("to", to);
            for (Object[] row : SlaBoard.narrow(query, f).getResultList()) {
                out.merge((LocalDate) row[0], ((Number) row[1]).longValue(), Long::sum);
            }
        }
        return out;
    }
}
