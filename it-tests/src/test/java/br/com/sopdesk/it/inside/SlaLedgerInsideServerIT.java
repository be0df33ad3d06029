package br.com.sopdesk.it.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.it.InsideServer;
import br.com.sopdesk.it.probe.Probe;
import br.com.sopdesk.sla.control.SlaScan;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA scan's exactly-once ledger under concurrent scans: two scans started at the same moment
 * over the same due clocks (with the monitor's own timer free to join them) raise each due alert
 * exactly once — one ledger row per clock and level, one alert on each clock's timeline — and a
 * scan afterwards raises nothing more. Several instances scanning one database rely on this.
 */
@InsideServer
class SlaLedgerInsideServerIT {

    private static final int CLOCKS = 12;

    @Inject
    SlaScan scan;

    @Inject
    Probe probe;

    private final List<Long> clocks = new ArrayList<>();

    @AfterEach
    void removeWhatThisTestStored() {
        probe.deleteClocks(clocks);
    }

    @Test
    void twoScansAtOnceRaiseEachDueAlertExactlyOnce() throws Exception {
        clocks.addAll(probe.atRiskClocks(CLOCKS));

        ManagedExecutorService threads = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SlaScan.Report>> scans = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            scans.add(threads.submit(() -> {
                start.await();
                return scan.scan();
            }));
        }
        start.countDown();
        for (Future<SlaScan.Report> s : scans) {
            s.get(120, TimeUnit.SECONDS);
        }

        Map<Long, List<String>> ledger = probe.alertLevels(clocks);
        for (Map.Entry<Long, List<String>> clock : ledger.entrySet()) {
            assertEquals(List.of("AT_RISK"), clock.getValue(), "ledger of clock " + clock.getKey());
        }
        Map<Long, Long> timelines = probe.alertEvents(clocks);
        assertTrue(timelines.values().stream().allMatch(n -> n == 1), "one alert on each clock's timeline: " + timelines);

        scan.scan();
        assertEquals(ledger, probe.alertLevels(clocks), "a later scan raises nothing more");
    }
}
