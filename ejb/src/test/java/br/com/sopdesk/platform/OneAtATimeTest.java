package br.com.sopdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {

    @Test
    void aFailedTickIsLoggedNotThrownAndTheNextOneRunsAgain() {
        OneAtATime job = new OneAtATime("test");
        AtomicInteger runs = new AtomicInteger();
        assertDoesNotThrow(() -> job.run(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("database gone");
        }), "the container must never see the failure (it would expunge the periodic timer)");
        job.run(runs::incrementAndGet);
        assertEquals(2, runs.get(), "the tick after a failure runs");
    }

    @Test
    void aTickThatFindsTheLastOneRunningIsSkipped() {
        OneAtATime job = new OneAtATime("test");
        AtomicInteger inner = new AtomicInteger();
        job.run(() -> job.run(inner::incrementAndGet));
        assertEquals(0, inner.get(), "no second run while one is under way");
        job.run(inner::incrementAndGet);
        assertEquals(1, inner.get(), "free again once it ended");
    }
}
