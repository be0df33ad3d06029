package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/tickets} validates exactly like the page (same rules, same messages), refuses a
 * category that contradicts the SOP, accepts the alphanumeric CNPJ, sends nothing it refuses, and
 * stores a submission sent again under its Idempotency-Key once.
 */
@BlackBox
class TicketApiIT {

    @Test
    void invalidFieldsAnswer422WithThePagesMessagesAndNothingIsSent() throws Exception {
        // told apart in Qualitor by its text: the outbox may send other tests' tickets meanwhile
        String marker = "recusado-" + java.util.UUID.randomUUID();
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.lostPasswordA1("11.222.333/0001-82",
                "(51) 99999-0000", "51 99999 0000", "cliente@invalido", "curta", null)
                .replace(Tickets.TRIED, Tickets.TRIED + " (" + marker + ")"));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("CNPJ/CPF inválido: confira os dígitos verificadores"), r.body());
        assertTrue(r.body().contains("O segundo telefone deve ser diferente do primeiro."), r.body());
        assertTrue(r.body().contains("E-mail inválido: use o formato nome@dominio.com.br."), r.body());
        assertTrue(r.body().contains("entre 15 e 4000 caracteres"), r.body());
        assertEquals(0, Env.sandboxTicketsWith(marker), "nothing sent to Qualitor");
    }

    @Test
    void invalidCpfAndPhoneWithoutAreaCodeAreRefused() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.lostPasswordA1("529.982.247-24",
                "99999-0000", "(51) 3333-0000", "ti@comercio.com.br", "Cliente perdeu a senha do certificado A1.", null));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(Env.field(r.body(), "document").startsWith("CNPJ/CPF inválido"), r.body());
        assertEquals("Telefone inválido: informe DDD e número, por exemplo (51) 99999-0000 ou (51) 3333-0000.", Env.field(r.body(), "phone1"));
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A3\",\"a3-resolveu\":\"nao\"}}");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("Informe o CNPJ ou CPF do cliente.", Env.field(r.body(), "document"));
        assertEquals("Informe o nome do cliente.", Env.field(r.body(), "customerName"));
        assertEquals("Informe o primeiro telefone de contato.", Env.field(r.body(), "phone1"));
        assertEquals("Informe o segundo telefone de contato.", Env.field(r.body(), "phone2"));
        assertEquals("Informe o e-mail atualizado do cliente.", Env.field(r.body(), "email"));
        assertEquals("Descreva o problema do cliente.", Env.field(r.body(), "description"));
        assertEquals("Descreva a solução tentada com o cliente antes de abrir o chamado.", Env.field(r.body(), "triedSolution"));
        assertEquals("Preencha Mídia: fabricante e modelo (token ou cartão).", Env.field(r.body(), "fields.midia"), "the A3 path asks for the media");
    }

    @Test
    void theSolutionTriedTravelsToQualitorAndAnA1TicketAsksNoMedia() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("Perda de senha - certificado A1 (arquivo), instalação pela primeira vez", Env.field(r.body(), "title"),
                "the title shows the option's label, not its code");
        assertTrue(Env.sandboxTickets().contains("Solução tentada: " + Tickets.TRIED), "what was tried is in the ticket text");
    }

    @Test
    void englishIsSelectable() throws Exception {
        HttpResponse<String> r = Env.api("POST", "tickets", Env.AGENT, Env.AGENT_PASSWORD,
                "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A3\",\"a3-resolveu\":\"nao\"}}", "en");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("Enter the customer's CNPJ or CPF.", Env.field(r.body(), "document"));
    }

    @Test
    void alphanumericCnpjIsAcceptedAndSentToQualitor() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("12.ABC.345/01DE-35"));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("SENT", Env.field(r.body(), "state"));
        String number = Env.field(r.body(), "demandNumber");
        assertNotNull(number);
        assertTrue(Env.sandboxTickets().contains("\"cdchamado\":\"" + number + "\""), "the demand exists in Qualitor");
        assertNotNull(r.headers().firstValue("Location").orElse(null));
    }

    @Test
    void aCategoryContradictingTheSopIsRefused() throws Exception {
        String body = Tickets.validLostPassword("11.222.333/0001-81").replace("}", "}").replaceFirst("\\}$", ",\"category\":\"36\"}");
        HttpResponse<String> r = Env.agentApi("POST", "tickets", body);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(Env.field(r.body(), "category").contains("vem do SOP (32)"), r.body());

        HttpResponse<String> same = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81").replaceFirst("\\}$", ",\"category\":\"32\"}"));
        assertEquals(201, same.statusCode(), "the SOP's own category is accepted: " + same.body());
    }

    @Test
    void aWalkThatDoesNotEscalateOpensNoTicket() throws Exception {
        HttpResponse<String> r = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81").replace("\"a1-esgotou\":\"sim\"", "\"a1-esgotou\":\"nao\""));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(Env.field(r.body(), "answers").contains("não levam a uma abertura de chamado"), r.body());

        HttpResponse<String> english = Env.api("POST", "tickets", Env.AGENT, Env.AGENT_PASSWORD,
                Tickets.validLostPassword("11.222.333/0001-81").replace("\"a1-esgotou\":\"sim\"", "\"a1-esgotou\":\"nao\""), "en");
        assertEquals(422, english.statusCode(), english.body());
        assertTrue(Env.field(english.body(), "answers").contains("do not lead to opening a ticket"), english.body());
        assertEquals("Nothing was registered: correct the fields shown.", Env.field(english.body(), "message"), english.body());
    }

    @Test
    void aSopsOwnFieldsAreEnforcedWithTheirRules() throws Exception {
        String base = "{\"sopId\":\"sem-matricula-cei\",\"answers\":{\"tem-cei\":\"nao\",\"precisa-cei\":\"sim\"},"
                + "\"customer\":{\"document\":\"11.222.333/0001-81\",\"name\":\"Padaria\",\"email\":\"a@padaria.com.br\","
                + "\"phone1\":\"(51) 99999-0000\",\"phone2\":\"(51) 3333-0000\"},"
                + "\"description\":\"Certificado emitido sem a matrícula CEI; cliente precisa para o eSocial.\","
                + "\"triedSolution\":\"Conferido o Outro Nome do certificado com o cliente: sem CEI.\"";
        HttpResponse<String> missing = Env.agentApi("POST", "tickets", base + "}");
        assertEquals(422, missing.statusCode(), missing.body());
        assertEquals("Preencha Matrícula CEI que deve constar no certificado.", Env.field(missing.body(), "fields.ceiEsperada"));

        HttpResponse<String> zeros = Env.agentApi("POST", "tickets", base + ",\"fields\":{\"ceiEsperada\":\"000000000000\"}}");
        assertEquals(422, zeros.statusCode());
        assertTrue(Env.field(zeros.body(), "fields.ceiEsperada").contains("12 dígitos"), zeros.body());

        HttpResponse<String> ok = Env.agentApi("POST", "tickets", base + ",\"fields\":{\"ceiEsperada\":\"123456789012\"}}");
        assertEquals(201, ok.statusCode(), ok.body());
        assertTrue(Env.sandboxTickets().contains("Matrícula CEI que deve constar no certificado: 123456789012"),
                "the field travels in the ticket text");
    }

    @Test
    void aSubmissionSentAgainUnderItsKeyIsStoredAndSentOnceEvenWhenTheRequestsCross() throws Exception {
        // this test's demands are told apart in Qualitor by their text (the outbox may send other tests' tickets meanwhile)
        String marker = "chave-" + java.util.UUID.randomUUID();
        String body = Tickets.lostPasswordA1("11.222.333/0001-81", "(51) 99999-0000", "(51) 3333-0000", "ti@comercio.com.br",
                "Cliente perdeu a senha de instalação do A1; tentativas esgotadas (" + marker + ").", null);
        String key = "it-" + java.util.UUID.randomUUID();
        HttpResponse<String> first = Env.agentApi("POST", "tickets", body, "Idempotency-Key", key);
        HttpResponse<String> again = Env.agentApi("POST", "tickets", body, "Idempotency-Key", key);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(Env.field(first.body(), "id"), Env.field(again.body(), "id"));
        assertEquals(Env.field(first.body(), "demandNumber"), Env.field(again.body(), "demandNumber"));

        // four requests under one new key at once: whichever stores it, the others answer its ticket
        String crossing = "it-" + java.util.UUID.randomUUID();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> Env.agentApi("POST", "tickets", body, "Idempotency-Key", crossing)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (var f : sent) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.statusCode() + " " + r.body());
                created += r.statusCode() == 201 ? 1 : 0;
                ids.add(Env.field(r.body(), "id"));
            }
            assertEquals(1, created, "stored once");
            assertEquals(1, ids.size(), "one ticket: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, Env.sandboxTickets().split(java.util.regex.Pattern.quote(marker), -1).length - 1,
                "two submissions, two demands in Qualitor");

        // a key no header can carry is refused
        HttpResponse<String> bad = Env.agentApi("POST", "tickets", Tickets.validLostPassword("11.222.333/0001-81"), "Idempotency-Key", "x".repeat(201));
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(Env.field(bad.body(), "Idempotency-Key").contains("de 1 a 200 caracteres"), bad.body());
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        assertEquals(401, Env.api("POST", "tickets", null, null, Tickets.validLostPassword("11.222.333/0001-81"), null).statusCode());
        assertEquals(401, Env.api("GET", "sops", Env.AGENT, "wrong", null, null).statusCode());
    }
}
