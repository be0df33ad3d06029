package br.com.sopdesk.category.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import br.com.sopdesk.platform.InvalidInput;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A category refuses what its table cannot hold or Qualitor cannot carry, with a reason an administrator reads (the API answers it as 422). */
class CategoryTest {

    private static String refusal(String code, String name) {
        return assertThrows(IllegalArgumentException.class, () -> new Category(code, name, true, "admin")).getMessage();
    }

    @Test
    void badCodesAndNamesAreRefusedWithTheReason() {
        assertEquals("Código de categoria inválido: use de 1 a 20 letras ou dígitos.", refusal("<b>", "Nome"));
        assertEquals("Código de categoria inválido: use de 1 a 20 letras ou dígitos.", refusal("x".repeat(21), "Nome"));
        assertEquals("O nome da categoria é obrigatório.", refusal("40", ""));
        assertEquals("O nome da categoria é obrigatório.", refusal("40", "\u200B\u00A0"));
        assertEquals("O nome da categoria tem 5000 caracteres: o limite é 200.", refusal("40", "n".repeat(5000)));
        assertEquals("O nome da categoria contém um caractere inválido: redigite-o.", refusal("40", "Nome \uFFFE"));
        assertEquals("Certificados", new Category("40", " Certificados ", true, "admin").getName());
    }

    @Test
    void theReasonReadsInEnglishForAnEnglishReader() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> new Category("40", "n".repeat(5000), true, "admin"));
        assertEquals("The category name has 5000 characters: the limit is 200.", e.text().in(Locale.ENGLISH));
    }

    @Test
    void whatQualitorCallsTheCodeIsKeptWithWhenItWasReadAndABlankNameChangesNothing() {
        Category c = new Category("32", "Perda de senha A1", true, "admin");
        assertNull(c.getQualitorName(), "not confirmed before a check reads it");
        Instant read = Instant.parse("2026-12-05T17:03:00Z");
        c.qualitorCallsIt("  Certificados > Perda de senha  ", read);
        assertEquals("Certificados > Perda de senha", c.getQualitorName());
        assertEquals(read, c.getQualitorNameAt());
        c.qualitorCallsIt(" ", read.plusSeconds(60));
        assertEquals("Certificados > Perda de senha", c.getQualitorName(), "a blank name says nothing");
        assertEquals(read, c.getQualitorNameAt());
        c.qualitorCallsIt("n".repeat(300), read.plusSeconds(120));
        assertEquals(Category.MAX_NAME, c.getQualitorName().length(), "cut to what the column holds");
        assertEquals("Perda de senha A1", c.getName(), "SOP Desk's own name stays the administrator's");
        assertEquals("admin", c.getUpdatedBy());
    }
}
