package br.com.sopdesk.ticket.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import br.com.sopdesk.certificate.control.CertificateInspector;
import br.com.sopdesk.certificate.control.IcpCertificates;
import br.com.sopdesk.certificate.control.IcpCertificates.Holder;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.sop.entity.FieldSpec;
import br.com.sopdesk.ticket.entity.Intake;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The certificate fills the empty form fields and leaves what the agent typed. */
class FormFillTest {

    private static final FieldSpec CEI = new FieldSpec("ceiEsperada", "CEI", FieldSpec.Type.CEI, true, null);
    private static final FieldSpec ISSUED = new FieldSpec("dataEmissao", "Data de emissão", FieldSpec.Type.DATE, true, null);
    private static final FieldSpec OTHER_DATE = new FieldSpec("dataOcorrencia", "Data", FieldSpec.Type.DATE, false, null);
    private static final FieldSpec MEDIA = new FieldSpec("modeloMidia", "Mídia", FieldSpec.Type.TEXT, true, null);

    private final CertificateInspector inspector = new CertificateInspector(CertificateInspector.DEFAULT_MAX_BYTES);

    @Test
    void anEmptyFormTakesTheCompanysData() throws Exception {
        Holder h = Holder.company("12ABC34501DE35");
        h.ceiCompany = "987654321098";
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(h)), null);
        Intake intake = new Intake();
        Map<String, String> fields = new HashMap<>();

        List<String> filled = FormFill.fill(f, intake, List.of(CEI, ISSUED, OTHER_DATE, MEDIA), fields);

        assertEquals(List.of("document", "customerName", "email", "fields.ceiEsperada", "fields.dataEmissao"), filled);
        assertEquals("12ABC34501DE35", intake.getDocument());
        assertEquals("COMERCIO EXEMPLO LTDA", intake.getCustomerName());
        assertEquals("financeiro@exemplo.com.br", intake.getEmail());
        assertEquals("987654321098", fields.get("ceiEsperada"));
        assertEquals(f.issuedOn().format(DateTimeFormatter.ofPattern("dd/MM/uuuu")), fields.get("dataEmissao"));
        assertFalse(fields.containsKey("dataOcorrencia"), "only an issuance date is taken from the certificate");
        assertFalse(fields.containsKey("modeloMidia"));
    }

    @Test
    void whatTheAgentTypedIsKept() throws Exception {
        CertificateFacts f = inspector.inspect(IcpCertificates.der(IcpCertificates.holder(new Holder())), null);
        Intake intake = new Intake();
        intake.setDocument("11.222.333/0001-81");
        intake.setCustomerName("Nome digitado");
        Map<String, String> fields = new HashMap<>(Map.of("dataEmissao", "01/11/2026"));

        List<String> filled = FormFill.fill(f, intake, List.of(CEI, ISSUED), fields);

        assertEquals(List.of("email"), filled, "no CEI on this certificate, and the rest was typed");
        assertEquals("11222333000181", intake.getDocument());
        assertEquals("Nome digitado", intake.getCustomerName());
        assertEquals("01/11/2026", fields.get("dataEmissao"));
        assertNull(fields.get("ceiEsperada"));
    }
}
