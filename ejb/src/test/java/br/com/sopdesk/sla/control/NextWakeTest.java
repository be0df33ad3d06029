package br.com.sopdesk.sla.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NextWakeTest {

    private final NextWake next = new NextWake(1_000);

    @Test
    void onlyAnEarlierMomentReplacesTheWakeSet() {
        assertEquals(OptionalLong.of(60_000), next.earlier(60_000, 10_000));
        assertTrue(next.earlier(70_000, 10_000).isEmpty(), "a later alert waits for the wake set");
        assertTrue(next.earlier(60_000, 10_000).isEmpty(), "the same moment is not set twice");
        assertEquals(OptionalLong.of(30_000), next.earlier(30_000, 10_000));
    }

    @Test
    void aMomentAlreadyPastWakesNow() {
        assertEquals(OptionalLong.of(10_000), next.earlier(5_000, 10_000));
    }

    @Test
    void wakesKeepTheGapAfterTheLastScanBegan() {
        next.scanning(10_000);
        assertEquals(OptionalLong.of(11_000), next.earlier(10_200, 10_300), "taken with whatever else falls due within the gap");
        next.scanning(12_000);
        assertEquals(OptionalLong.of(15_000), next.earlier(15_000, 12_100), "beyond the gap, at its own moment");
    }

    @Test
    void aScanOrAFiredWakeLetsALaterMomentBeSet() {
        next.earlier(20_000, 10_000);
        next.gone(20_000);
        assertEquals(OptionalLong.of(40_000), next.earlier(40_000, 20_000));
        next.scanning(20_500);
        assertEquals(OptionalLong.of(50_000), next.earlier(50_000, 21_000), "the scan dropped the wake it found set");
    }

    @Test
    void aFiredWakeThatWasReplacedDoesNotClearItsSuccessor() {
        next.earlier(20_000, 10_000);
        next.earlier(15_000, 10_000);
        next.gone(20_000);
        assertTrue(next.earlier(18_000, 10_000).isEmpty(), "15 s is still set");
    }
}
