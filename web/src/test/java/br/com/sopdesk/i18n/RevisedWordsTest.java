package br.com.sopdesk.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The words the agent reads, as issue 18 revised them: each old wording gone from every pt-BR
 * bundle, the new one in its place, and the English bundle saying the same.
 */
class RevisedWordsTest {

    private static final List<String> PT_BUNDLES = List.of("br/com/sopdesk/i18n/messages_pt.properties",
            "br/com/sopdesk/api/ApiMessages_pt.properties", "ValidationMessages_pt.properties",
            "br/com/sopdesk/sop/SopMessages_pt.properties", "br/com/sopdesk/certificate/CertificateMessages_pt.properties",
            "br/com/sopdesk/sla/SlaMessages_pt.properties");

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RevisedWordsTest.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theOldWordingIsGoneFromEveryPortugueseBundle() throws IOException {
        for (String path : PT_BUNDLES) {
            for (Object value : bundle(path).values()) {
                String text = value.toString();
                for (String old : List.of("corrompeu ao baixar", "Na aba que se abre", "passa do limite", "chave do SOP Desk", "Silêncio",
                        "Informe: {0}", "com a mesma chave", "horário de silêncio")) {
                    assertFalse(text.contains(old), path + ": " + text);
                }
            }
        }
    }

    @Test
    void theNewWordingIsInPlaceInBothLanguages() throws IOException {
        Properties pt = bundle("br/com/sopdesk/i18n/messages_pt.properties");
        Properties en = bundle("br/com/sopdesk/i18n/messages.properties");
        assertEquals("Horário sem alertas", pt.getProperty("sla.subscription.quiet"));
        assertEquals("Quiet hours", en.getProperty("sla.subscription.quiet"));
        assertTrue(pt.getProperty("result.rejected.resendHint").endsWith("o chamado é reenviado sem duplicar."));
        assertTrue(en.getProperty("result.rejected.resendHint").endsWith("the ticket is sent again without a duplicate."));
        assertTrue(pt.getProperty("result.held.text").contains("o código de envio"));
        assertTrue(en.getProperty("result.held.text").contains("the submission code"));
        assertEquals("Preencha {0}.", bundle("ValidationMessages_pt.properties").getProperty("sopdesk.field.required"));
        assertEquals("Fill in {0}.", bundle("ValidationMessages.properties").getProperty("sopdesk.field.required"));
        assertTrue(bundle("br/com/sopdesk/api/ApiMessages_pt.properties").getProperty("body.too-large").contains("ultrapassa o limite"));
        assertEquals("o arquivo foi corrompido no download",
                bundle("br/com/sopdesk/certificate/CertificateMessages_pt.properties").getProperty("warranty.case.CORRUPTED_DOWNLOAD"));
    }

    @Test
    void theFormSaysWhichFieldsAreRequiredAndTheChecklistsSayWhomTheyAreFor() throws IOException {
        Properties pt = bundle("br/com/sopdesk/i18n/messages_pt.properties");
        Properties en = bundle("br/com/sopdesk/i18n/messages.properties");
        assertTrue(pt.getProperty("intake.hint").startsWith("Todos os campos são obrigatórios, exceto os marcados “(opcional)”."));
        assertTrue(en.getProperty("intake.hint").startsWith("All fields are required except those marked “(optional)”."));
        assertEquals(List.of("Confirme com o cliente", "Oriente o cliente", "Registre no chamado"),
                List.of(pt.getProperty("walk.checks"), pt.getProperty("walk.guidance"), pt.getProperty("walk.ticketNotes")));
        assertEquals(List.of("Confirm with the customer", "Guide the customer", "Write in the ticket"),
                List.of(en.getProperty("walk.checks"), en.getProperty("walk.guidance"), en.getProperty("walk.ticketNotes")));
    }
}
