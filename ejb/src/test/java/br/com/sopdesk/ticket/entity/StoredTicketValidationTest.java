package br.com.sopdesk.ticket.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.platform.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The persistence unit validates a ticket's intake when the ticket is first stored, and not at its
 * later updates (validation group {@code StoredUnchanged}): a ticket stored under the rules of its
 * day is still sent and closed after a rule changed, and its updates do not pay for the check.
 */
class StoredTicketValidationTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    EntityManagerFactory emf;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:stored" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(SchemaMigration.locations("H2")).load().migrate();
        emf = TestUnit.open(url, "sa", "", "WARNING");
    }

    @AfterEach
    void close() {
        emf.close();
    }

    static Ticket ticket(String document, String email) {
        return new Ticket("perda-de-senha", 1, "Perda de senha A1", Map.of("tipo", "A1"), "tipo: A1", Map.of(),
                new Intake(document, "Maria da Silva", "Cliente perdeu a senha do certificado A1",
                        "(51) 99999-0000", "(51) 3333-0000", email),
                new Classification("1", "32", "1", "3"), 24, "agent", NOW);
    }

    @Test
    void aTicketWhoseIntakeBreaksARuleIsNotStored() {
        ConstraintViolationException refused = assertThrows(ConstraintViolationException.class,
                () -> TestUnit.inTransaction(emf, em -> {
                    em.persist(ticket("111.444.777-36", "maria@exemplo.com.br"));
                    em.flush();
                    return null;
                }));
        assertTrue(refused.getConstraintViolations().stream().anyMatch(v -> v.getPropertyPath().toString().contains("document")),
                refused.getMessage());
        long stored = TestUnit.inTransaction(emf, em -> em.createQuery("select count(t) from Ticket t", Long.class).getSingleResult());
        assertEquals(0, stored);
    }

    @Test
    void aStoredTicketIsUpdatedEvenWhenItsIntakeNoLongerPassesTheRules() {
        long id = TestUnit.inTransaction(emf, em -> {
            Ticket t = ticket("111.444.777-35", "maria@exemplo.com.br");
            em.persist(t);
            em.flush();
            return t.getId();
        });
        // as if the e-mail rule had become stricter after the ticket was stored
        TestUnit.inTransaction(emf, em -> em.createQuery("update Ticket t set t.intake.email = 'maria@exemplo' where t.id = :id")
                .setParameter("id", id).executeUpdate());
        emf.getCache().evictAll();

        TestUnit.inTransaction(emf, em -> {
            em.find(Ticket.class, id).sent("4321", "Aberto", NOW.plusSeconds(5));
            return null;
        });

        EntityManager em = emf.createEntityManager();
        try {
            Ticket t = em.find(Ticket.class, id);
            assertEquals("4321", t.getQualitorNumber());
            assertEquals(TicketState.SENT, t.getState());
            assertEquals("maria@exemplo", t.getIntake().getEmail());
        } finally {
            em.close();
        }
    }
}
