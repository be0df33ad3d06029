package br.com.sopdesk.warranty.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.warranty.entity.RevocationLetter;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The revocation letter and its sending address: read for the agent on the letter route, filled
 * from the call, and changed by administrators (audited like the other settings).
 */
@Stateless
public class RevocationLetters {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @Inject
    Clock clock;

    public RevocationLetter current() {
        return em.find(RevocationLetter.class, RevocationLetter.ONLY);
    }

    /** Saves the administrator's template, address and validation, audited; refused with {@code InvalidInput}. */
    public RevocationLetter save(String template, String address, boolean validated, String admin) {
        RevocationLetter letter = current();
        letter.change(template, address, validated, admin, clock.instant());
        audit.record(admin, "garantia.carta.alterada", "carta de revogação",
                (letter.isDraft() ? "rascunho" : "validada pela mesa") + "; modelo com " + letter.getTemplate().length()
                        + " caracteres; endereço de envio: " + (letter.getAddress() == null ? "(vazio)" : letter.getAddress()));
        return letter;
    }

    /**
     * The values the template's placeholders take from the call: the customer (as typed, else the
     * certificate's holder), the certificate's facts when it was read, and today's date.
     */
    public Map<String, String> values(String customerName, String document, CertificateFacts facts) {
        Map<String, String> v = new LinkedHashMap<>();
        String certDocument = facts == null ? null : facts.cnpj() != null ? facts.cnpj() : facts.cpf();
        v.put("cliente", customerName != null && !customerName.isBlank() ? customerName : facts == null ? null : facts.holderName());
        v.put("documento", document != null && !document.isBlank() ? document : certDocument);
        if (facts != null) {
            v.put("titular", facts.holderName());
            v.put("cpfCnpj", certDocument);
            v.put("tipo", facts.type() == null ? null : facts.type().name());
            v.put("serie", facts.serial());
            v.put("emissor", facts.issuer());
            v.put("emissao", DAY.format(facts.issuedOn()));
            v.put("validade", DAY.format(facts.validUntil()));
        }
        v.put("data", DAY.format(clock.instant().atZone(CertificateFacts.BRASILIA)));
        return v;
    }

    /** The letter filled from the call, blanks marked for the customer to fill in, in the reader's language. */
    public String filled(RevocationLetter letter, String customerName, String document, CertificateFacts facts, Locale locale) {
        return letter.filled(values(customerName, document, facts), Text.of("warranty.letter.blank").in(locale));
    }
}
