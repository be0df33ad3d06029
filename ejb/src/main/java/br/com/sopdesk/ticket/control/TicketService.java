package br.com.sopdesk.ticket.control;

import br.com.sopdesk.outbox.control.OutboxSettings;
import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.FieldRules;
import br.com.sopdesk.sop.entity.FieldSpec;
import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.ClientKey;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketCertificate;
import br.com.sopdesk.ticket.entity.TicketWarranty;
import br.com.sopdesk.warranty.control.Warranties;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a walked SOP and the customer's intake into a stored ticket queued for Qualitor. Refuses,
 * before storing anything, a SOP version that does not exist, a walk that does not end in an
 * escalation, an intake that breaks a field rule, and a path claiming a warranty the dates deny
 * (unless filed as a warranty exception, which is audited).
 */
@Stateless
public class TicketService {

    /** Room in the ticket's decisions text (its column holds 2000). */
    private static final int DECISIONS_MAX = 1990;

    @PersistenceContext
    EntityManager em;

    @EJB
    SopCatalog catalog;

    @Inject
    IntakeValidation validation;

    @EJB
    Categories categories;

    @EJB
    AuditLog audit;

    @Inject
    OutboxSettings outbox;

    @Inject
    Warranties warranties;

    @Inject
    Clock clock;

    /**
     * Stores the ticket, its first attempt claimed by this instance; the caller then hands it to
     * {@link QualitorOutbox#pushStored}, outside this transaction.
     *
     * @param requestedCategory the category the caller asks for, or null: it must be the SOP's own,
     *                          since the classification comes from the SOP and cannot be changed
     */
    public Ticket submit(String sopId, int sopVersion, Map<String, String> answers, Map<String, String> fields, Intake intake,
                         String requestedCategory, String agent, Locale locale) {
        return submit(sopId, sopVersion, answers, fields, intake, requestedCategory, agent, locale, null, null, null);
    }

    /**
     * As above, keeping with the ticket the facts read from the customer's certificate (never the
     * file): in their own table and as a line of the text Relacionamento reads; the warranty decision
     * is counted from the certificate's issuance when given.
     *
     * @param warrantyExceptionReason the reason when the agent files a warranty exception (a path
     *                                the dates deny), null when not
     * @param clientKey               the agent's own key for this submission ({@link #byClientKey}), or null
     */
    public Ticket submit(String sopId, int sopVersion, Map<String, String> answers, Map<String, String> fields, Intake intake,
                         String requestedCategory, String agent, Locale locale, CertificateFacts certificate,
                         String warrantyExceptionReason, ClientKey clientKey) {
        SopBundle bundle = catalog.version(sopId, sopVersion)
                .orElseThrow(() -> InvalidSubmissionException.of("sop", Text.of("ticket.sop.unknown", sopId, sopVersion)));
        if (catalog.retired(sopId)) {
            // read from the database, not from any cache: a retirement holds on every instance at once
            throw InvalidSubmissionException.of("sop", Text.of("ticket.sop.retired", sopId));
        }
        SopWalk walk = SopWalk.of(bundle, answers);
        if (walk.pendingReading() != null) {
            throw InvalidSubmissionException.of("answers", Text.of("sop.walk.reading-required", walk.pendingReading().title()));
        }
        if (!walk.opensTicket()) {
            throw InvalidSubmissionException.of("answers", Text.of("ticket.answers.no-ticket", walk.current().title()));
        }
        QualitorMapping m = bundle.classification(walk.current());
        var category = categories.find(m.category());
        Map<String, Text> errors = InvalidSubmissionException.verbatim(validation.errors(intake, locale));
        Map<String, String> values = fields == null ? Map.of() : fields;
        List<FieldSpec> asked = bundle.fieldsFor(walk.usedAnswers());
        errors.putAll(InvalidSubmissionException.verbatim(FieldRules.errors(asked, values, LocalDate.now(clock.withZone(CertificateFacts.BRASILIA)), locale)));
        if (requestedCategory != null && !requestedCategory.isBlank() && !requestedCategory.strip().equals(m.category())) {
            errors.put("category", Text.of("ticket.category.fixed", m.category(), requestedCategory.strip()));
        } else if (category.filter(c -> !c.isActive()).isPresent()) {
            errors.put("category", Text.of("ticket.category.inactive", m.category()));
        }
        Warranties.Checked warranty = warranties.check(bundle, walk, values, certificate, warrantyExceptionReason);
        warranty.errors().forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw InvalidSubmissionException.of(errors);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        asked.forEach(f -> {
            String v = values.get(f.name());
            if (v != null && !v.isBlank()) {
                kept.put(f.name(), v.strip());
            }
        });
        Instant now = clock.instant();
        String decisions = walk.describeDecisions() + describe(bundle, kept) + describe(warranty);
        if (decisions.length() > DECISIONS_MAX) {
            decisions = decisions.substring(0, DECISIONS_MAX - 1) + "…";
        }
        if (certificate != null && decisions.length() + certificate.describe().length() < DECISIONS_MAX) {
            decisions += certificate.describe() + "\n";
        }
        Ticket ticket = new Ticket(bundle.id(), bundle.version(), bundle.ticketTitle(walk.usedAnswers(), m),
                walk.usedAnswers(), decisions,
                kept, intake, new Classification(m.ticketType(), m.category(), m.location(), m.severity(),
                        category.map(c -> c.getQualitorTeam()).orElse(null)),
                walk.recordsCall() ? 0 : bundle.sla().returnHours(), agent, now);
        ticket.claimFirstAttempt(outbox.instance(), now.plus(outbox.lease()), clientKey);
        em.persist(ticket);
        if (certificate != null) {
            em.persist(new TicketCertificate(ticket, certificate, now));
        }
        if (warranty.decision() != null) {
            em.persist(new TicketWarranty(ticket, warranty.decision(), warranty.exceptionReason()));
        }
        audit.record(agent, "chamado.registrado", "chamado " + ticket.getId(),
                "SOP " + bundle.id() + " v" + bundle.version() + "; categoria " + m.category() + "; chave " + ticket.getSubmissionKey());
        if (warranty.exceptionReason() != null) {
            audit.record(agent, "garantia.excecao", "chamado " + ticket.getId(),
                    warranty.decision().message(Text.PT_BR) + " Motivo: " + warranty.exceptionReason());
        }
        return ticket;
    }

    /** The SOP's fields as the Relacionamento team reads them in the ticket text. */
    private static String describe(SopBundle bundle, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        bundle.fields().stream().filter(f -> values.containsKey(f.name()))
                .forEach(f -> out.append("- ").append(f.label()).append(": ").append(values.get(f.name())).append('\n'));
        return out.toString();
    }

    /** The warranty decision (and exception) as the Relacionamento team reads it, in pt-BR like the rest of the text. */
    private static String describe(Warranties.Checked warranty) {
        if (warranty.decision() == null) {
            return "";
        }
        String line = "- " + Text.of("warranty.ticket.decision", warranty.decision().message(Text.PT_BR)) + "\n";
        return warranty.exceptionReason() == null ? line
                : line + "- " + Text.of("warranty.ticket.exception", warranty.exceptionReason()) + "\n";
    }

    /**
     * The ticket an agent already stored under their own key for the submission, if any: a submission
     * sent again after an answer that did not come back (a 503, a timeout) finds it instead of
     * storing another. Read from the database, not a cache, so another instance's ticket is found.
     */
    public Optional<Ticket> byClientKey(ClientKey key) {
        return em.createQuery("select t from Ticket t where t.submissionKey = :key", Ticket.class).setParameter("key", key.submissionKey())
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Ticket> find(long id) {
        return Optional.ofNullable(em.find(Ticket.class, id));
    }

    /**
     * The warranty decision the ticket was filed with, when its SOP meets seed 003's warranty. A read
     * alone needs no transaction of its own (the answer to every submission reads it).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<TicketWarranty> warranty(long ticketId) {
        return Optional.ofNullable(em.find(TicketWarranty.class, ticketId));
    }

    /** The tickets filed as warranty exceptions, newest first, for the supervisor's review. */
    public List<TicketWarranty> warrantyExceptions(int max) {
        return em.createNamedQuery(TicketWarranty.EXCEPTIONS, TicketWarranty.class).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }
}
