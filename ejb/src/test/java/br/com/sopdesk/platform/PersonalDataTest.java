package br.com.sopdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CPF 111.444.777-35 recusado|CPF ***.***.***-35 recusado",
            "cpf=11144477735;|cpf=*********35;",
            "CNPJ 11.222.333/0001-81 ok|CNPJ **.***.***/****-81 ok",
            "cnpj 11222333000181|cnpj ************81",
            "alfanumérico 12.ABC.345/01DE-35.|alfanumérico **.***.***/****-35.",
            "alfanumérico 12ABC34501DE35|alfanumérico ************35",
            "fone (51) 99999-0000 e (51) 3333-0000|fone (**) *****-**00 e (**) ****-**00",
            "fone 51999990000|fone *********00",
            "fone +55 51 99999-1234|fone +** ** *****-**34",
            "fone 99999-0000|fone *****-**00",
            "e-mail ti@comercio.com.br.|e-mail t***@***.com.br.",
            "<email>Maria.Silva+x@gmail.com</email>|<email>M***@***.com</email>",
    })
    void masksPersonalDataKeepingShapeAndLastTwo(String text, String masked) {
        assertEquals(masked, PersonalData.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chamado 1234 enviado após 3 tentativa(s)",
            "demanda Qualitor 98765",
            "em 2026-11-23T18:20:14.123Z",
            "timeMillis: 1795457502921",
            "submissão 550e8400-e29b-41d4-a716-446655440000",
            "HTTP 500 em addTicketByData",
            "Esquema do banco na versão 8 (5 migrações aplicadas agora)",
    })
    void leavesOtherTextAlone(String text) {
        assertEquals(text, PersonalData.mask(text));
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertNull(PersonalData.mask((String) null));
        assertEquals("", PersonalData.mask(""));
        assertNull(PersonalData.mask((Throwable) null));
    }

    @Test
    void exceptionsKeepTypeStackAndCausesWithMaskedMessages() {
        IllegalStateException cause = new IllegalStateException("contato ti@comercio.com.br, fone (51) 99999-0000");
        RuntimeException error = new RuntimeException("falha para o CPF 111.444.777-35", cause);

        Throwable masked = PersonalData.mask(error);

        StringWriter printed = new StringWriter();
        masked.printStackTrace(new PrintWriter(printed));
        String log = printed.toString();
        for (String clear : new String[] {"111.444.777-35", "ti@comercio.com.br", "99999-0000"}) {
            assertFalse(log.contains(clear), clear + " in " + log);
        }
        assertTrue(log.startsWith("java.lang.RuntimeException: falha para o CPF ***.***.***-35"), log);
        assertTrue(log.contains("Caused by: java.lang.IllegalStateException: contato t***@***.com.br, fone (**) *****-**00"), log);
        assertEquals(error.getStackTrace()[0], masked.getStackTrace()[0]);
        assertEquals("falha para o CPF 111.444.777-35", error.getMessage(), "the original is untouched");
        assertSame(cause, error.getCause());
    }
}
