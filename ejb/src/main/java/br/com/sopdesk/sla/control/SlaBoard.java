package br.com.sopdesk.sla.control;

import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.entity.ClockState;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaDelivery;
import br.com.sopdesk.sla.entity.SlaEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

    @PersistenceContext
    EntityManager em;

    @Inject
    SlaSettings settings;

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

    /** Clocks in a standing ({@code AT_RISK}, {@code BREACHED}, {@code MET}, {@code ON_TRACK}, {@code PAUSED}), nearest deadline first. */
    public List<SlaClock> clocks(Filter f, Instant now) {
        String standing = f.standing() == null ? "" : f.standing();
        String order = "MET".equals(standing) ? " order by c.countdown.metAt desc" : " order by c.countdown.deadlineAt";
        return bind(em.createQuery("select c from SlaClock c where " + where(f) + order, SlaClock.class), f, now)
                .setMaxResults(MAX_ROWS).getResultList();
    }

    /** How many clocks are in a standing (the board's counters, not capped like the lists). */
    public long count(Filter f, Instant now) {
        return bind(em.createQuery("select count(c) from SlaClock c where " + where(f), Long.class), f, now).getSingleResult();
    }

    private static String where(Filter f) {
        StringBuilder q = new StringBuilder();
        switch (f.standing() == null ? "" : f.standing()) {
            case "AT_RISK" -> q.append("c.state = :running and c.countdown.deadlineAt > :now and (c.alerts.nextLevel is null or c.alerts.nextLevel <> 'AT_RISK' or c.alerts.nextAlertAt <= :now)");
            case "ON_TRACK" -> q.append("c.state = :running and c.countdown.deadlineAt > :now and c.alerts.nextLevel = 'AT_RISK' and c.alerts.nextAlertAt > :now");
            // a paused clock's deadline is not running: it is paused, not breached
            case "BREACHED" -> q.append("c.state = :running and c.countdown.deadlineAt <= :now");
            case "PAUSED" -> q.append("c.state = :paused");
            case "MET" -> q.append("c.state = :met and c.countdown.metAt >= :since");
            default -> q.append("(c.state <> :met or c.countdown.metAt >= :since)");
        }
        return q.append(narrowing(f)).toString();
    }

    /** The team, SOP and agent conditions on the clock {@code c}. */
    private static String narrowing(Filter f) {
        StringBuilder q = new StringBuilder();
        if (Filter.set(f.team())) {
            q.append(" and c.subject.team = :team");
        }
        if (Filter.set(f.sopId())) {
            q.append(" and c.subject.sopId = :sop");
        }
        if (Filter.set(f.agent())) {
            q.append(" and c.subject.agent = :agent");
        }
        return q.toString();
    }

    private static <T> TypedQuery<T> narrow(TypedQuery<T> query, Filter f) {
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

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Filter f, Instant now) {
        switch (f.standing() == null ? "" : f.standing()) {
            case "AT_RISK", "ON_TRACK" -> query.setParameter("running", ClockState.RUNNING).setParameter("now", Utc.of(now));
            case "BREACHED" -> query.setParameter("running", ClockState.RUNNING).setParameter("now", Utc.of(now));
            case "PAUSED" -> query.setParameter("paused", ClockState.PAUSED);
            default -> query.setParameter("met", ClockState.MET).setParameter("since", Utc.of(now.minus(Duration.ofDays(7))));
        }
        return narrow(query, f);
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
     * late or not met). A paused clock is neither: its deadline is not running. Two indexed counts
     * per day, so the cost does not depend on how many clocks the window holds.
     */
    public List<Day> attainment(int days, Filter f, Instant now) {
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        List<Day> out = new ArrayList<>();
        for (LocalDate d = today.minusDays(Math.max(1, days) - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            Instant from = d.atStartOfDay(settings.zone()).toInstant();
            Instant to = d.plusDays(1).atStartOfDay(settings.zone()).toInstant();
            Instant until = to.isAfter(now) ? now : to;
            long onTime = count(MET_ON_TIME, f, from, until);
            long total = count(COUNTED, f, from, until);
            out.add(new Day(d, onTime, total - onTime));
        }
        return out;
    }

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
