package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the order and timing of the requests, a breach read is never denied, and the other reads
 * never take more calls than the burst plus the rate times the time elapsed.
 */
class SyncBudgetPropertiesTest {

    static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    record Ask(long afterMillis, ReadPriority priority) {
    }

    @Provide
    Arbitrary<Ask> asks() {
        return Combinators.combine(Arbitraries.longs().between(0, 500), Arbitraries.of(ReadPriority.class)).as(Ask::new);
    }

    @Property(tries = 300)
    void callsStayWithinTheBurstPlusTheRate(@ForAll @Size(max = 2000) List<@net.jqwik.api.From("asks") Ask> asks,
                                           @ForAll @IntRange(min = 1, max = 100) int rate,
                                           @ForAll @IntRange(min = 1, max = 60) int burstSeconds) {
        SyncAllowance allowance = new SyncAllowance(rate, Duration.ofSeconds(burstSeconds), 12);
        SyncBudget b = SyncBudget.full(T0, allowance);
        Instant now = T0;
        long breach = 0;
        for (Ask a : asks) {
            now = now.plusMillis(a.afterMillis());
            boolean taken = b.take(a.priority(), 2, now, allowance);
            if (a.priority() == ReadPriority.BREACH) {
                assertTrue(taken, "a breach read is never denied");
                breach += 2;
            }
            double elapsed = Duration.between(T0, now).toNanos() / 1e9;
            long others = b.getCallsTaken() - breach;
            assertTrue(others <= allowance.capacity() + rate * elapsed + 1e-6,
                    () -> others + " calls besides the breach reads in " + elapsed + " s");
            assertTrue(b.getTokens() <= allowance.capacity() + 1e-9);
        }
    }
}
