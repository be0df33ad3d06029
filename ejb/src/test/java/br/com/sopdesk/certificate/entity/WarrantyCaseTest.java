package br.com.sopdesk.certificate.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.certificate.entity.WarrantyDecision.IssuanceSource;
import br.com.sopdesk.certificate.entity.WarrantyDecision.Route;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seed 003's warranty list: 14 days, 7 days or none, counted from issuance, and the way to revoke. */
class WarrantyCaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Locale PT = Locale.forLanguageTag("pt-BR");

    @Test
    void theSopAnswersNameTheCases() {
        assertEquals(Optional.of(WarrantyCase.LOST_PASSWORD), WarrantyCase.of("senha"));
        assertEquals(Optional.of(WarrantyCase.OTHER_BRANCH_CNPJ), WarrantyCase.of("outra-filial"));
        assertEquals(Optional.of(WarrantyCase.STOLEN_COMPUTER), WarrantyCase.of("STOLEN_COMPUTER"));
        assertEquals(Optional.of(WarrantyCase.MISSING_CEI_OR_PIS), WarrantyCase.of("missing-cei-or-pis"));
        assertEquals(Optional.empty(), WarrantyCase.of("outro"));
        assertEquals(Optional.empty(), WarrantyCase.of(null));
        assertEquals(14, WarrantyCase.CORRUPTED_DOWNLOAD.warrantyDays());
        assertEquals(7, WarrantyCase.OTHER_BRANCH_CNPJ.warrantyDays());
        assertEquals(0, WarrantyCase.LOST_MEDIA.warrantyDays());
    }

    @Test
    void fourteenDaysIncludeTheFourteenthDay() {
        WarrantyDecision d = WarrantyCase.LOST_PASSWORD.decide(TODAY.minusDays(5), IssuanceSource.CERTIFICATE_VALIDITY, TODAY);
        assertTrue(d.withinWarranty());
        assertEquals(9, d.daysLeft());
        assertEquals(Route.REVOKE_AND_REISSUE, d.route());
        assertEquals("Dentro da garantia de 14 dias (perdeu ou esqueceu a senha): emitido em 18/11/2026 (início da validade do certificado), "
                + "restam 9 dia(s). Abra o chamado para o Relacionamento revogar e reemitir.", d.message(PT));

        WarrantyDecision last = WarrantyCase.MISSING_CEI_OR_PIS.decide(TODAY.minusDays(14), IssuanceSource.ORDER_DATE, TODAY);
        assertTrue(last.withinWarranty());
        assertEquals(0, last.daysLeft());

        WarrantyDecision over = WarrantyCase.CORRUPTED_DOWNLOAD.decide(TODAY.minusDays(15), IssuanceSource.ORDER_DATE, TODAY);
        assertFalse(over.withinWarranty());
        assertEquals(Route.NEW_PURCHASE, over.route());
        assertEquals(15, over.daysSinceIssue());
        assertTrue(over.message(Locale.ENGLISH).startsWith("Outside the 14-day warranty"), over.message(Locale.ENGLISH));
    }

    @Test
    void anotherBranchHasSevenDays() {
        assertTrue(WarrantyCase.OTHER_BRANCH_CNPJ.decide(TODAY.minusDays(7), IssuanceSource.ORDER_DATE, TODAY).withinWarranty());
        WarrantyDecision late = WarrantyCase.OTHER_BRANCH_CNPJ.decide(TODAY.minusDays(8), IssuanceSource.ORDER_DATE, TODAY);
        assertFalse(late.withinWarranty());
        assertEquals(Route.NEW_PURCHASE, late.route());
    }

    @Test
    void noWarrantyMeansTheCustomerRevokesInCasesTwoAndThree() {
        for (WarrantyCase c : new WarrantyCase[]{WarrantyCase.NO_LONGER_WANTED, WarrantyCase.STOLEN_COMPUTER}) {
            WarrantyDecision d = c.decide(TODAY.minusDays(1), IssuanceSource.CERTIFICATE_VALIDITY, TODAY);
            assertFalse(d.withinWarranty());
            assertEquals(0, d.daysLeft());
            assertEquals(Route.CUSTOMER_REVOKES, d.route());
            assertTrue(d.message(PT).contains("senha de revogação"), d.message(PT));
            assertTrue(d.message(PT).contains("cartório"));
        }
    }

    /** Seed 003 routes only cases 2 and 3 of the no-warranty list to self-revocation: a lost media means a new certificate. */
    @Test
    void lostMediaHasNoWarrantyAndNoSelfRevocation() {
        WarrantyDecision d = WarrantyCase.LOST_MEDIA.decide(TODAY.minusDays(1), IssuanceSource.CERTIFICATE_VALIDITY, TODAY);
        assertFalse(d.withinWarranty());
        assertEquals(Route.NO_WARRANTY, d.route());
        assertEquals("Sem garantia (perdeu a mídia): o cliente deve adquirir um novo certificado.", d.message(PT));
    }

    @Test
    void withoutAnIssuanceDateTheAgentIsAskedForIt() {
        WarrantyDecision d = WarrantyCase.LOST_PASSWORD.decide(null, null, TODAY);
        assertEquals(Route.NEEDS_ISSUANCE_DATE, d.route());
        assertFalse(d.withinWarranty());
        assertTrue(d.message(PT).contains("informe a data de emissão"), d.message(PT));
    }

    @Test
    void anIssuanceDateInTheFutureCountsAsDayZero() {
        WarrantyDecision d = WarrantyCase.LOST_PASSWORD.decide(TODAY.plusDays(1), IssuanceSource.ORDER_DATE, TODAY);
        assertTrue(d.withinWarranty());
        assertEquals(14, d.daysLeft());
    }
}
