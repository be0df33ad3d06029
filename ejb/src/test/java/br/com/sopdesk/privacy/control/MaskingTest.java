package br.com.sopdesk.privacy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void cpfKeepsOnlyItsMiddleDigits() {
        assertEquals("***.456.789-**", Masking.document("123.456.789-09"));
        assertEquals("***.456.789-**", Masking.document("12345678909"));
    }

    @Test
    void cnpjIsACompanyAndStaysWhole() {
        assertEquals("11.222.333/0001-81", Masking.document("11.222.333/0001-81"));
        assertNull(Masking.document(null));
    }

    @Test
    void phoneKeepsItsLastFourDigits() {
        assertEquals("(**) *****-0000", Masking.phone("(51) 99999-0000"));
        assertEquals("*******0000", Masking.phone("51333330000".substring(0, 11)));
    }

    @Test
    void emailKeepsFirstLetterAndDomain() {
        assertEquals("f***@example.com.br", Masking.email("fulano.silva@example.com.br"));
        assertEquals("***", Masking.email("not-an-email"));
    }

    @Test
    void freeTextHasEveryPersonalDatumMasked() {
        String masked = Masking.text("Cliente CPF 123.456.789-09, tel (51) 99999-0000 ou 51 3333-0000, e-mail maria.souza@cliente.com.br; CNPJ 11.222.333/0001-81; demanda 123456");
        assertFalse(masked.contains("123.456.789-09"), masked);
        assertTrue(masked.contains("***.456.789-**"), masked);
        assertTrue(masked.contains("(**) *****-0000"), masked);
        assertTrue(masked.contains("** ****-0000"), masked);
        assertTrue(masked.contains("m***@cliente.com.br"), masked);
        assertTrue(masked.contains("11.222.333/0001-81"), "CNPJ kept: " + masked);
        assertTrue(masked.contains("demanda 123456"), "short numbers kept: " + masked);
    }

    @Test
    void bareCpfDigitsInTextAreMasked() {
        assertEquals("cpf ***.456.789-**", Masking.text("cpf 12345678909"));
    }

    @Test
    void datesAndKeysAreLeftAlone() {
        String text = "SOP perda-de-senha v2; chave 3f2a9c1e-77aa-4bb0-9d8e-0a1b2c3d4e5f; em 2026-11-23 12:00";
        assertEquals(text, Masking.text(text));
        String digitsInKeys = "SOP teste-12349501 v3; chave 12347314-5678-4548-93ac-691fb81123b3; chave cdaa3b6d-2a48-4550-83b2-5b12346655f4";
        assertEquals(digitsInKeys, Masking.text(digitsInKeys), "digit runs inside identifiers are not phones");
        assertEquals("tel. (**) *****-0000.", Masking.text("tel. (51) 99999-0000."), "a phone at the end of a sentence still is");
    }
}
