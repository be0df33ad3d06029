package br.com.sopdesk.it.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import br.com.sopdesk.it.InsideServer;
import br.com.sopdesk.it.probe.Probe;
import br.com.sopdesk.it.probe.Probe.ScheduledTimer;
import br.com.sopdesk.outbox.control.OutboxSettings;
import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.outbox.entity.DeliveryState;
import br.com.sopdesk.sla.control.SlaSettings;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's EJB timers as the container holds them after deployment: each timer bean's
 * timer exists once, non-persistent (each instance of a group has its own), with the schedule its
 * configuration gives, and fires on it, beside at most one wake of the SLA monitor for its next alert; and a tick does its work: a Qualitor request queued for now is written by
 * the outbox's drain alone, nobody else calling it.
 */
@InsideServer
class TimersInsideServerIT {

    @Inject
    Probe probe;

    @Inject
    OutboxSettings outbox;

    @Inject
    SlaSettings sla;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void removeWhatThisTestStored() {
        probe.deleteDemandActions(created);
    }

    @Test
    void eachTimerExistsOnceWithItsConfiguredSchedule() throws Exception {
        long scanMillis = Math.max(1, ConfigProvider.getConfig().getOptionalValue("sopdesk.sla.scan-interval-seconds", Long.class).orElse(20L)) * 1000;
        long retentionMillis = Math.max(1, ConfigProvider.getConfig().getOptionalValue("sopdesk.retention.interval-minutes", Long.class).orElse(60L)) * 60_000;
        List<ScheduledTimer> all = probe.timers();
        // besides them, the SLA monitor's wake for the next alert, when one is set: at most one, in memory only
        List<ScheduledTimer> wakes = all.stream().filter(t -> t.info().startsWith("sla-wake:")).toList();
        assertTrue(wakes.size() <= 1 && wakes.stream().noneMatch(ScheduledTimer::persistent), wakes.toString());
        assertEquals(List.of("qualitor-outbox", "retention", "sla-deliver", "sla-scan", "walk-days"),
                all.stream().map(ScheduledTimer::info).filter(i -> !i.startsWith("sla-wake:")).sorted().toList());
        Map<String, ScheduledTimer> timers = byName(all);
        assertFalse(timers.get("sla-scan").persistent(), "every instance scans on its own timer");
        assertFalse(timers.get("qualitor-outbox").persistent());
        assertFalse(timers.get("sla-deliver").persistent());
        assertFalse(timers.get("retention").persistent());
        assertFalse(timers.get("walk-days").persistent());

        Instant now = Instant.now();
        // too long to watch fire: its next run is at most one interval ahead (the first one sooner, after 5 minutes at most)
        Instant retention = timers.get("retention").next();
        assertTrue(retention.isAfter(now.minusSeconds(60)) && retention.isBefore(now.plusMillis(retentionMillis + 1000)),
                "retention runs next at " + retention + ", every " + retentionMillis + " ms");
        assertEvery(outbox.drainInterval().toMillis(), "qualitor-outbox");
        assertEvery(sla.deliveryInterval().toMillis(), "sla-deliver");
        assertEvery(scanMillis, "sla-scan");
    }

    @Test
    void theOutboxTickWritesAQueuedRequestOnItsOwn() throws Exception {
        created.addAll(probe.demandActions(1, "1000", Instant.now()));
        long id = created.get(0);
        Delivery d = await().pollInSameThread().atMost(outbox.drainInterval().multipliedBy(10).plusSeconds(10))
                .until(() -> probe.delivery(id), delivery -> delivery.getState() != DeliveryState.QUEUED || delivery.getAttempts() > 0);
        d = await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> probe.delivery(id), delivery -> delivery.getState() != DeliveryState.SENDING);
        assertEquals(DeliveryState.DONE, d.getState(), "written by a drain tick: " + d.getLastError());
        assertEquals(1, d.getAttempts());
        assertNull(d.getClaimedBy());
    }

    /**
     * Watches the named interval timer fire: its next timeout moves on by its interval (a whole number
     * of intervals when the server was too busy to fire it in time).
     */
    private void assertEvery(long intervalMillis, String name) {
        Instant first = byName(probe.timers()).get(name).next();
        Instant next = await().pollInSameThread().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofMillis(intervalMillis * 3).plusSeconds(30))
                .until(() -> byName(probe.timers()).get(name).next(), n -> !n.equals(first));
        long moved = Duration.between(first, next).toMillis();
        assertTrue(moved > 0 && moved % intervalMillis == 0, name + " moved on by " + moved + " ms, its interval is " + intervalMillis + " ms");
    }

    private static Map<String, ScheduledTimer> byName(List<ScheduledTimer> timers) {
        return timers.stream().collect(Collectors.toMap(ScheduledTimer::info, Function.identity()));
    }
}
