package br.com.sopdesk.it.probe;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sla.entity.ClockSubject;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The in-container tests' hand inside the application's EJB module, where {@code SopDeskDeployment}
 * adds it (in the tests' deployment only): the module's timers as its {@link TimerService} lists
 * them (a module sees only its own), and rows of the application's own entities (Qualitor requests,
 * SLA clocks) stored, read and removed in transactions of their own.
 *
 * @see br.com.sopdesk.it.SopDeskDeployment
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Probe {

    /** One timer of the module: its name (its info), whether it survives a restart, and when it fires next. */
    public record ScheduledTimer(String info, boolean persistent, Instant next) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    TimerService timers;

    @Inject
    SlaSettings sla;

    /**
     * The module's timers as they stand; a single-action timer that fires or is replaced between the
     * listing and its reading (the SLA monitor's wake, set again for every clock started) is left out.
     */
    public List<ScheduledTimer> timers() {
        List<ScheduledTimer> all = new ArrayList<>();
        for (Timer t : timers.getAllTimers()) {
            try {
                all.add(new ScheduledTimer(String.valueOf(t.getInfo()), t.isPersistent(), t.getNextTimeout().toInstant()));
            } catch (jakarta.ejb.NoSuchObjectLocalException | jakarta.ejb.NoSuchEJBException gone) {
                // it ended meanwhile
            }
        }
        return all;
    }

    /** Never called: a bean needs a timeout method to be given a {@link TimerService}; this one creates no timer. */
    @Timeout
    void never(Timer timer) {
    }

    /** {@code count} requests to add a line to Qualitor demand {@code demand}, queued to go at {@code due}. */
    public List<Long> demandActions(int count, String demand, Instant due) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DemandAction a = new DemandAction(DemandAction.Kind.REITERATE, demand, "teste no servidor " + i, "it-inside", 1, "it-inside",
                    Instant.now());
            em.persist(a);
            em.flush();
            ids.add(a.getId());
        }
        // in the same transaction, so no drain sees them due earlier
        em.createQuery("update DemandAction e set e.delivery.nextAttemptAt = :due where e.id in :ids")
                .setParameter("due", Utc.of(due)).setParameter("ids", ids).executeUpdate();
        return ids;
    }

    public Delivery delivery(long id) {
        DemandAction a = em.find(DemandAction.class, id);
        em.refresh(a);
        return a.getDelivery();
    }

    /**
     * {@code count} open SLA clocks at risk now and due for the scan, each of a ticket of its own
     * (sent to Qualitor as demand {@code IT-...}), under a policy of 24 hours with the at-risk point at
     * 1 % that no SOP uses: started an hour ago, so the at-risk alert is due and the deadline is not.
     * The tickets' walk summaries wait a month, so no outbox sends anything for them.
     */
    public List<Long> atRiskClocks(int count) {
        Instant now = Instant.now();
        Instant started = now.minus(Duration.ofHours(1));
        ClockPolicy policy = new ClockPolicy("IT-INSIDE");
        policy.define("Teste no servidor", 1440, false, "08:00", "18:00", null, 1, 0, "it-inside", now);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String demand = "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Ticket t = new Ticket("it-inside", 1, "Teste no servidor", Map.of(), "", Map.of(),
                    new Intake("111.444.777-35", "Cliente de teste", "Teste no servidor", "(51) 99999-0000", "(51) 3333-0000", "teste@example.com.br"),
                    new Classification("1", "32", "1", "3"), 24, "it-inside", started);
            em.persist(t);
            t.sent(demand, "Aberto", started);
            em.flush();
            em.createQuery("update Ticket e set e.summary.nextAttemptAt = :later where e.id = :id")
                    .setParameter("later", Utc.of(now.plus(Duration.ofDays(30)))).setParameter("id", t.getId()).executeUpdate();
            List<Happening> timeline = new ArrayList<>();
            SlaClock clock = SlaClock.start(new ClockSubject(t.getId(), demand, "it-inside", "Teste no servidor", "Cliente de teste", "it-inside", null),
                    policy, started, sla.holidays(), sla.zone(), now, sla.cadence(), timeline);
            em.persist(clock);
            em.flush();
            timeline.forEach(h -> em.persist(new SlaEvent(clock.getId(), h)));
            ids.add(clock.getId());
        }
        return ids;
    }

    /** The ledger's levels of each clock, one entry per alert row. */
    public Map<Long, List<String>> alertLevels(List<Long> clocks) {
        Map<Long, List<String>> levels = new TreeMap<>();
        clocks.forEach(c -> levels.put(c, new ArrayList<>()));
        em.createQuery("select a from SlaAlert a where a.clockId in :clocks", SlaAlert.class).setParameter("clocks", clocks).getResultList()
                .forEach(a -> levels.get(a.getClockId()).add(a.getLevel()));
        return levels;
    }

    /** How many times each clock's timeline says an alert was raised. */
    public Map<Long, Long> alertEvents(List<Long> clocks) {
        Map<Long, Long> events = new TreeMap<>();
        clocks.forEach(c -> events.put(c, 0L));
        em.createQuery("select e from SlaEvent e where e.clockId in :clocks and e.kind = 'ALERT'", SlaEvent.class).setParameter("clocks", clocks)
                .getResultList().forEach(e -> events.merge(e.getClockId(), 1L, Long::sum));
        return events;
    }

    /** Removes the clocks, their alerts, deliveries and timelines, and their tickets. */
    public void deleteClocks(List<Long> clocks) {
        if (clocks.isEmpty()) {
            return;
        }
        List<Long> alerts = em.createQuery("select a.id from SlaAlert a where a.clockId in :clocks", Long.class).setParameter("clocks", clocks).getResultList();
        if (!alerts.isEmpty()) {
            em.createQuery("delete from SlaDelivery d where d.alertId in :alerts").setParameter("alerts", alerts).executeUpdate();
            em.createQuery("delete from SlaAlert a where a.id in :alerts").setParameter("alerts", alerts).executeUpdate();
        }
        em.createQuery("delete from SlaEvent e where e.clockId in :clocks").setParameter("clocks", clocks).executeUpdate();
        List<Long> tickets = em.createQuery("select c.subject.ticketId from SlaClock c where c.id in :clocks", Long.class)
                .setParameter("clocks", clocks).getResultList();
        em.createQuery("delete from SlaClock c where c.id in :clocks").setParameter("clocks", clocks).executeUpdate();
        tickets.forEach(id -> em.remove(em.find(Ticket.class, id)));
    }

    public void deleteDemandActions(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("delete from DemandAction e where e.id in :ids").setParameter("ids", ids).executeUpdate();
        }
    }
}
