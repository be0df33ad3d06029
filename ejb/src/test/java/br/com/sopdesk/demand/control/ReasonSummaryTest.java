package br.com.sopdesk.demand.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The audit trail keeps the length of the customer's reason, never its words (retention cannot clear it). */
class ReasonSummaryTest {

    @Test
    void onlyTheLengthIsRecorded() {
        String reason = "  Cliente Maria, CPF 529.982.247-25, sem retorno  ";
        String summary = DemandActions.reasonSummary(reason);
        assertEquals("motivo informado (46 caracteres)", summary);
        assertFalse(summary.contains("Maria") || summary.contains("529"));
    }
}
