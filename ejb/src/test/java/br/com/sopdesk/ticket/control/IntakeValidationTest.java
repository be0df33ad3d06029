package br.com.sopdesk.ticket.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.ticket.entity.Intake;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake rules through real Bean Validation (Hibernate Validator, as in Payara), in both languages. */
class IntakeValidationTest {

    private final IntakeValidation validation = new IntakeValidation();

    @BeforeEach
    void factory() {
        validation.factory = Validation.buildDefaultValidatorFactory();
    }

    private static Intake valid() {
        Intake intake = new Intake("12.ABC.345/01DE-35", "Comércio Alfanumérico S.A.", "Cliente não localiza a senha do A1.",
                "(51) 99999-0000", "(51) 3333-0000", "ti@comercio.com.br");
        intake.setTriedSolution("Senha anotada na documentação da emissão tentada; tentativas esgotadas.");
        return intake;
    }

    @Test
    void aCompleteIntakeWithAlphanumericCnpjPasses() {
        assertEquals(Map.of(), validation.errors(valid(), Locale.forLanguageTag("pt-BR")));
    }

    @Test
    void eachBadFieldGetsItsOwnPortugueseMessage() {
        Intake intake = new Intake("11.222.333/0001-82", " ", "curta", "(51) 99999-0000", "+55 51 99999 0000", "x@y");
        intake.setTriedSolution("Desbloqueio tentado com o cliente.");
        Map<String, String> errors = validation.errors(intake, Locale.forLanguageTag("pt-BR"));
        assertTrue(errors.get("document").startsWith("CNPJ/CPF inválido"), errors.toString());
        assertEquals("Informe o nome do cliente.", errors.get("customerName"));
        assertTrue(errors.get("description").contains("entre 15 e 4000"), errors.toString());
        assertEquals("O segundo telefone deve ser diferente do primeiro.", errors.get("phone2"));
        assertTrue(errors.get("email").startsWith("E-mail inválido"), errors.toString());
        assertEquals(5, errors.size(), errors.toString());
    }

    @Test
    void messagesFollowTheRequestedLanguage() {
        Intake intake = valid();
        intake.setEmail(null);
        assertEquals("Enter the customer's current e-mail.", validation.errors(intake, Locale.ENGLISH).get("email"));
        assertEquals("Informe o e-mail atualizado do cliente.", validation.errors(intake, Locale.forLanguageTag("pt-BR")).get("email"));
    }

    @Test
    void everySubmissionSaysWhatWasTriedButAStoredTicketWithoutItStaysValid() {
        Intake intake = valid();
        intake.setTriedSolution(null);
        assertEquals("Descreva a solução tentada com o cliente antes de abrir o chamado.",
                validation.errors(intake, Locale.forLanguageTag("pt-BR")).get("triedSolution"));
        assertEquals("Describe the solution tried with the customer before opening the ticket.",
                validation.errors(intake, Locale.ENGLISH).get("triedSolution"));
        intake.setTriedSolution("nada");
        assertTrue(validation.errors(intake, Locale.forLanguageTag("pt-BR")).get("triedSolution").contains("entre 10 e 2000"));
        intake.setTriedSolution(null);
        assertTrue(validation.factory.getValidator().validate(intake).isEmpty(),
                "the entity's own rules (checked on every update) accept a ticket stored before the field existed");
    }

    @Test
    void documentIsStoredNormalized() {
        assertEquals("12ABC34501DE35", valid().getDocument());
    }

    @Test
    void textQualitorsXmlCannotCarryIsRefusedNamingTheField() {
        for (String bad : List.of("\uD800", "\uDC00", "\uFFFE", "\uFFFF", "\uFDD0", "\u0000", "\u0008", "\u001B", new String(Character.toChars(0x1FFFE)))) {
            Intake intake = valid();
            intake.setDescription("Cliente não localiza a senha " + bad + " do A1.");
            intake.setCustomerName("Comércio " + bad);
            Map<String, String> errors = validation.errors(intake, Locale.forLanguageTag("pt-BR"));
            assertTrue(errors.get("description").startsWith("Contém um caractere que não pode ser enviado ao Qualitor"), bad + errors);
            assertTrue(errors.containsKey("customerName"), errors.toString());
        }
        Intake fine = valid();
        fine.setDescription("Cliente não localiza a senha do A1 😀\ttab\r\nnova linha.");
        assertEquals(Map.of(), validation.errors(fine, Locale.forLanguageTag("pt-BR")), "a paired surrogate (emoji), tab and line breaks travel");
    }

    @Test
    void namesAndDescriptionsOfInvisibleCharactersOnlyAreRefused() {
        for (String invisible : List.of("\u00A0\u00A0", "\u200B\u200C\u200D", "\uFEFF", "\u2060\u3000", "\u3164")) {
            Intake intake = valid();
            intake.setCustomerName(invisible);
            intake.setDescription(invisible.repeat(20));
            Map<String, String> errors = validation.errors(intake, Locale.ENGLISH);
            assertEquals("Holds only spaces or invisible characters: write the text.", errors.get("customerName"), errors.toString());
            assertTrue(errors.containsKey("description"), errors.toString());
        }
    }

    @Test
    void directionControlsInTheEmailAreRefused() {
        Intake intake = valid();
        intake.setEmail("ti@\u202Erb.moc.oicremoc");
        assertTrue(validation.errors(intake, Locale.forLanguageTag("pt-BR")).get("email").contains("controle de direção"));
    }
}
