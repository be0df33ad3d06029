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

    /** Clocks in a standing ({@code AT_RISK}, {@code BREACHED}, {@code MET}, {@code ON_TRACK}, {@code PAUSED}), newest deadline last. */
    public List<SlaClock> clocks(Filter f, Instant now) {
        StringBuilder q = new StringBuilder("select c from SlaClock c where 1 = 1");
        String standing = f.standing() == null ? "" : f.standing();
        switch (standing) {
            case "AT_RISK" -> q.append(" and c.state = :running and c.deadlineAt > :now and (c.nextLevel is null or c.nextLevel <> 'AT_RISK' or c.nextAlertAt <= :now)");
            case "ON_TRACK" -> q.append(" and c.state = :running and c.deadlineAt > :now and c.nextLevel = 'AT_RISK' and c.nextAlertAt > :now");
            case "BREACHED" -> q.append(" and c.state <> :met and c.deadlineAt <= :now");
            case "PAUSED" -> q.append(" and c.state = :paused");
            case "MET" -> q.append(" and c.state = :met and c.metAt >= :since");
            default -> q.append(" and (c.state <> :met or c.metAt >= :since)");
        }
        if (Filter.set(f.team())) {
            q.append(" and c.team = :team");
        }
        if (Filter.set(f.sopId())) {
            q.append(" and c.sopId = :sop");
        }
        if (Filter.set(f.agent())) {
            q.append(" and c.agent = :agent");
        }
        q.append("MET".equals(standing) ? " order by c.metAt desc" : " order by c.deadlineAt");
        TypedQuery<SlaClock> query = em.createQuery(q.toString(), SlaClock.class);
        switch (standing) {
            case "AT_RISK", "ON_TRACK" -> query.setParameter("running", ClockState.RUNNING).setParameter("now", Utc.of(now));
            case "BREACHED" -> query.setParameter("met", ClockState.MET).setParameter("now", Utc.of(now));
            case "PAUSED" -> query.setParameter("paused", ClockState.PAUSED);
            default -> query.setParameter("met", ClockState.MET).setParameter("since", Utc.of(now.minus(Duration.ofDays(7))));
        }
        if (Filter.set(f.team())) {
            query.setParameter("team", f.team());
        }
        if (Filter.set(f.sopId())) {
            query.setParameter("sop", f.sopId());
        }
        if (Filter.set(f.agent())) {
            query.setParameter("agent", f.agent());
        }
        return query.setMaxResults(MAX_ROWS).getResultList();
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
        return em.createNamedQuery(openOnly ? SlaAlert.OPEN : SlaAlert.LATEST, SlaAlert.class)
                .setMaxResults(Math.max(1, Math.min(max, 1000))).getResultList();
    }

    public List<SlaAlert> alertsOfDemand(String demand) {
        return em.createNamedQuery(SlaAlert.OF_DEMAND, SlaAlert.class).setParameter("demand", demand).getResultList();
    }

    public List<SlaDelivery> deliveries(long alertId) {
        return em.createNamedQuery(SlaDelivery.OF_ALERT, SlaDelivery.class).setParameter("alert", alertId).getResultList();
    }

    /**
     * Attainment for each of the last {@code days} days (Brasília dates of the deadlines): clocks
     * due that day and met on time, against those breached.
     */
    public List<Day> attainment(int days, Filter f, Instant now) {
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        LocalDate first = today.minusDays(Math.max(1, days) - 1L);
        Instant from = first.atStartOfDay(settings.zone()).toInstant();
        StringBuilder q = new StringBuilder("select c.deadlineAt, c.metAt, c.state from SlaClock c where c.deadlineAt >= :from and c.deadlineAt <= :now");
        if (Filter.set(f.team())) {
            q.append(" and c.team = :team");
        }
        if (Filter.set(f.sopId())) {
            q.append(" and c.sopId = :sop");
        }
        if (Filter.set(f.agent())) {
            q.append(" and c.agent = :agent");
        }
        TypedQuery<Object[]> query = em.createQuery(q.toString(), Object[].class)
                .setParameter("from", Utc.of(from)).setParameter("now", Utc.of(now));
        if (Filter.set(f.team())) {
            query.setParameter("team", f.team());
        }
        if (Filter.set(f.sopId())) {
            query.setParameter("sop", f.sopId());
        }
        if (Filter.set(f.agent())) {
            query.setParameter("agent", f.agent());
        }
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new long[2]);
        }
        for (Object[] row : query.getResultList()) {
            Instant deadline = Utc.instant((java.time.LocalDateTime) row[0]);
            Instant met = Utc.instant((java.time.LocalDateTime) row[1]);
            long[] counts = byDay.get(deadline.atZone(settings.zone()).toLocalDate());
            if (counts != null) {
                counts[met != null && !met.isAfter(deadline) ? 0 : 1]++;
            }
        }
        List<Day> out = new ArrayList<>();
        byDay.forEach((d, c) -> out.add(new Day(d, c[0], c[1])));
        return out;
    }

    /** Distinct values for the filters. */
    public List<String> teams() {
        return em.createQuery("select distinct c.team from SlaClock c where c.team is not null order by c.team", String.class).getResultList();
    }

    public List<String> agents() {
        return em.createQuery("select distinct c.agent from SlaClock c order by c.agent", String.class).getResultList();
    }

    public List<String> sops() {
        return em.createQuery("select distinct c.sopId from SlaClock c order by c.sopId", String.class).getResultList();
    }
}
