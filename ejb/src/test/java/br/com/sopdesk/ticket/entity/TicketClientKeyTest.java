package br.com.sopdesk.ticket.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A submission sent under the sender's own key is keyed the same each time, and per agent. */
class TicketClientKeyTest {

    private static Ticket ticket(String agent) {
        return new Ticket("perda-de-senha", 1, "t", Map.of(), "", Map.of(),
                new Intake("11222333000181", "Padaria", "Cliente não localiza a senha.", "(51) 99999-0000", "(51) 3333-0000", "a@b.com.br"),
                new Classification("5", "32", "4", "2"), 24, agent, Instant.parse("2026-12-06T13:00:00Z"));
    }

    @Test
    void theSameAgentAndKeyGiveTheSameSubmissionKeyAnotherAgentOrKeyAnother() {
        Ticket first = ticket("agent");
        Ticket again = ticket("agent");
        assertNotEquals(first.getSubmissionKey(), again.getSubmissionKey(), "without a key each ticket is its own submission");
        first.keyBy("pedido-7f3a");
        again.keyBy("pedido-7f3a");
        assertEquals(first.getSubmissionKey(), again.getSubmissionKey());
        assertEquals(36, first.getSubmissionKey().length(), "fits the submission key's column");
        assertEquals(Ticket.submissionKey("agent", "pedido-7f3a"), first.getSubmissionKey());

        Ticket otherAgent = ticket("agent2");
        otherAgent.keyBy("pedido-7f3a");
        assertNotEquals(first.getSubmissionKey(), otherAgent.getSubmissionKey(), "one agent's key never finds another's ticket");
        assertNotEquals(first.getSubmissionKey(), Ticket.submissionKey("agent", "pedido-7f3b"));
        // the parts cannot run into each other
        assertNotEquals(Ticket.submissionKey("ab", "c"), Ticket.submissionKey("a", "bc"));
    }

    @Test
    void aStoredTicketKeepsItsKey() throws ReflectiveOperationException {
        Ticket t = ticket("agent");
        Field id = Ticket.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(t, 7L);
        assertThrows(IllegalStateException.class, () -> t.keyBy("pedido-7f3a"));
    }
}
