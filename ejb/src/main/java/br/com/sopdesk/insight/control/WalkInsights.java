package br.com.sopdesk.insight.control;

import br.com.sopdesk.insight.entity.WalkState;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopOption;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.sql.Date;
import java.util.Optional;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the SOPs achieve, counted in the database over the walk records' indexed columns (grouped
 * counts, never rows brought back): per SOP and period, walks by how they ended and the escalations
 * per category, in one pass; where one SOP's walks are abandoned. A walk still open two hours after it started
 * counts as abandoned. The closed days already counted by the walk-days job ({@link WalkDays}) are
 * read from {@code sop_walk_day}, the rest of the period from the walks themselves. Periods are by when the walk started, {@code from} inclusive, {@code to}
 * exclusive. Read-only.
 */
@Stateless
public class WalkInsights {

    /** A walk with no outcome this long after it started is abandoned. */
    public static final Duration ABANDONED_AFTER = Duration.ofHours(2);

    @PersistenceContext
    EntityManager em;

    @EJB
    SlaBoard board;

    @EJB
    WalkDayStore days;

    @Inject
    SlaSettings settings;

    /** A period of walks by their start: {@code from} inclusive, {@code to} exclusive. */
    public record Period(Instant from, Instant to) {

        public Period {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a period ends after it starts");
            }
        }
    }

    /** Abandoned walks whose last node was {@code nodeId} ({@code title} from the SOP's latest version, or null for a node it no longer has). */
    public record NodeCount(String nodeId, String title, long walks) {
    }

    /** Escalations (tickets saved) in one category, and their share of all escalations. */
    public record CategoryShare(String category, long escalations, int percent) {
    }

    /** The figures of each SOP in a period, and the escalations of all of them per category. */
    public record Overview(List<WalkFigures> figures, List<CategoryShare> categories) {
    }

    /**
     * Each SOP with walks in the period (or only {@code sopId}, when given), by SOP id, and their
     * escalations per category: grouped counts of the days already counted ({@code sop_walk_day})
     * and of the rest of the period's walks, a short one over the last two hours' open walks, and
     * the SLA board's grouped attainment.
     */
    public Overview overview(Period period, String sopId, Instant now) {
        Map<String, Map<WalkState, Long>> counts = new TreeMap<>();
        Map<String, Long> categories = new HashMap<>();
        Split split = split(period);
        List<Object[]> rows = new ArrayList<>();
        split.days().ifPresent(d -> rows.addAll(days(d, "sop_id, state, category", sopId, null)));
        for (Period live : split.live()) {
            TypedQuery<Object[]> grouped = em.createQuery("select w.sopId, w.state, w.category, count(w) from WalkRecord w where "
                    + where(sopId) + " group by w.sopId, w.state, w.category", Object[].class);
            rows.addAll(bind(grouped, live, sopId).getResultList());
        }
        for (Object[] row : rows) {
            WalkState state = row[1] instanceof WalkState w ? w : WalkState.valueOf((String) row[1]);
            long n = ((Number) row[3]).longValue();
            counts.computeIfAbsent((String) row[0], s -> new EnumMap<>(WalkState.class)).merge(state, n, Long::sum);
            if (state == WalkState.ESCALATED) {
                categories.merge(row[2] == null ? "" : (String) row[2], n, Long::sum);
            }
        }
        Map<String, Long> inProgress = inProgress(period, sopId, now);
        Map<String, SlaBoard.Share> sla = board.attainmentBySop(period.from(), period.to(), sopId, now);
        List<WalkFigures> figures = new ArrayList<>();
        counts.forEach((sop, c) -> {
            long open = c.getOrDefault(WalkState.OPEN, 0L);
            long fresh = inProgress.getOrDefault(sop, 0L);
            figures.add(new WalkFigures(sop, c.values().stream().mapToLong(Long::longValue).sum(), c.getOrDefault(WalkState.SOLVED, 0L),
                    c.getOrDefault(WalkState.ESCALATED, 0L), c.getOrDefault(WalkState.REITERATED, 0L),
                    c.getOrDefault(WalkState.RESTARTED, 0L), c.getOrDefault(WalkState.FOLLOWED, 0L),
                    c.getOrDefault(WalkState.ABANDONED, 0L) + open - fresh, fresh, sla.getOrDefault(sop, SlaBoard.Share.NONE)));
        });
        return new Overview(figures, shares(categories));
    }

    /** Escalations per category, most first (then by code), with their share of all escalations. */
    private static List<CategoryShare> shares(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new CategoryShare(e.getKey(), e.getValue(), (int) Math.round(100.0 * e.getValue() / total)))
                .toList();
    }

    /** Open walks started less than two hours before {@code now}, per SOP: a short range of the start's index. */
    private Map<String, Long> inProgress(Period period, String sopId, Instant now) {
        Instant since = now.minus(ABANDONED_AFTER);
        Instant from = since.isAfter(period.from()) ? since : period.from();
        Map<String, Long> out = new HashMap<>();
        if (!from.isBefore(period.to())) {
            return out;
        }
        TypedQuery<Object[]> q = em.createQuery("select w.sopId, count(w) from WalkRecord w where " + where(sopId)
                + " and w.state = :open group by w.sopId", Object[].class);
        bind(q, new Period(from, period.to()), sopId).setParameter("open", WalkState.OPEN).getResultList()
                .forEach(row -> out.put((String) row[0], ((Number) row[1]).longValue()));
        return out;
    }

    /**
     * Where one SOP's walks in the period were abandoned: the count per last node, in the order the
     * nodes come from the start of the SOP's latest version (a funnel), then nodes that version no
     * longer has. Nodes where no walk stopped are left out.
     */
    public List<NodeCount> abandonedAt(Period period, SopBundle latest, Instant now) {
        Map<String, Long> counts = new TreeMap<>();
        Split split = split(period);
        split.days().ifPresent(d -> days(d, "last_node", latest.id(), WalkState.ABANDONED)
                .forEach(row -> counts.merge((String) row[0], ((Number) row[1]).longValue(), Long::sum)));
        for (Period live : split.live()) {
            TypedQuery<Object[]> q = em.createQuery("select w.lastNode, count(w) from WalkRecord w where " + where(latest.id())
                    + " and (w.state = :abandoned or (w.state = :open and w.startedAt < :stale)) group by w.lastNode", Object[].class);
            bind(q, live, latest.id()).setParameter("abandoned", WalkState.ABANDONED).setParameter("open", WalkState.OPEN)
                    .setParameter("stale", Utc.of(now.minus(ABANDONED_AFTER)))
                    .getResultList().forEach(row -> counts.merge((String) row[0], ((Number) row[1]).longValue(), Long::sum));
        }
        Map<String, SopNode> nodes = latest.nodesById();
        List<NodeCount> out = new ArrayList<>();
        for (String id : pathOrder(latest)) {
            Long n = counts.remove(id);
            if (n != null) {
                out.add(new NodeCount(id, nodes.get(id).title(), n));
            }
        }
        counts.forEach((id, n) -> out.add(new NodeCount(id, null, n)));
        return out;
    }

    /** The SOP's nodes breadth-first from its start: each node after those that lead to it on the shortest path. */
    static List<String> pathOrder(SopBundle bundle) {
        Map<String, SopNode> nodes = bundle.nodesById();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(bundle.start());
        while (!queue.isEmpty()) {
            String id = queue.poll();
            SopNode node = nodes.get(id);
            if (node == null || !seen.add(id)) {
                continue;
            }
            if (node.next() != null) {
                queue.add(node.next());
            }
            node.options().stream().map(SopOption::next).forEach(queue::add);
        }
        nodes.keySet().stream().filter(id -> !seen.contains(id)).sorted().forEach(seen::add);
        return List.copyOf(seen);
    }

    /** Whole days of a period already counted in {@code sop_walk_day}, first and last. */
    record Days(LocalDate first, LocalDate last) {
    }

    /** A period as the days counted already (if any) and the stretches before and after them, read from the walks. */
    record Split(Optional<Days> days, List<Period> live) {
    }

    Split split(Period period) {
        ZoneId zone = zone();
        Optional<LocalDate> through = days.rolledThrough();
        LocalDate first = period.from().atZone(zone).toLocalDate();
        if (WalkDays.start(first, zone).isBefore(period.from())) {
            first = first.plusDays(1);
        }
        LocalDate last = period.to().atZone(zone).toLocalDate().minusDays(1);
        if (through.isEmpty() || through.get().isBefore(last)) {
            last = through.orElse(first.minusDays(1));
        }
        if (last.isBefore(first)) {
            return new Split(Optional.empty(), List.of(period));
        }
        List<Period> live = new ArrayList<>();
        Instant rolledFrom = WalkDays.start(first, zone);
        Instant rolledTo = WalkDays.start(last.plusDays(1), zone);
        if (period.from().isBefore(rolledFrom)) {
            live.add(new Period(period.from(), rolledFrom));
        }
        if (rolledTo.isBefore(period.to())) {
            live.add(new Period(rolledTo, period.to()));
        }
        return new Split(Optional.of(new Days(first, last)), live);
    }

    /** Sums of {@code sop_walk_day} over the days, grouped by {@code columns} (of one SOP and one state, when given). */
    @SuppressWarnings("unchecked")
    private List<Object[]> days(Days d, String columns, String sopId, WalkState state) {
        var q = em.createNativeQuery("SELECT " + columns + ", SUM(walks) FROM sop_walk_day WHERE walk_day >= ?1 AND walk_day <= ?2"
                + (set(sopId) ? " AND sop_id = ?3" : "") + (state != null ? " AND state = ?4" : "") + " GROUP BY " + columns)
                .setParameter(1, Date.valueOf(d.first())).setParameter(2, Date.valueOf(d.last()));
        if (set(sopId)) {
            q.setParameter(3, sopId);
        }
        if (state != null) {
            q.setParameter(4, state.name());
        }
        return q.getResultList();
    }

    ZoneId zone() {
        return settings.zone();
    }

    private static String where(String sopId) {
        return "w.startedAt >= :from and w.startedAt < :to" + (set(sopId) ? " and w.sopId = :sop" : "");
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, Period period, String sopId) {
        q.setParameter("from", Utc.of(period.from())).setParameter("to", Utc.of(period.to()));
        return set(sopId) ? q.setParameter("sop", sopId) : q;
    }

    private static boolean set(String sopId) {
        return sopId != null && !sopId.isBlank();
    }
}
