package br.com.sopdesk.ticket.control;

import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a walked SOP and the customer's intake into a stored ticket queued for Qualitor. Refuses,
 * before storing anything, a SOP version that does not exist, a walk that does not end in an
 * escalation, and an intake that breaks a field rule.
 */
@Stateless
public class TicketService {

    @PersistenceContext
    EntityManager em;

    @Inject
    SopCatalog catalog;

    @Inject
    IntakeValidation validation;

    /** Stores the ticket (state QUEUED); the caller then asks the outbox to push it. */
    public Ticket submit(String sopId, int sopVersion, Map<String, String> answers, Intake intake, String agent, Locale locale) {
        SopBundle bundle = catalog.version(sopId, sopVersion)
                .orElseThrow(() -> new InvalidSubmissionException(Map.of("sop", "SOP desconhecido: " + sopId + " v" + sopVersion)));
        SopWalk walk = SopWalk.of(bundle, answers);
        if (!walk.escalates()) {
            throw new InvalidSubmissionException(Map.of("answers",
                    "As respostas não levam a uma abertura de chamado neste SOP (" + walk.current().title() + ")."));
        }
        Map<String, String> errors = validation.errors(intake, locale);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        QualitorMapping m = bundle.qualitor();
        Ticket ticket = new Ticket(bundle.id(), bundle.version(), bundle.ticketTitle(walk.usedAnswers()),
                walk.usedAnswers(), walk.describeDecisions(), intake,
                new Classification(m.ticketType(), m.category(), m.location(), m.severity()),
                bundle.sla().returnHours(), agent, Instant.now(Clock.systemUTC()));
        em.persist(ticket);
        em.flush();
        return ticket;
    }

    public Optional<Ticket> find(long id) {
        return Optional.ofNullable(em.find(Ticket.class, id));
    }
}
