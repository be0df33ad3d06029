package br.com.sopdesk.sla.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.platform.TestUnit;
import br.com.sopdesk.sla.entity.ReadPriority;
import br.com.sopdesk.sla.entity.SyncAllowance;
import br.com.sopdesk.sla.entity.SyncBudget;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The budget's one row, as the migration makes it, taken under its row lock as {@link SlaWork#begin} does. */
class SyncBudgetStoreTest {

    static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    static final SyncAllowance FIFTY = new SyncAllowance(50, Duration.ofSeconds(20), 12);

    EntityManagerFactory emf;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:budget" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
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

    boolean take(ReadPriority p, Instant now) {
        return inTransaction(em -> {
            SyncBudget b = em.find(SyncBudget.class, SyncBudget.ID, LockModeType.PESSIMISTIC_WRITE);
            assertNotNull(b, "the migration makes the row");
            return b.take(p, SyncAllowance.CALLS_PER_READ, now, FIFTY);
        });
    }

    @Test
    void theBudgetIsFullAtItsFirstUseFillsAtTheRateAndKeepsWhatWasTaken() {
        int far = 0;
        while (take(ReadPriority.FAR, T0)) {
            far++;
        }
        assertEquals(250, far, "full at the first use: 1,000 calls, far reads down to 500");
        assertTrue(take(ReadPriority.BREACH, T0));
        assertFalse(take(ReadPriority.FAR, T0.plusMillis(40)), "the first 40 ms repay the breach read, no more");
        assertTrue(take(ReadPriority.FAR, T0.plusMillis(100)));
        SyncBudget b = inTransaction(em -> em.find(SyncBudget.class, SyncBudget.ID));
        assertEquals(504, b.getCallsTaken());
        assertEquals(2, b.getReadsDenied());
        assertEquals(501.0, b.getTokens(), 1e-6, "500, less the breach read, plus 5 earned over 100 ms, less the far read");
    }
}
