package br.com.sopdesk.insight.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import br.com.sopdesk.sop.control.SopBundleJson;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a walk's record ends: a recorded call stays solved (deflected), an escalation's ticket escalates; neither moves afterwards. */
class WalkRecordTest {

    private static final SopBundle SOP = SopBundleJson.read("""
            {"id": "registro", "version": 1, "title": "Registro", "start": "q",
             "nodes": [
               {"id": "q", "kind": "QUESTION", "title": "Resolveu?",
                "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "sobe"}]},
               {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
               {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim", "record": true}],
             "qualitor": {"ticketType": "5", "category": "35"}}
            """);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aSolvedCallRecordedInQualitorStaysSolvedWithItsTicket() {
        WalkRecord record = new WalkRecord("registro", 1, "agent", SopWalk.of(SOP, Map.of()), NOW);
        record.walked(SopWalk.of(SOP, Map.of("q", "sim")), NOW.plusSeconds(30));
        assertEquals(WalkState.SOLVED, record.getState());
        record.ticketed(7L, "35", true, NOW.plusSeconds(60));
        assertEquals(WalkState.SOLVED, record.getState(), "a recorded call is a call solved, not an escalation");
        record.walked(SopWalk.of(SOP, Map.of("q", "nao")), NOW.plusSeconds(90));
        assertEquals(WalkState.SOLVED, record.getState(), "once its ticket is saved the walk no longer moves");
    }

    @Test
    void anEscalationsTicketEscalates() {
        WalkRecord record = new WalkRecord("registro", 1, "agent", SopWalk.of(SOP, Map.of("q", "nao")), NOW);
        record.ticketed(8L, "35", false, NOW.plusSeconds(60));
        assertEquals(WalkState.ESCALATED, record.getState());
    }
}
