package br.com.sopdesk.warranty.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.InvalidInput;
import br.com.sopdesk.platform.Text;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The administrator's revocation letter: placeholders filled from the call, blanks marked, the draft flag, its limits. */
class RevocationLetterTest {

    private static RevocationLetter letter(String template) {
        RevocationLetter l = new RevocationLetter();
        l.change(template, " Rua Exemplo, 100 - Porto Alegre/RS ", false, "admin", Instant.EPOCH);
        return l;
    }

    @Test
    void placeholdersAreFilledFromTheCallAndUnknownOnesMarkedBlank() {
        RevocationLetter l = letter("Eu, {cliente}, CPF/CNPJ {documento}, série {serie}; {nada} {outro}");
        Map<String, String> values = new HashMap<>(Map.of("cliente", "Padaria $1 Ltda", "documento", "11222333000181"));
        values.put("serie", null);
        assertEquals("Eu, Padaria $1 Ltda, CPF/CNPJ 11222333000181, série [preencher]; [preencher] [preencher]", l.filled(values, "[preencher]"));
        assertEquals("Rua Exemplo, 100 - Porto Alegre/RS", l.getAddress());
        assertTrue(l.isDraft(), "not validated by the desk: still a draft");
    }

    @Test
    void validatingClearsTheDraftAndAnEmptyAddressIsKeptEmpty() {
        RevocationLetter l = letter("Modelo");
        l.change("Modelo validado", "  ", true, "admin", Instant.EPOCH);
        assertFalse(l.isDraft());
        assertNull(l.getAddress());
    }

    @Test
    void anEmptyOrTooLongTemplateIsRefused() {
        RevocationLetter l = letter("Modelo");
        InvalidInput empty = assertThrows(InvalidInput.class, () -> l.change(" ", null, false, "admin", Instant.EPOCH));
        assertEquals("Escreva o modelo da carta.", empty.text().in(Text.PT_BR));
        assertThrows(InvalidInput.class, () -> l.change("x".repeat(RevocationLetter.TEMPLATE_MAX + 1), null, false, "admin", Instant.EPOCH));
        assertThrows(InvalidInput.class, () -> l.change("ok", "y".repeat(RevocationLetter.ADDRESS_MAX + 1), false, "admin", Instant.EPOCH));
        assertEquals("Modelo", l.getTemplate(), "a refused change changes nothing");
    }
}
