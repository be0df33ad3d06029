package br.com.sopdesk.sla.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A team name longer than its column, empty, or with characters that are not text is refused with the reason (422), never left to the database (500). */
class AgentTeamTest {

    @Test
    void aTeamNameOverEightyCharactersIsRefusedWithTheLimit() {
        assertEquals("O nome da equipe tem 81 caracteres: o limite é 80.",
                assertThrows(IllegalArgumentException.class, () -> new AgentTeam("agent", "t".repeat(81))).getMessage());
        assertEquals("Informe a equipe.", assertThrows(IllegalArgumentException.class, () -> new AgentTeam("agent", "\u200B")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AgentTeam("agent", "Suporte").moveTo("Suporte \uD800"));
        assertEquals("t".repeat(80), new AgentTeam("agent", " " + "t".repeat(80) + " ").getTeam());
    }
}
