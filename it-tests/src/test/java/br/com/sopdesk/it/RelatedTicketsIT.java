package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/customers/{doc}/tickets}: the "same SOP" warning and the time left do not depend on
 * Qualitor listing the submission key (getTicket promises only cdchamado, nmtitulochamado,
 * nmsituacao, dtchamado); the time left is SOP Desk's SLA clock when the demand has one; a CNPJ
 * Qualitor does not know is said to be unregistered.
 */
@BlackBox
class RelatedTicketsIT {

    @AfterEach
    void back() throws Exception {
        Env.sandboxControl("keyword-field?mode=LISTED");
        Env.sandboxControl("auto-register?on=true");
    }

    @Test
    void theSameSopWarningAndTheSlaClockWorkWithoutTheKeyword() throws Exception {
        String cnpj = Env.freshCnpj();
        HttpResponse<String> created = Env.agentApi("POST", "tickets", Tickets.validLostPassword(cnpj));
        assertEquals(201, created.statusCode(), created.body());
        String id = Env.field(created.body(), "id");
        org.awaitility.Awaitility.await("the clock of ticket " + id).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Env.agentApi("GET", "tickets/" + id + "/clock", null).statusCode() == 200);
        String number = Env.field(Env.agentApi("GET", "tickets/" + id, null).body(), "demandNumber");

        Env.sandboxControl("keyword-field?mode=NOT_LISTED");
        String related = Env.agentApi("GET", "customers/" + cnpj + "/tickets?sopId=perda-de-senha", null).body();
        assertTrue(related.contains("\"number\":\"" + number + "\""), related);
        assertEquals("true", Env.field(related, "duplicate"), "known by the demand number SOP Desk stored: " + related);
        assertEquals("SOPDESK", Env.field(related, "deadline"), "SOP Desk's own clock: " + related);
        assertTrue(Env.field(related, "timeLeft").matches("2[34] h"), related);
        assertEquals("false", Env.field(Env.agentApi("GET", "customers/" + cnpj + "/tickets?sopId=token-em-branco", null).body(), "duplicate"));
    }

    @Test
    void anAgentSeesTheDemandsAnotherAgentOpenedForTheCustomerButNotTheirTicket() throws Exception {
        String cnpj = Env.freshCnpj();
        HttpResponse<String> created = Env.api("POST", "tickets", "supervisor", "supervisor-demo", Tickets.validLostPassword(cnpj), null);
        assertEquals(201, created.statusCode(), created.body());
        String id = Env.field(created.body(), "id");
        String number = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> Env.field(Env.api("GET", "tickets/" + id, "supervisor", "supervisor-demo", null, null).body(), "demandNumber"),
                        n -> n != null && !n.equals("null"));

        // the related-demands list and the duplicate warning need every demand of the customer, whoever opened it
        String related = Env.agentApi("GET", "customers/" + cnpj + "/tickets?sopId=perda-de-senha", null).body();
        assertTrue(related.contains("\"number\":\"" + number + "\""), related);
        assertEquals("true", Env.field(related, "duplicate"), related);
        assertEquals(404, Env.agentApi("GET", "tickets/" + id, null).statusCode(), "the ticket itself stays its author's");
    }

    @Test
    void aCustomerQualitorDoesNotKnowIsSaidToBeUnregistered() throws Exception {
        Env.sandboxControl("auto-register?on=false");
        String related = Env.agentApi("GET", "customers/" + Env.freshCnpj() + "/tickets?sopId=perda-de-senha", null).body();
        assertEquals("false", Env.field(related, "customerRegistered"), related);
        assertTrue(Env.field(related, "error").contains("não está cadastrado como cliente no Qualitor"), related);
        assertEquals("true", Env.field(Env.agentApi("GET", "customers/11222333000181/tickets", null).body(), "customerRegistered"));
    }
}
