package br.com.sopdesk.sla.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ScanCountersTest {

    @Test
    void aReportNamesTheClocksItAlertedAndNotTheOnesSettledQuietly() {
        SlaScan.Counters n = new SlaScan.Counters();
        n.alerted(7, 1);
        n.alerted(3, 0);
        n.alerted(5, 2);
        assertEquals(3, n.alerts.get());
        assertEquals(List.of(5L, 7L), n.named());
    }

    @Test
    void aLongScanNamesOnlyTheFirstHundredButCountsEveryAlert() {
        SlaScan.Counters n = new SlaScan.Counters();
        IntStream.rangeClosed(1, 250).parallel().forEach(id -> n.alerted(id, 1));
        assertEquals(250, n.alerts.get());
        List<Long> named = n.named();
        assertEquals(SlaScan.NAMED, named.size());
        assertEquals(named.stream().distinct().count(), named.size());
        assertEquals(named.stream().sorted().toList(), named);
        named.forEach(id -> assertEquals(true, LongStream.rangeClosed(1, 250).anyMatch(i -> i == id)));
    }
}
