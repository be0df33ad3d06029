package br.com.sopdesk.ticket.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary file attached in Qualitor says how the agent got to the ticket, in plain pt-BR text. */
class WalkSummaryTest {

    static Ticket ticket() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("tipo", "A1");
        answers.put("a1-esgotou", "sim");
        return new Ticket("perda-de-senha", 3, "Perda de senha - certificado A1", answers,
                "- Tipo do certificado: A1\n- Tentativas esgotadas: Sim\n", Map.of("cei", "123456789012"),
                new Intake("12ABC34501DE35", "Comércio Alfanumérico S.A.", "Cliente não localiza a senha do A1; tentativas esgotadas.",
                        "(51) 99999-0000", "(51) 3333-0000", "ti@comercio.com.br"),
                new Classification("5", "32", "4", "2"), 24, "agent", Instant.parse("2026-11-23T13:42:00Z"));
    }

    @Test
    void carriesTheSopVersionAnswersFieldsAndDescription() {
        Ticket ticket = ticket();
        String text = WalkSummary.text(ticket);
        assertTrue(text.contains("SOP: perda-de-senha versão 3"), text);
        assertTrue(text.contains("- a1-esgotou: sim\n- tipo: A1\n"), text);
        assertTrue(text.contains("- Tentativas esgotadas: Sim"), text);
        assertTrue(text.contains("- cei: 123456789012"), text);
        assertTrue(text.contains("Cliente não localiza a senha do A1; tentativas esgotadas."), text);
        assertTrue(text.contains("CNPJ/CPF: 12.ABC.345/01DE-35"), text);
        assertTrue(text.contains("Registrado em: 23/11/2026 10:42 (horário de Brasília) por agent"), text);
        assertEquals(text, new String(WalkSummary.content(ticket), StandardCharsets.UTF_8));
    }
}
