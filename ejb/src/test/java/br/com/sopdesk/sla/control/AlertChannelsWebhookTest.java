package br.com.sopdesk.sla.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sla.entity.AlertSchedule;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sla.entity.ClockSubject;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SyncCadence;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional webhook: one JSON POST per alert with an idempotency key, and a refusal reported as a failure. */
class AlertChannelsWebhookTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private volatile int status = 204;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheAlertAsJsonWithAnIdempotencyKey() throws Exception {
        SlaAlert alert = alert();
        channels().send(new SlaAlerts.Outgoing(1, "WEBHOOK", url(), alert, clockOf(alert)));
        assertEquals(1, bodies.size());
        String json = bodies.get(0);
        assertTrue(json.contains("\"demand\":\"48213\"") && json.contains("\"level\":\"BREACH\"") && json.contains("\"deadlineVersion\":1"), json);
        assertTrue(json.contains("\"explanation\":\"23/11/2026 10:00  criado: Demanda 48213 registrada; prazo 24/11/2026 10:00 (horário de Brasília)"
                + " (RETORNO-24H: Retorno em 24 horas)\""), json);
        assertEquals("48213/RETORNO-24H/BREACH/1", keys.get(0));
    }

    @Test
    void aRefusalIsAFailureToRetry() throws Exception {
        status = 503;
        SlaAlert alert = alert();
        IOException e = assertThrows(IOException.class,
                () -> channels().send(new SlaAlerts.Outgoing(1, "WEBHOOK", url(), alert, clockOf(alert))));
        assertEquals("webhook respondeu HTTP 503", e.getMessage());
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private SlaClock clock;

    private SlaClock clockOf(SlaAlert alert) {
        return clock;
    }

    private SlaAlert alert() throws ReflectiveOperationException {
        ClockPolicy policy = new ClockPolicy("RETORNO-24H");
        Instant t0 = Instant.parse("2026-11-23T13:00:00Z");
        policy.define("Retorno em 24 horas", 1440, false, "08:00", "18:00", null, 75, 240, "teste", t0);
        List<Happening> timeline = new ArrayList<>();
        clock = SlaClock.start(new ClockSubject(7L, "48213", "perda-de-senha", "Perda de senha - certificado A1", "Padaria", "agent", "Suporte N1"),
                policy, t0, d -> false, ZoneId.of("America/Sao_Paulo"), t0, SyncCadence.DEFAULT, timeline);
        var id = SlaClock.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(clock, 9L);
        return new SlaAlert(clock, AlertSchedule.BREACH, t0.plusSeconds(86_400), "teste", timeline);
    }

    /** The channels as the server builds them, with the desk's default zone. */
    private static AlertChannels channels() {
        AlertChannels channels = new AlertChannels();
        channels.settings = new SlaSettings();
        channels.settings.zone = "America/Sao_Paulo";
        return channels;
    }
}
