package br.com.sopdesk.warranty.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateType;
import br.com.sopdesk.certificate.entity.SourceFormat;
import br.com.sopdesk.certificate.entity.WarrantyDecision;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sop.control.SopBundleJson;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketWarranty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's warranty is computed from the issuance date and the case on the product clock (moved
 * here, never slept on): a path claiming the warranty that the dates deny is refused naming both
 * dates, unless filed as an exception with a reason; 000 and 002 carry the decision of their case.
 */
class WarrantiesTest {

    /** 15/01/2027 at noon in Brasília. */
    private static final Instant NOW = Instant.parse("2027-01-15T15:00:00Z");

    private final Warranties warranties = new Warranties();

    @BeforeEach
    void clockAtNow() {
        warranties.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static SopBundle seed(String file) throws IOException {
        try (InputStream in = WarrantiesTest.class.getClassLoader().getResourceAsStream("sops/" + file)) {
            return SopBundleJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The facts of a certificate valid from {@code notBefore}, for a year. */
    static CertificateFacts issued(Instant notBefore) {
        return new CertificateFacts(SourceFormat.DER, CertificateFacts.HolderKind.COMPANY, "COMERCIO EXEMPLO LTDA", null, null, null,
                "11222333000181", null, null, null, null, null, null, null, CertificateType.A1, null, null, "AC EXEMPLO", List.of(),
                "0A1B", notBefore, notBefore.plus(Duration.ofDays(365)), List.of(), List.of(), true, true);
    }

    private static Ticket ticket() {
        return new Ticket("garantia-revogacao", 2, "t", Map.of(), "", Map.of(),
                new Intake("11222333000181", "Padaria", "Cliente não localiza a senha.", "(51) 99999-0000", "(51) 3333-0000", "a@b.com.br"),
                new Classification("5", "36", "4", "2"), 24, "agent", NOW);
    }

    private static final Map<String, String> CORRUPTED_WITHIN = Map.of("caso", "corrompido", "prazo-14", "sim");

    @Test
    void aWithinPathTheDatesConfirmIsAccepted() throws IOException {
        SopBundle warranty = seed("003-garantia-revogacao.json");
        var checked = warranties.check(warranty, SopWalk.of(warranty, CORRUPTED_WITHIN), Map.of("dataEmissao", "05/01/2027"), null, null);
        assertTrue(checked.errors().isEmpty(), checked.errors().toString());
        assertEquals(WarrantyDecision.Route.REVOKE_AND_REISSUE, checked.decision().route());
        assertEquals(4, checked.decision().daysLeft());
        assertNull(checked.exceptionReason());
    }

    @Test
    void aWithinPathTheDatesDenyIsRefusedNamingBothDatesOnceTheClockMoves() throws IOException {
        SopBundle warranty = seed("003-garantia-revogacao.json");
        SopWalk walk = SopWalk.of(warranty, CORRUPTED_WITHIN);
        Map<String, String> fields = Map.of("dataEmissao", "05/01/2027");
        assertTrue(warranties.check(warranty, walk, fields, null, null).errors().isEmpty());

        warranties.clock = Clock.offset(warranties.clock, Duration.ofDays(5));
        var checked = warranties.check(warranty, walk, fields, null, null);
        Text refusal = checked.errors().get("warrantyException");
        assertEquals("As datas não confirmam a garantia: emissão em 05/01/2027 (data informada) e hoje, 20/01/2027, são 15 dia(s) "
                + "desde a emissão; a garantia de 14 dias terminou em 19/01/2027. Siga o caminho \"fora da garantia\" ou registre uma "
                + "exceção de garantia com o motivo.", refusal.in(Text.PT_BR));
        assertTrue(refusal.in(Locale.ENGLISH).contains("issued on 05/01/2027") && refusal.in(Locale.ENGLISH).contains("today, 20/01/2027"),
                refusal.in(Locale.ENGLISH));
    }

    @Test
    void theCertificatesDateWinsOverTheTypedOne() throws IOException {
        SopBundle warranty = seed("003-garantia-revogacao.json");
        var facts = issued(Instant.parse("2026-12-01T12:00:00Z"));
        var checked = warranties.check(warranty, SopWalk.of(warranty, CORRUPTED_WITHIN), Map.of("dataEmissao", "10/01/2027"), facts, null);
        assertTrue(checked.errors().get("warrantyException").in(Text.PT_BR).contains("emissão em 01/12/2026 (início da validade do certificado)"));
    }

    @Test
    void anExceptionNeedsAReasonOfTwentyCharactersAndIsKept() throws IOException {
        SopBundle warranty = seed("003-garantia-revogacao.json");
        SopWalk walk = SopWalk.of(warranty, Map.of("caso", "outra-filial", "prazo-7", "sim"));
        Map<String, String> fields = Map.of("dataEmissao", "01/01/2027");
        var shortReason = warranties.check(warranty, walk, fields, null, "cliente pediu");
        assertEquals("Escreva o motivo da exceção de garantia, de 20 a 1000 caracteres.", shortReason.errors().get("warrantyReason").in(Text.PT_BR));

        var accepted = warranties.check(warranty, walk, fields, null, "  Pedido feito no 7º dia; a AC atrasou a emissão.  ");
        assertTrue(accepted.errors().isEmpty(), accepted.errors().toString());
        assertEquals("Pedido feito no 7º dia; a AC atrasou a emissão.", accepted.exceptionReason());
        TicketWarranty stored = new TicketWarranty(ticket(), accepted.decision(), accepted.exceptionReason());
        assertTrue(stored.isException());
        assertEquals(Boolean.FALSE, stored.getWithin());
        assertEquals(14, stored.getDaysSinceIssue());
        assertEquals(7, stored.getDays());
        assertEquals("OTHER_BRANCH_CNPJ", stored.getWarrantyCase());
    }

    @Test
    void anExceptionTheDatesDoNotCallForIsRefused() throws IOException {
        SopBundle warranty = seed("003-garantia-revogacao.json");
        var checked = warranties.check(warranty, SopWalk.of(warranty, CORRUPTED_WITHIN), Map.of("dataEmissao", "14/01/2027"), null,
                "Motivo longo o bastante para a revisão.");
        assertTrue(checked.errors().containsKey("warrantyException"));
    }

    @Test
    void lostPasswordAndMissingCeiCarryTheDecisionWithoutClaimingIt() throws IOException {
        SopBundle lostPassword = seed("000-perda-de-senha.json");
        SopWalk walk = SopWalk.of(lostPassword, Map.of("tipo", "A1", "a1-esgotou", "sim"));
        var late = warranties.check(lostPassword, walk, Map.of("dataEmissao", "01/12/2026"), null, null);
        assertTrue(late.errors().isEmpty(), "000 escalates outside the warranty too: " + late.errors());
        assertEquals(WarrantyDecision.Route.NEW_PURCHASE, late.decision().route());
        assertEquals(45, late.decision().daysSinceIssue());

        SopBundle cei = seed("002-sem-matricula-cei.json");
        var unknown = warranties.check(cei, SopWalk.of(cei, Map.of("tem-cei", "nao", "precisa-cei", "sim")), Map.of(), null, null);
        assertTrue(unknown.errors().isEmpty());
        assertEquals(14, unknown.decision().warrantyDays());
        TicketWarranty stored = new TicketWarranty(ticket(), unknown.decision(), null);
        assertEquals("MISSING_CEI_OR_PIS", stored.getWarrantyCase());
        assertNull(stored.getWithin(), "no date: neither within nor outside");
        assertFalse(stored.isException());
    }

    @Test
    void theWarrantySopAsksTheCaseBeforeDeciding() throws IOException {
        SopBundle warranty = seed("003-garantia-revogacao.json");
        assertTrue(warranties.decide(warranty, Map.of(), Map.of("dataEmissao", "01/01/2027"), null).isEmpty());
        assertTrue(warranties.decide(seed("001-token-em-branco.json"), Map.of(), Map.of(), null).isEmpty(), "no warranty in 001");
    }
}
