package br.com.sopdesk.sla.control;

import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.entity.ClockState;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaDelivery;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.TallyKey;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What supervisors read: clocks by standing (at risk, breached, met…) filtered by team, SOP and
 * agent, the alerts waiting for acknowledgement, each clock's timeline, and SLA attainment per day.
 * Read-only; changes go through {@link SlaClocks}.
 */
@Stateless
public class SlaBoard {

    private static final int MAX_ROWS = 500;
    /** Days of met clocks the board counts and lists: today and the six before. */
    private static final int MET_DAYS = 7;

    @PersistenceContext
    EntityManager em;

    @Inject
    SlaSettings settings;

    @EJB
    SlaTallies tallies;

    /** Which clocks a supervisor looks at; blank filters mean all. */
    public record Filter(String standing, String team, String sopId, String agent) {

        public static final Filter ALL = new Filter(null, null, null, null);

        static boolean set(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** One day's attainment: clocks due that day met on time, and those breached (met late or not met). */
    public record Day(LocalDate day, long onTime, long breached) {

        public int percent() {
            long total = onTime + breached;
            return total == 0 ? 100 : (int) Math.round(100.0 * onTime / total);
        }
    }

    /**
     * Clocks in a standing ({@code AT_RISK}, {@code BREACHED}, {@code MET}, {@code ON_TRACK},
     * {@code PAUSED}, or blank for all), nearest deadline first (met: latest met first), at most
     * {@value #MAX_ROWS}. Each part of a standing is one indexed range read in order (migration
     * V26), merged here, so the cost follows the rows shown, not the clocks kept.
     */
    public List<SlaClock> clocks(Filter f, Instant now) {
        boolean met = "MET".equals(f.standing());
        Comparator<SlaClock> order = met ? Comparator.comparing((SlaClock c) -> c.getCountdown().getMetAt()).reversed()
                : Comparator.comparing(SlaClock::getDeadlineAt);
        List<SlaClock> out = new ArrayList<>();
        for (Part part : parts(f.standing())) {
            out.addAll(bind(em.createQuery("select c from SlaClock c where " + part.condition() + narrowing(f) + " order by " + part.order(),
                    SlaClock.class), part, f, now).setMaxResults(MAX_ROWS).getResultList());
        }
        out.sort(order);
        return out.size() > MAX_ROWS ? List.copyOf(out.subList(0, MAX_ROWS)) : out;
    }

    /**
     * How many clocks are in a standing (the board's counters, not capped like the lists): the
     * few at risk, breached or paused through the indexes; those met in the last 7 days from the
     * daily tallies ({@link SlaTallies}).
     */
    public long count(Filter f, Instant now) {
        if ("MET".equals(f.standing()) && tallies.usable()) {
            LocalDate today = now.atZone(settings.zone()).toLocalDate();
            return tallies.perDay(today.minusDays(MET_DAYS - 1L), today, f).getOrDefault(TallyKey.MET, Map.of()).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
        long n = 0;
        for (Part part : parts(f.standing())) {
            n += bind(em.createQuery("select count(c) from SlaClock c where " + part.condition() + narrowing(f), Long.class), part, f, now)
                    .getSingleResult();
        }
        return n;
    }

    /**
     * One index range of a standing: its condition, and its order as the index holds it (the
     * columns its condition fixes first), so the database reads the first rows in order and stops.
     */
    private record Part(String condition, String order) {

        static final String BY_LEVEL = "c.state, c.alerts.nextLevel, c.countdown.deadlineAt";
        static final String BY_DEADLINE = "c.state, c.countdown.deadlineAt";
    }

    /**
     * A standing as disjoint parts that each read one index range (migration V26). At risk: the
     * at-risk alert raised (next level breach or a reminder, or no level left) or due, before the
     * deadline.
     */
    private static List<Part> parts(String standing) {
        String running = "c.state = br.com.sopdesk.sla.entity.ClockState.RUNNING";
        String ahead = " and c.countdown.deadlineAt > :now";
        return switch (standing == null ? "" : standing) {
            case "AT_RISK" -> List.of(new Part(running + " and c.alerts.nextLevel = 'BREACH'" + ahead, Part.BY_LEVEL),
                    new Part(running + " and c.alerts.nextLevel = 'REMINDER'" + ahead, Part.BY_LEVEL),
                    new Part(running + " and c.alerts.nextLevel is null" + ahead, Part.BY_LEVEL),
                    new Part(running + " and c.alerts.nextLevel = 'AT_RISK' and c.alerts.nextAlertAt <= :now" + ahead,
                            "c.state, c.alerts.nextLevel, c.alerts.nextAlertAt"));
            case "ON_TRACK" -> List.of(new Part(running + " and c.alerts.nextLevel = 'AT_RISK' and c.alerts.nextAlertAt > :now" + ahead,
                    Part.BY_LEVEL));
            // a paused clock's deadline is not running: it is paused, not breached
            case "BREACHED" -> List.of(new Part(running + " and c.countdown.deadlineAt <= :now", Part.BY_DEADLINE));
            case "PAUSED" -> List.of(new Part(PAUSED, Part.BY_DEADLINE));
            case "MET" -> List.of(new Part(MET + " and c.countdown.metAt >= :since", "c.countdown.metAt desc"));
            // the met ones due in the window too, so their part reads the deadline's index from its start
            default -> List.of(new Part(running, Part.BY_DEADLINE), new Part(PAUSED, Part.BY_DEADLINE),
                    new Part(MET + " and c.countdown.metAt >= :since and c.countdown.deadlineAt >= :since", Part.BY_DEADLINE));
        };
    }

    private static final String PAUSED = "c.state = br.com.sopdesk.sla.entity.ClockState.PAUSED";
    private static final String MET = "c.state = br.com.sopdesk.sla.entity.ClockState.MET";

    private <T> TypedQuery<T> bind(TypedQuery<T> query, Part part, Filter f, Instant now) {
        if (part.condition().contains(":now")) {
            query.setParameter("now", Utc.of(now));
        }
        if (part.condition().contains(":since")) {
            query.setParameter("since", Utc.of(metSince(now)));
        }
        return narrow(query, f);
    }

    /** The start of the days whose met clocks the board shows: today and the {@value #MET_DAYS} − 1 before, in the board's zone. */
    private Instant metSince(Instant now) {
        ZoneId zone = settings.zone();
        return now.atZone(zone).toLocalDate().minusDays(MET_DAYS - 1L).atStartOfDay(zone).toInstant();
    }

    /** The team, SOP and agent conditions on the clock {@code c}. */
    private static String narrowing(Filter f) {
        return narrowing(f, "c.subject");
    }

    /** The team, SOP and agent conditions on {@code path}, a clock's subject or a tally's key. */
    static String narrowing(Filter f, String path) {
        StringBuilder q = new StringBuilder();
        if (Filter.set(f.team())) {
            q.append(" and ").append(path).append(".team = :team");
        }
        if (Filter.set(f.sopId())) {
            q.append(" and ").append(path).append(".sopId = :sop");
        }
        if (Filter.set(f.agent())) {
            q.append(" and ").append(path).append(".agent = :agent");
        }
        return q.toString();
    }

    static <T> TypedQuery<T> narrow(TypedQuery<T> query, Filter f) {
        if (Filter.set(f.team())) {
            query.setParameter("team", f.team());
        }
        if (Filter.set(f.sopId())) {
            query.setParameter("sop", f.sopId());
        }
        if (Filter.set(f.agent())) {
            query.setParameter("agent", f.agent());
        }
        return query;
    }

    public Optional<SlaClock> clock(long id) {
        return Optional.ofNullable(em.find(SlaClock.class, id));
    }

    /** The clock of a ticket, once it reached Qualitor. */
    public Optional<SlaClock> clockOfTicket(long ticketId) {
        return em.createNamedQuery(SlaClock.BY_TICKET, SlaClock.class).setParameter("ticket", ticketId)
                .getResultStream().findFirst();
    }

    public List<SlaEvent> timeline(long clockId) {
        return em.createNamedQuery(SlaEvent.OF_CLOCK, SlaEvent.class).setParameter("clock", clockId).getResultList();
    }

    /** Alerts, newest first: those waiting for acknowledgement, or all. */
    public List<SlaAlert> alerts(boolean openOnly, int max) {
        return alerts(openOnly, Filter.ALL, max);
    }

    /** Alerts of the clocks the filter's team, SOP and agent select, newest first. */
    public List<SlaAlert> alerts(boolean openOnly, Filter f, int max) {
        String q = "select a from SlaAlert a, SlaClock c where c.id = a.clockId" + (openOnly ? " and a.acknowledgedAt is null" : "")
                + narrowing(f) + " order by a.raisedAt desc, a.id desc";
        return narrow(em.createQuery(q, SlaAlert.class), f).setMaxResults(Math.max(1, Math.min(max, 1000))).getResultList();
    }

    /** A delivery that did not reach its recipient for sure, with its alert. */
    public record Trouble(SlaDelivery delivery, SlaAlert alert) {
    }

    /**
     * Deliveries that failed for good or may not have arrived ({@code FAILED}, {@code UNCERTAIN}),
     * newest first, for the filter's clocks: the supervisor should check them by hand.
     */
    public List<Trouble> troubledDeliveries(Filter f, int max) {
        String q = "select d, a from SlaDelivery d, SlaAlert a, SlaClock c where a.id = d.alertId and c.id = a.clockId"
                + " and d.delivery.state in (br.com.sopdesk.outbox.entity.DeliveryState.REFUSED, br.com.sopdesk.outbox.entity.DeliveryState.HELD)"
                + narrowing(f)
                + " order by d.id desc";
        return narrow(em.createQuery(q, Object[].class), f).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList().stream()
                .map(row -> new Trouble((SlaDelivery) row[0], (SlaAlert) row[1])).toList();
    }

    public List<SlaAlert> alertsOfDemand(String demand) {
        return em.createNamedQuery(SlaAlert.OF_DEMAND, SlaAlert.class).setParameter("demand", demand).getResultList();
    }

    public List<SlaDelivery> deliveries(long alertId) {
        return em.createNamedQuery(SlaDelivery.OF_ALERT, SlaDelivery.class).setParameter("alert", alertId).getResultList();
    }

    /**
     * Attainment for each of the last {@code days} days (dates of the deadlines in
     * {@code sopdesk.sla.zone}): clocks due that day and met on time, against those breached (met
     * late, or their breach alert raised). A clock counts once settled that way, so a clock due
     * later today and met already counts today; a paused clock does not count. Read from the daily
     * tallies ({@link SlaTallies}); from the clocks themselves, by the same rule, while the tallies
     * are in another zone.
     */
    public List<Day> attainment(int days, Filter f, Instant now) {
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        LocalDate first = today.minusDays(Math.max(1, days) - 1L);
        boolean tallied = tallies.usable();
        Map<String, Map<LocalDate, Long>> tally = tallied ? tallies.perDay(first, today, f) : Map.of();
        Map<LocalDate, Long> onTime = tally.getOrDefault(TallyKey.ON_TIME, Map.of());
        Map<LocalDate, Long> breached = tally.getOrDefault(TallyKey.BREACHED, Map.of());
        List<Day> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            if (tallied) {
                out.add(new Day(d, onTime.getOrDefault(d, 0L), breached.getOrDefault(d, 0L)));
                continue;
            }
            Instant from = d.atStartOfDay(settings.zone()).toInstant();
            Instant to = d.plusDays(1).atStartOfDay(settings.zone()).toInstant();
            long met = count(MET_ON_TIME + " and " + MET, f, from, to);
            long total = count("(" + MET + " or " + BREACH_RAISED + ")", f, from, to);
            out.add(new Day(d, met, total - met));
        }
        return out;
    }

    /** A running clock whose breach alert went out for its current deadline. */
    private static final String BREACH_RAISED = "(c.state = br.com.sopdesk.sla.entity.ClockState.RUNNING"
            + " and c.countdown.breachedAt is not null and c.countdown.breachedAt >= c.countdown.deadlineAt)";

    /** A clock met by its deadline. */
    private static final String MET_ON_TIME = "c.countdown.metAt is not null and c.countdown.metAt <= c.countdown.deadlineAt";
    /** A clock that counts for attainment: a paused clock's deadline is not running. */
    private static final String COUNTED = "c.state <> br.com.sopdesk.sla.entity.ClockState.PAUSED";

    /** Attainment over a period: clocks due in it met on time, against those breached (met late or not met). */
    public record Share(long onTime, long breached) {

        public static final Share NONE = new Share(0, 0);

        public long total() {
            return onTime + breached;
        }

        /** The share met on time, or null when no clock was due. */
        public Integer percent() {
            return total() == 0 ? null : (int) Math.round(100.0 * onTime / total());
        }
    }

    /**
     * Attainment per SOP of the clocks due from {@code from} until {@code until} (or now, when
     * sooner), by the same rule as {@link #attainment(int, Filter, Instant)}, in one grouped pass
     * over the deadline's index, whatever the number of SOPs. {@code sopId} null or blank means every SOP.
     */
    public Map<String, Share> attainmentBySop(Instant from, Instant until, String sopId, Instant now) {
        Filter f = new Filter(null, null, sopId, null);
        Instant end = until.isAfter(now) ? now : until;
        Map<String, Share> out = new TreeMap<>();
        if (!from.isBefore(end)) {
            return out;
        }
        String q = "select c.subject.sopId, sum(case when " + MET_ON_TIME + " then 1 else 0 end), count(c) from SlaClock c"
                + " where c.countdown.deadlineAt >= :from and c.countdown.deadlineAt < :until and " + COUNTED + narrowing(f)
                + " group by c.subject.sopId";
        TypedQuery<Object[]> query = em.createQuery(q, Object[].class).setParameter("from", Utc.of(from)).setParameter("until", Utc.of(end));
        for (Object[] row : narrow(query, f).getResultList()) {
            long onTime = ((Number) row[1]).longValue();
            out.put((String) row[0], new Share(onTime, ((Number) row[2]).longValue() - onTime));
        }
        return out;
    }

    private long count(String condition, Filter f, Instant from, Instant until) {
        String q = "select count(c) from SlaClock c where c.countdown.deadlineAt >= :from and c.countdown.deadlineAt < :until and " + condition + narrowing(f);
        TypedQuery<Long> query = em.createQuery(q, Long.class)
                .setParameter("from", Utc.of(from)).setParameter("until", Utc.of(until));
        return narrow(query, f).getSingleResult();
    }

    /** Values for the filters, from the small tables (never a pass over all clocks). */
    public List<String> teams() {
        return em.createQuery("select distinct t.team from AgentTeam t order by t.team", String.class).getResultList();
    }

    /** Agents and supervisors, who open demands. */
    public List<String> agents() {
        return em.createQuery("select distinct u.username from UserAccount u join u.roles r where r in ('agent', 'supervisor')"
                + " order by u.username", String.class).getResultList();
    }

    public List<String> sops() {
        return em.createQuery("select distinct b.sopId from SopBundleRecord b order by b.sopId", String.class).getResultList();
    }
}
