package br.com.sopdesk.ticket.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.qualitor.control.DemandDraft;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the outbox hands the connector: the problem, each datum apart (so it can be mapped), and the walk. */
class DemandDraftTest {

    private static final Instant NOW = Instant.parse("2026-12-05T13:00:00Z");

    private static Ticket ticket(String decisions) {
        return new Ticket("perda-de-senha", 3, "Perda de senha - A1", Map.of(), decisions, Map.of(),
                new Intake("11222333000181", "Padaria Pão Quente", "Cliente não localiza a senha.", "(51) 99999-0000", "(51) 3333-0000",
                        "financeiro@paoquente.com.br"),
                new Classification("5", "32", "4", "2", "7"), 24, "agent", NOW);
    }

    @Test
    void eachDatumTravelsApartAndTheProblemStaysTheAgentsText() {
        DemandDraft d = QualitorOutbox.draft(ticket("- Tipo: A1\n- Tentativas esgotadas: Sim\n"));
        assertEquals("Cliente não localiza a senha.", d.description());
        assertEquals("(51) 99999-0000", d.facts().phone1());
        assertEquals("(51) 3333-0000", d.facts().phone2());
        assertEquals("financeiro@paoquente.com.br", d.facts().email());
        assertEquals("11.222.333/0001-81", d.facts().document());
        assertEquals("perda-de-senha v3", d.facts().sop());
        assertNull(d.facts().certificate());
        assertTrue(d.facts().walk().startsWith("Decisões:\n- Tipo: A1\n- Tentativas esgotadas: Sim\nAgente: agent"), d.facts().walk());
        assertTrue(d.facts().walk().endsWith("Retorno ao cliente prometido em até 24 horas."));
        assertEquals("32", d.codes().category());
    }

    @Test
    void theCertificateLineLeavesTheWalkToBeMappedOnItsOwn() {
        DemandDraft d = QualitorOutbox.draft(ticket("- Tipo: A1\nCertificado lido pelo SOP Desk: e-CNPJ A1 de PADARIA, CEI ausente\n"));
        assertEquals("e-CNPJ A1 de PADARIA, CEI ausente", d.facts().certificate());
        assertFalse(d.facts().walk().contains("Certificado lido"), d.facts().walk());
    }

    @Test
    void whatWasTriedTravelsInTheWalkAndInTheSummaryFile() {
        Ticket ticket = ticket("- Tipo: A1\n");
        ticket.getIntake().setTriedSolution("Senha anotada na documentação tentada; tentativas esgotadas.");
        DemandDraft d = QualitorOutbox.draft(ticket);
        assertTrue(d.facts().walk().contains("Solução tentada: Senha anotada na documentação tentada; tentativas esgotadas.\nAgente: agent"),
                d.facts().walk());
        assertTrue(WalkSummary.text(ticket).contains("Solução tentada\n---------------\nSenha anotada na documentação tentada"),
                WalkSummary.text(ticket));
    }

    @Test
    void theCategorysQualitorTeamIsKeptWithTheTicket() {
        assertEquals("7", ticket("").getClassification().getQualitorTeam());
        assertNull(new Classification("5", "32", "4", "2", "  ").getQualitorTeam(), "blank: no team");
    }
}
