package br.com.sopdesk.ticket.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A submission sent under its agent's own key is keyed the same each time, and per agent. */
class ClientKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-06T13:00:00Z");

    private static Ticket ticket(String agent) {
        return new Ticket("perda-de-senha", 1, "t", Map.of(), "", Map.of(),
                new Intake("11222333000181", "Padaria", "Cliente não localiza a senha.", "(51) 99999-0000", "(51) 3333-0000", "a@b.com.br"),
                new Classification("5", "32", "4", "2"), 24, agent, NOW);
    }

    @Test
    void theSameAgentAndKeyGiveTheSameSubmissionKeyAnotherAgentOrKeyAnother() {
        Ticket first = ticket("agent");
        Ticket again = ticket("agent");
        Ticket unkeyed = ticket("agent");
        first.claimFirstAttempt("sopdesk-1", NOW, new ClientKey("agent", "pedido-7f3a"));
        again.claimFirstAttempt("sopdesk-2", NOW, new ClientKey("agent", "pedido-7f3a"));
        unkeyed.claimFirstAttempt("sopdesk-1", NOW, null);
        assertEquals(first.getSubmissionKey(), again.getSubmissionKey());
        assertNotEquals(first.getSubmissionKey(), unkeyed.getSubmissionKey(), "without a key each ticket is its own submission");
        assertEquals(36, first.getSubmissionKey().length(), "fits the submission key's column");

        assertNotEquals(first.getSubmissionKey(), new ClientKey("agent2", "pedido-7f3a").submissionKey(), "one agent's key never finds another's ticket");
        assertNotEquals(first.getSubmissionKey(), new ClientKey("agent", "pedido-7f3b").submissionKey());
        assertNotEquals(new ClientKey("ab", "c").submissionKey(), new ClientKey("a", "bc").submissionKey(), "the parts cannot run into each other");
    }

    @Test
    void aTicketIsKeyedOnlyByItsOwnAgentAndOnlyBeforeItIsStored() throws ReflectiveOperationException {
        assertThrows(IllegalStateException.class, () -> ticket("agent").claimFirstAttempt("sopdesk-1", NOW, new ClientKey("agent2", "k")));
        Ticket stored = ticket("agent");
        Field id = Ticket.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(stored, 7L);
        assertThrows(IllegalStateException.class, () -> stored.claimFirstAttempt("sopdesk-1", NOW, new ClientKey("agent", "k")));
    }

    @Test
    void aKeyIsOneToTwoHundredVisibleAsciiCharacters() {
        assertTrue(ClientKey.valid("6f1c2a9e-4b7d-4d7e-9a53-0c2b1f3e8a11"));
        assertTrue(ClientKey.valid("x".repeat(200)));
        for (String bad : new String[] {"", " ", "com espaço", "ação", "tab\there", "x".repeat(201)}) {
            assertFalse(ClientKey.valid(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> new ClientKey("agent", bad));
        }
    }
}
