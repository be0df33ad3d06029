package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a ticket reaches Qualitor, the plain-text summary of the SOP walk is attached to it exactly
 * once, through the whole path (API, database, outbox timer, connector, sandbox over HTTP), even
 * when {@code addAttachment} fails first — including after Qualitor stored the file but the answer
 * was lost — and without a second ticket. Closing a demand through the API ends it in Qualitor and
 * is audited. The IT domain retries every 2 seconds.
 */
@BlackBox
class SummaryAndCloseIT {

    @AfterEach
    void healQualitor() throws Exception {
        fault("NONE", 0, 0, null);
    }

    private static void fault(String kind, long latencyMillis, int count, String operation) throws Exception {
        String query = "kind=" + kind + "&latencyMillis=" + latencyMillis + "&count=" + count + (operation == null ? "" : "&operation=" + operation);
        assertEquals(200, Env.post(Env.SANDBOX + "control/faults?" + query, "application/x-www-form-urlencoded", new byte[0]).statusCode());
    }

    private static String submit() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"));
        assertEquals(201, r.statusCode(), r.body());
        return r.body();
    }

    /** Polls the ticket until {@code done} holds; returns its JSON. */
    private static String until(String id, Predicate<String> done, Duration within) {
        return await("ticket " + id).atMost(within).pollInterval(Duration.ofMillis(300))
                .until(() -> Env.agentApi("GET", "tickets/" + id, null).body(), done);
    }

    private static String attached(String id) throws Exception {
        return until(id, b -> "ATTACHED".equals(Env.field(b, "summaryState")), Duration.ofSeconds(60));
    }

    private static String files(String number) throws Exception {
        return Env.get(Env.SANDBOX + "control/tickets/" + number + "/attachments").body();
    }

    private static int count(String json, String what) {
        return json.split(what, -1).length - 1;
    }

    @Test
    void theWalkSummaryIsAttachedOnceWithTheSopAnswersAndDescription() throws Exception {
        String created = submit();
        String id = Env.field(created, "id");
        String done = attached(id);
        String number = Env.field(done, "demandNumber");
        String files = files(number);
        assertEquals(1, count(files, "\"nmanexo\""), files);
        assertTrue(files.contains("sopdesk-resumo-" + id + ".txt"), files);
        assertTrue(files.contains("SOP: perda-de-senha versão"), files);
        assertTrue(files.contains("- tipo: A1") && files.contains("- a1-esgotou: sim"), files);
        assertTrue(files.contains("Cliente perdeu a senha de instalação do A1; tentativas esgotadas."), files);
        assertEquals(1, count(Env.sandboxTickets(), "\"dspalavrachave\":\"sopdesk:" + Env.field(created, "submissionKey")), "one ticket");
    }

    @Test
    void anAttachmentAnsweredWithHttp500IsNotSentBlindAndArrivesOnceAfterAPersonChecked() throws Exception {
        // a 500 may come after the file was stored: nothing lists a demand's files, so no blind retry
        fault("HTTP_500", 0, 1, "addAttachment");
        String created = submit();
        String id = Env.field(created, "id");
        String refused = until(id, b -> "REFUSED".equals(Env.field(b, "summaryState")), Duration.ofSeconds(60));
        String number = Env.field(refused, "demandNumber");
        assertEquals(0, count(files(number), "\"nmanexo\""), files(number));
        assertTrue(Env.field(refused, "summaryError").contains("confira"), refused);

        HttpResponse<String> unchecked = Env.agentApi("POST", "tickets/" + id + "/summary/resend", "{}");
        assertEquals(409, unchecked.statusCode(), "only after the person says they checked: " + unchecked.body());
        HttpResponse<String> checked = Env.agentApi("POST", "tickets/" + id + "/summary/resend", "{\"checkedInQualitor\": true}");
        assertEquals(200, checked.statusCode(), checked.body());
        attached(id);
        assertEquals(1, count(files(number), "\"nmanexo\""), files(number));
        assertEquals(1, count(Env.sandboxTickets(), "\"dspalavrachave\":\"sopdesk:" + Env.field(created, "submissionKey")), "the ticket was not re-created");
    }

    @Test
    void anAttachmentStoredButWhoseAnswerWasCutIsNotAttachedTwice() throws Exception {
        // every addAttachment is carried out, then its answer is cut; no public operation lists a
        // demand's attachments, so the retry sends nothing and asks a person to check instead
        fault("RESET", 0, 1000, "addAttachment");
        String created = submit();
        String id = Env.field(created, "id");
        String refused = until(id, b -> "REFUSED".equals(Env.field(b, "summaryState")), Duration.ofSeconds(60));
        String number = Env.field(refused, "demandNumber");
        assertEquals(1, count(files(number), "\"nmanexo\""), files(number));
        assertTrue(Env.field(refused, "summaryError").contains("confira"), refused);
        assertEquals(1, count(Env.sandboxTickets(), "\"dspalavrachave\":\"sopdesk:" + Env.field(created, "submissionKey")), "the ticket was not re-created");
    }

    @Test
    void closingADemandEndsItInQualitorAndIsAudited() throws Exception {
        String created = submit();
        String id = Env.field(created, "id");
        String number = Env.field(until(id, b -> "SENT".equals(Env.field(b, "state")), Duration.ofSeconds(60)), "demandNumber");

        HttpResponse<String> noReason = Env.agentApi("POST", "tickets/" + id + "/close", "{\"closeRelated\":false}");
        assertEquals(422, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("motivo"), noReason.body());

        HttpResponse<String> closed = Env.agentApi("POST", "tickets/" + id + "/close",
                "{\"reason\":\"Cliente encontrou a senha no termo de emissão.\",\"closeRelated\":false}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("DONE", Env.field(closed.body(), "state"));
        assertEquals("Encerrado", Env.field(closed.body(), "situation"));
        assertEquals("Encerrado", Env.field(Env.agentApi("GET", "tickets/" + id, null).body(), "situation"));
        String inSandbox = Env.sandboxTickets();
        int at = inSandbox.indexOf("\"cdchamado\":\"" + number + "\"");
        assertTrue(at >= 0, inSandbox);
        String record = inSandbox.substring(inSandbox.lastIndexOf('{', at), inSandbox.indexOf('}', at));
        assertTrue(record.contains("\"nmsituacao\":\"Encerrado\"") && record.contains("\"cdsituacao\":\"5\""), record);

        HttpResponse<String> again = Env.agentApi("POST", "tickets/" + id + "/close",
                "{\"reason\":\"Segunda tentativa de encerrar.\",\"closeRelated\":false}");
        assertEquals(502, again.statusCode(), again.body());
        assertTrue(Env.field(again.body(), "message").contains("no next step"), again.body());

        String audit = Env.adminApi("GET", "admin/audit?limit=50", null).body();
        assertTrue(audit.contains("demanda.encerramento") && audit.contains("demanda.encerrada"), audit);
        assertTrue(audit.contains("demanda.encerramento-falhou"), "the failed second close is audited too: " + audit);
        assertTrue(audit.contains("motivo informado (46 caracteres)"), audit);
        assertFalse(audit.contains("Cliente encontrou a senha no termo de emissão."),
                "the audit trail is append-only and retention cannot clear it: never the customer's free text");
    }

    @Test
    void aTicketWithoutADemandYetCannotBeClosedAndAnUnknownOneIsNotFound() throws Exception {
        fault("DOWN", 0, 0, null);
        String id = Env.field(submit(), "id");
        HttpResponse<String> early = Env.agentApi("POST", "tickets/" + id + "/close", "{\"reason\":\"Cliente desistiu da solicitação.\"}");
        assertEquals(422, early.statusCode(), early.body());
        assertNotNull(Env.field(early.body(), "ticket"), early.body());
        assertEquals(404, Env.agentApi("POST", "tickets/999999999/close", "{\"reason\":\"Cliente desistiu da solicitação.\"}").statusCode());
    }
}
