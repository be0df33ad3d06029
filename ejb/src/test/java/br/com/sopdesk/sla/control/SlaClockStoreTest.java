package br.com.sopdesk.sla.control;

import br.com.sopdesk.platform.TestUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sla.entity.AlertSchedule;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sla.entity.ClockSubject;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.SlaText;
import br.com.sopdesk.sla.entity.SyncCadence;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clock's parts (subject, policy copy, countdown, alert and sync schedules) stored in today's
 * {@code sla_clock} columns and read back through EclipseLink on a database the migrations built;
 * the board's queries over them; and timeline lines stored as codes beside lines written before.
 */
class SlaClockStoreTest {

    static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    static final Instant T0 = Instant.parse("2026-11-23T13:00:00Z");

    EntityManagerFactory emf;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:slaclock" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(SchemaMigration.locations("H2")).load().migrate();
        emf = TestUnit.open(url, "sa", "", "WARNING");
    }

    @AfterEach
    void close() {
        emf.close();
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        return TestUnit.inTransaction(emf, work);
    }

    long startedClock() {
        return inTransaction(em -> {
            Ticket t = new Ticket("perda-de-senha", 1, "Perda de senha A1", Map.of("tipo", "A1"), "tipo: A1", Map.of(),
                    new Intake("111.444.777-35", "Maria da Silva", "Cliente perdeu a senha do certificado A1",
                            "(51) 99999-0000", "(51) 3333-0000", "maria@example.com.br"),
                    new Classification("1", "32", "1", "3"), 24, "agent", T0);
            em.persist(t);
            t.sent("48213", "Aberto", T0);
            em.flush();
            ClockPolicy policy = new ClockPolicy("RET-UTEIS");
            policy.define("Retorno em 24 horas úteis", 1440, true, "08:00", "18:00", "Aguardando cliente", 75, 240, "teste", T0);
            List<Happening> timeline = new ArrayList<>();
            SlaClock clock = SlaClock.start(new ClockSubject(t.getId(), "48213", "perda-de-senha", "Perda de senha A1", "Maria da Silva",
                    "agent", "Suporte N1"), policy, T0, d -> false, SP, T0, SyncCadence.DEFAULT, timeline);
            em.persist(clock);
            em.flush();
            timeline.forEach(h -> em.persist(new SlaEvent(clock.getId(), h)));
            return clock.getId();
        });
    }

    @Test
    void theClocksPartsAreStoredInTheirColumnsAndTheBoardQueriesThem() {
        long id = startedClock();
        SlaClock c = inTransaction(em -> em.find(SlaClock.class, id));
        assertEquals("48213", c.getDemandNumber());
        assertEquals("Suporte N1", c.getSubject().getTeam());
        assertEquals("RET-UTEIS", c.getPolicy().getCode());
        assertTrue(c.getPolicy().getRules().isBusinessHours());
        assertEquals(Instant.parse("2026-11-25T17:00:00Z"), c.getDeadlineAt(), "Monday 10:00 + 24 working hours (8 + 10 + 6): Wednesday 14:00");
        assertEquals(1, c.getDeadlineVersion());
        assertEquals(AlertSchedule.AT_RISK, c.getAlerts().getNextLevel());
        assertEquals(T0.plus(Duration.ofMinutes(30)), c.getSync().getNextSyncAt());
        assertEquals(c.getSync().getNextSyncAt(), c.getDueAt());

        List<Object> columns = inTransaction(em -> List.of(em.createNativeQuery(
                "SELECT policy_code, next_level, deadline_version, team, reminder_minutes FROM sla_clock WHERE id = " + id).getSingleResult()));
        assertEquals(List.of("RET-UTEIS", "AT_RISK", 1, "Suporte N1", 240), List.of((Object[]) columns.get(0)));

        inTransaction(em -> {
            SlaBoard board = new SlaBoard();
            board.em = em;
            assertEquals(1, board.count(new SlaBoard.Filter("ON_TRACK", "Suporte N1", "perda-de-senha", "agent"), T0));
            assertEquals(0, board.count(new SlaBoard.Filter("AT_RISK", null, null, null), T0));
            Instant late = Instant.parse("2026-11-25T18:00:00Z");
            assertEquals(List.of(id), board.clocks(new SlaBoard.Filter("BREACHED", null, null, null), late).stream().map(SlaClock::getId).toList());
            assertEquals(id, board.clockOfTicket(c.getSubject().getTicketId()).orElseThrow().getId());
            assertEquals(List.of(id), em.createNamedQuery(SlaClock.DUE, Long.class).setParameter("now", Utc.of(late)).getResultList());
            assertEquals(1, em.createNamedQuery(SlaClock.BY_DEMANDS, SlaClock.class).setParameter("demands", List.of("48213")).getResultList().size());
            return null;
        });
    }

    @Test
    void theMonitorFindsTheNextAlertAfterAMomentByItsIndex() {
        long id = startedClock();
        Instant atRisk = inTransaction(em -> em.find(SlaClock.class, id)).getAlerts().getNextAlertAt();
        inTransaction(em -> {
            SlaWork work = new SlaWork();
            work.em = em;
            assertEquals(java.util.Optional.of(atRisk), work.nextAlert(T0), "the at-risk warning, the one alert ahead");
            assertEquals(java.util.Optional.empty(), work.nextAlert(atRisk), "none after it yet (the breach is planned once it is raised)");
            String plan = String.valueOf(em.createNativeQuery("EXPLAIN SELECT next_alert_at FROM sla_clock WHERE next_alert_at > TIMESTAMP '2026-11-23 13:00:00'"
                    + " ORDER BY next_alert_at FETCH FIRST 1 ROWS ONLY").getSingleResult());
            assertTrue(plan.contains("IX_SLA_CLOCK_NEXT_ALERT") && plan.contains("index sorted"), plan);
            return null;
        });
    }

    @Test
    void timelineLinesAreStoredAsCodesAndLinesWrittenBeforeReadAsWritten() {
        long id = startedClock();
        inTransaction(em -> em.createNativeQuery("INSERT INTO sla_event (id, clock_id, at, kind, detail) VALUES (-1, " + id
                + ", TIMESTAMP '2026-11-23 14:00:00', 'SYNCED', 'Qualitor: situação \"Em atendimento\"')").executeUpdate());
        List<SlaEvent> events = inTransaction(em -> {
            SlaBoard board = new SlaBoard();
            board.em = em;
            return board.timeline(id);
        });
        assertEquals(List.of("CREATED", "SYNCED"), events.stream().map(SlaEvent::getKind).toList());
        String stored = inTransaction(em -> (String) em.createNativeQuery("SELECT detail FROM sla_event WHERE kind = 'CREATED'").getSingleResult());
        assertTrue(SlaText.isEncoded(stored) && !stored.contains("registrada"), "a code and its arguments, no sentence: " + stored);
        assertEquals("Demanda 48213 registrada; prazo 25/11/2026 14:00 (horário de Brasília) (RET-UTEIS: Retorno em 24 horas úteis)",
                events.get(0).getText().render(SlaText.PT, SP));
        assertEquals("Demand 48213 registered; deadline 2026-11-25 14:00 (Brasilia Time) (RET-UTEIS: Retorno em 24 horas úteis)",
                events.get(0).getText().render(Locale.ENGLISH, SP));
        assertEquals("Qualitor: situação \"Em atendimento\"", events.get(1).getText().render(Locale.ENGLISH, SP));
    }

    @Test
    void anAnnouncedChangeIsStoredOnceAndASettlementLoadedBeforeItLosesTheRace() {
        long id = startedClock();
        Instant announced = T0.plus(Duration.ofMinutes(3));
        ChangeAnnouncements announcements = new ChangeAnnouncements();
        announcements.time = java.time.Clock.fixed(announced, SP);
        List<Object> woken = new ArrayList<>();
        announcements.clockDue = recording(woken);
        // a scan's settlement holds the clock as it was before the announcement
        EntityManager scan = emf.createEntityManager();
        scan.getTransaction().begin();
        SlaClock settling = scan.find(SlaClock.class, id);

        assertEquals(1, (int) inTransaction(em -> {
            announcements.em = em;
            return announcements.bringForward("48213");
        }));
        assertEquals(0, (int) inTransaction(em -> {
            announcements.em = em;
            return announcements.bringForward("48213");
        }), "a retry while the read waits changes nothing");
        assertEquals(0, (int) inTransaction(em -> {
            announcements.em = em;
            return announcements.bringForward("99999");
        }), "a demand without a clock");
        assertEquals(List.of(new ClockDue(announced)), woken, "the monitor is woken for the read once, not for the retry");

        SlaClock stored = inTransaction(em -> em.find(SlaClock.class, id));
        assertEquals(announced, stored.getSync().getAnnouncedAt());
        assertEquals(announced, stored.getDueAt());
        List<String> kinds = inTransaction(em -> em.createNamedQuery(SlaEvent.OF_CLOCK, SlaEvent.class).setParameter("clock", id)
                .getResultList().stream().map(SlaEvent::getKind).toList());
        assertEquals(List.of("CREATED", "ANNOUNCED"), kinds);

        settling.scheduleSync(announced, SyncCadence.DEFAULT);
        RuntimeException lost = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> scan.getTransaction().commit());
        scan.close();
        assertTrue(SlaWork.lostRace(lost), "the scan tells a lost race from other failures: " + lost);
        assertEquals(announced, inTransaction(em -> em.find(SlaClock.class, id)).getDueAt(), "the announcement stands");
    }

    /** An event that records what is fired (the container delivers it after the commit). */
    @SuppressWarnings("unchecked")
    static <T> jakarta.enterprise.event.Event<T> recording(List<Object> fired) {
        return (jakarta.enterprise.event.Event<T>) java.lang.reflect.Proxy.newProxyInstance(SlaClockStoreTest.class.getClassLoader(),
                new Class<?>[] {jakarta.enterprise.event.Event.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("fire")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    fired.add(args[0]);
                    return null;
                });
    }

    @Test
    void aScanClaimsTheClocksWhoseAlertIsDueBeforeThoseDueOnlyForAReadThoughTheseCameDueEarlier() {
        long readA = startedClock();
        long readB = startedClock();
        long alerting = startedClock();
        Instant now = T0.plus(Duration.ofMinutes(20));
        inTransaction(em -> {
            for (long id : List.of(readA, readB)) {
                em.createNativeQuery("UPDATE sla_clock SET next_sync_at = ?, due_at = ? WHERE id = ?")
                        .setParameter(1, Utc.of(T0.plusSeconds(60))).setParameter(2, Utc.of(T0.plusSeconds(60))).setParameter(3, id).executeUpdate();
            }
            em.createNativeQuery("UPDATE sla_clock SET next_alert_at = ?, due_at = ? WHERE id = ?")
                    .setParameter(1, Utc.of(T0.plusSeconds(600))).setParameter(2, Utc.of(T0.plusSeconds(600))).setParameter(3, alerting).executeUpdate();
            return null;
        });
        List<Long> byDueTime = inTransaction(em -> em.createNamedQuery(SlaClock.DUE, Long.class).setParameter("now", Utc.of(now))
                .setMaxResults(2).getResultList());
        assertFalse(byDueTime.contains(alerting), "by due time alone, the two reads come first: " + byDueTime);

        List<Long> claimed = inTransaction(em -> {
            SlaWork work = new SlaWork();
            work.em = em;
            work.settings = new SlaSettings();
            work.settings.leaseSeconds = 120;
            return work.claim(now, "scan-1", 2);
        });
        assertEquals(2, claimed.size(), "as many as the batch takes: " + claimed);
        assertEquals(alerting, claimed.get(0), "the clock whose alert is due first: " + claimed);
        assertTrue(List.of(readA, readB).contains(claimed.get(1)), "then the earliest read: " + claimed);
    }
}
