package br.com.sopdesk.demand.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.outbox.entity.Backoff;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restart on its way to Qualitor: with the installation's workflow step, the demand is moved there
 * once and then the history entry written; without one, the entry asks the team to reopen it.
 */
class RestartDeliveryTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(300), 0);

    /** What the courier asked of Qualitor, in order. */
    private final List<String> calls = new ArrayList<>();
    private RuntimeException historyFails;

    private final QualitorGateway qualitor = new QualitorGateway() {
        @Override
        public boolean nextStep(String number, String step, boolean mayAlreadyExist) {
            calls.add("nextStep " + number + " " + step + (mayAlreadyExist ? " (looking first)" : ""));
            return true;
        }

        @Override
        public boolean addHistory(String number, String text, String key, boolean mayAlreadyExist) {
            calls.add("addHistory " + number + " " + text + (mayAlreadyExist ? " (looking first)" : ""));
            if (historyFails != null) {
                RuntimeException e = historyFails;
                historyFails = null;
                throw e;
            }
            return true;
        }
    };

    private DemandOutbox courierOf(DemandAction action) {
        DemandOutbox courier = new DemandOutbox();
        courier.qualitor = qualitor;
        courier.store = new DemandStore() {
            @Override
            public DemandAction find(long id) {
                return action;
            }

            @Override
            public void stepMoved(long id) {
                action.stepMoved();
            }
        };
        return courier;
    }

    private static DemandAction restart(String step) {
        return DemandAction.restart("48213", "A resposta fala de outro certificado.", step, "reiniciar-demanda", 2, "agente1");
    }

    @Test
    void withoutAStepTheHistoryEntryAsksTheTeamToReopenTheDemand() {
        DemandAction a = restart("  ");
        assertTrue(a.restartStep().isEmpty());
        assertFalse(a.stepPending());
        assertTrue(courierOf(a).send(1));
        assertEquals(1, calls.size(), calls.toString());
        String entry = calls.get(0);
        assertTrue(entry.startsWith("addHistory 48213 Pedido de reinício"), entry);
        assertTrue(entry.contains("pedimos à equipe responsável que a reabra") && entry.contains("A resposta fala de outro certificado.")
                && entry.contains("agente agente1"), entry);
        assertThrows(IllegalStateException.class, a::stepMoved, "a restart without a step moves nothing");
    }

    @Test
    void withAStepTheDemandIsMovedThereFirstThenTheEntrySaysSo() {
        DemandAction a = restart("31");
        assertTrue(a.stepPending());
        assertTrue(courierOf(a).send(1));
        assertEquals("nextStep 48213 31", calls.get(0));
        assertTrue(calls.get(1).startsWith("addHistory 48213 Pedido de reinício") && calls.get(1).contains("etapa 31"), calls.get(1));
        assertFalse(a.stepPending());
    }

    @Test
    void aRetryAfterTheHistoryEntryFailedDoesNotMoveTheDemandAgain() {
        DemandAction a = restart("31");
        DemandOutbox courier = courierOf(a);
        historyFails = new IllegalStateException("connection refused");
        assertThrows(IllegalStateException.class, () -> courier.send(1));
        a.getDelivery().claim("server", Instant.now());
        a.getDelivery().retryLater("connection refused", Instant.now(), BACKOFF, false);

        assertTrue(courier.send(1));
        assertEquals(List.of("nextStep 48213 31"), calls.stream().filter(c -> c.startsWith("nextStep")).toList(), "moved once");
        assertEquals(2, calls.stream().filter(c -> c.startsWith("addHistory")).count());
    }

    @Test
    void afterALostAnswerTheStepIsLookedAtBeforeMoving() {
        DemandAction a = restart("31");
        a.getDelivery().claim("server", Instant.now());
        a.getDelivery().retryLater("read timeout", Instant.now(), BACKOFF, true);
        courierOf(a).send(1);
        assertEquals("nextStep 48213 31 (looking first)", calls.get(0));
        assertTrue(calls.get(1).endsWith("(looking first)"), calls.get(1));
    }

    @Test
    void aReiterationNeverMovesTheDemand() {
        DemandAction a = new DemandAction(DemandAction.Kind.REITERATE, "48213", "Cliente sem retorno após 24 horas.", "reiterar-demanda", 1, "agente1");
        assertFalse(a.stepPending());
        courierOf(a).send(1);
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).startsWith("addHistory 48213 Reiteração solicitada pelo cliente. Motivo: Cliente sem retorno"), calls.get(0));
    }
}
