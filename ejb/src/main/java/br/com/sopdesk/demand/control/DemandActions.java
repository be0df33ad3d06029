package br.com.sopdesk.demand.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.control.ListedDemand;
import br.com.sopdesk.qualitor.control.QualitorFailure;
import br.com.sopdesk.qualitor.control.QualitorFailures;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import br.com.sopdesk.qualitor.control.QualitorRefusal;
import br.com.sopdesk.ticket.control.RelatedTickets;
import br.com.sopdesk.validation.BrazilianDocuments;
import jakarta.ejb.EJB;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reiterates or restarts an existing demand for the customer, as the customer portal does (seed
 * 004): the request is checked against the demand in Qualitor, stored, then written to the
 * demand's history through the {@link DemandOutbox} (retried, never twice). The reason is required;
 * it goes to Qualitor but never into the audit trail. Only a finished demand is restarted
 * ({@link RestartRule}); where the installation sets a workflow step, the restart also moves the
 * demand there, otherwise its history entry asks the team to reopen it.
 * Also closes the demand of a ticket SOP Desk opened ({@link #close}, Qualitor's {@code closeTicket}).
 */
@Stateless
public class DemandActions {

    @PersistenceContext
    EntityManager em;

    @EJB
    SopCatalog catalog;

    @Inject
    QualitorGateway qualitor;

    @EJB
    AuditLog audit;

    @EJB
    DemandOutbox outbox;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    /**
     * Stores the request after checking the walk, the fields and the demand; the caller then
     * {@link #send}s it. The demand must be one of the customer's in Qualitor when the customer's
     * document is known (otherwise it must exist), not closed for a reiteration, finished (and not
     * cancelled) for a restart. When Qualitor cannot be asked now, a reiteration is stored anyway:
     * the outbox delivers it when Qualitor answers (and Qualitor refuses a demand that does not
     * exist); a restart is refused, since its demand's situation decides.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DemandAction request(String sopId, int sopVersion, Map<String, String> answers, String demandNumber, String reason,
                                String customerDocument, String agent) {
        SopBundle bundle = catalog.version(sopId, sopVersion)
                .orElseThrow(() -> InvalidSubmissionException.of("sop", Text.of("demand.sop.unknown", sopId, sopVersion)));
        if (catalog.retired(sopId)) {
            throw InvalidSubmissionException.of("sop", Text.of("demand.sop.retired", sopId));
        }
        SopWalk walk = SopWalk.of(bundle, answers);
        if (walk.pendingReading() != null) {
            throw InvalidSubmissionException.of("answers", Text.of("sop.walk.reading-required", walk.pendingReading().title()));
        }
        if (!walk.current().actsOnDemand()) {
            throw InvalidSubmissionException.of("answers", Text.of("demand.answers.no-action"));
        }
        Map<String, Text> errors = new LinkedHashMap<>();
        String number = demandNumber == null ? "" : demandNumber.strip();
        if (!number.matches("\\d{1,20}")) {
            errors.put("demandNumber", Text.of("demand.number.required"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 2000) {
            errors.put("reason", Text.of("demand.reason.required"));
        }
        DemandAction.Kind kind = walk.current().outcome() == SopNode.Outcome.REITERATE ? DemandAction.Kind.REITERATE : DemandAction.Kind.RESTART;
        if (errors.isEmpty()) {
            demandProblem(kind, number, customerDocument).ifPresent(problem -> errors.put("demandNumber", problem));
        }
        if (!errors.isEmpty()) {
            throw InvalidSubmissionException.of(errors);
        }
        DemandActions self = context.getBusinessObject(DemandActions.class);
        if (kind == DemandAction.Kind.REITERATE) {
            DemandAction reiteration = new DemandAction(kind, number, why, bundle.id(), bundle.version(), agent, clock.instant());
            return self.store(reiteration, "demanda.reiteracao", reasonSummary(why));
        }
        DemandAction restart = DemandAction.restart(number, why, qualitor.restartStep().orElse(null), bundle.id(), bundle.version(), agent,
                clock.instant());
        return self.store(restart, "demanda.reinicio", reasonSummary(why));
    }

    /** Stores and audits a request (its own transaction, called through the container). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DemandAction store(DemandAction action, String auditAction, String auditDetail) {
        em.persist(action);
        em.flush();
        audit.record(action.getCreatedBy(), auditAction, "demanda " + action.getDemandNumber(), auditDetail
                + (action.getKind() != DemandAction.Kind.RESTART ? "" : action.restartStep().map(step -> "; etapa " + step + " do Qualitor")
                        .orElse("; sem etapa: pede a reabertura")));
        return action;
    }

    /**
     * The audit trail is append-only and retention cannot clear it, so it never holds the
     * customer's free-text reason: only its length.
     */
    static String reasonSummary(String reason) {
        return "motivo informado (" + (reason == null ? 0 : reason.strip().length()) + " caracteres)";
    }

    /**
     * Why the demand number cannot take this request (not the customer's, not found), if Qualitor
     * says so; empty when it can, or when Qualitor cannot be asked now for a reiteration.
     *
     * @throws DemandSituationException when the demand's situation does not allow the request (a
     *         reiteration of a closed demand, a restart of one not finished or cancelled), or a
     *         restart's situation cannot be read now (only a finished demand is restarted)
     */
    Optional<Text> demandProblem(DemandAction.Kind kind, String number, String customerDocument) {
        String document = BrazilianDocuments.normalize(customerDocument);
        ListedDemand demand;
        try {
            if (BrazilianDocuments.isCpfOrCnpj(document)) {
                Optional<ListedDemand> ofCustomer = qualitor.demandsOfCustomer(document).stream()
                        .filter(t -> number.equals(t.number())).findFirst();
                if (ofCustomer.isEmpty()) {
                    return Optional.of(Text.of("demand.number.not-the-customers", number, BrazilianDocuments.format(document)));
                }
                demand = ofCustomer.get();
            } else {
                demand = qualitor.demand(number);
            }
        } catch (QualitorRefusal e) {
            return Optional.of(e.kind() == QualitorRefusal.Kind.CUSTOMER_NOT_FOUND ? Text.of("demand.customer.not-found", BrazilianDocuments.format(document))
                    : Text.of("demand.number.not-found", number, e.qualitorMessage()));
        } catch (QualitorFailure | FaultToleranceException e) {
            if (kind == DemandAction.Kind.RESTART) {
                throw new DemandSituationException(Text.of("demand.situation.unavailable", number), null);
            }
            return Optional.empty();
        }
        String situation = demand.situation() == null ? "" : demand.situation();
        if (kind == DemandAction.Kind.REITERATE && RelatedTickets.closed(situation)) {
            throw new DemandSituationException(Text.of("demand.closed", number, situation), situation);
        }
        if (kind == DemandAction.Kind.RESTART) {
            Optional<Text> refusal = new RestartRule(qualitor.finishedSituations()).refusal(number, situation);
            if (refusal.isPresent()) {
                throw new DemandSituationException(refusal.get(), situation);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the request to the demand's history in Qualitor through the demand outbox: one attempt
     * now; when it cannot go, the request stays queued ({@code PENDING}) and the outbox timer retries.
     */
    public DemandAction send(long id) {
        return outbox.push(id);
    }

    /** A request as it stands now (the page polls it while it is queued). */
    public Optional<DemandAction> find(long id) {
        return Optional.ofNullable(em.find(DemandAction.class, id));
    }

    /**
     * Closes in Qualitor ({@code closeTicket}) the demand of a ticket SOP Desk opened, and its related
     * demands when {@code closeRelated}: the request is stored and audited first, then sent; the
     * outcome (and Qualitor's new situation on the ticket) is stored either way. A ticket without a
     * Qualitor number yet, or a reason shorter than 10 characters, is refused before anything is stored.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DemandAction close(long ticketId, boolean closeRelated, String reason, String agent) {
        DemandActions self = context.getBusinessObject(DemandActions.class);
        DemandAction action = self.requestClose(ticketId, closeRelated, reason, agent);
        try {
            String situation = qualitor.close(action.getDemandNumber(), closeRelated);
            self.closed(action.getId(), ticketId, situation.isBlank() ? "Encerrado" : situation);
        } catch (QualitorFailure e) {
            self.closeFailed(action.getId(), e);
        } catch (FaultToleranceException e) {
            self.closeFailed(action.getId(), e);
        }
        return em.find(DemandAction.class, action.getId());
    }

    /** Checks and stores the request to close (its own transaction, called through the container by {@link #close}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DemandAction requestClose(long ticketId, boolean closeRelated, String reason, String agent) {
        Ticket ticket = em.find(Ticket.class, ticketId);
        Map<String, Text> errors = new LinkedHashMap<>();
        if (ticket == null) {
            throw InvalidSubmissionException.of("ticket", Text.of("demand.ticket.unknown", ticketId));
        }
        if (ticket.getState() != TicketState.SENT || ticket.getQualitorNumber() == null) {
            errors.put("ticket", Text.of("demand.close.no-number", ticket.getState()));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 2000) {
            errors.put("reason", Text.of("demand.close.reason"));
        }
        if (!errors.isEmpty()) {
            throw InvalidSubmissionException.of(errors);
        }
        DemandAction action = new DemandAction(DemandAction.Kind.CLOSE, ticket.getQualitorNumber(), why, ticket.getSopId(),
                ticket.getSopVersion(), agent, clock.instant());
        em.persist(action);
        em.flush();
        audit.record(agent, "demanda.encerramento", "demanda " + ticket.getQualitorNumber(),
                "chamado " + ticketId + (closeRelated ? "; com as relacionadas" : "") + "; " + reasonSummary(why));
        return action;
    }

    /** Qualitor closed the demand: the request is done and the ticket shows Qualitor's situation. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void closed(long actionId, long ticketId, String situation) {
        DemandAction action = em.find(DemandAction.class, actionId);
        action.done(clock.instant());
        em.createNamedQuery(Ticket.SITUATION).setParameter("id", ticketId).setParameter("situation", situation).executeUpdate();
        audit.record(action.getCreatedBy(), "demanda.encerrada", "demanda " + action.getDemandNumber(), "situação no Qualitor: " + situation);
    }

    /** Qualitor refused to close the demand or could not be reached: kept as failed, and audited. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void closeFailed(long id, RuntimeException e) {
        DemandAction action = em.find(DemandAction.class, id);
        action.failed(QualitorFailures.read(e).text().stored(Delivery.ERROR_LENGTH));
        audit.record(action.getCreatedBy(), "demanda.encerramento-falhou", "demanda " + action.getDemandNumber(),
                (e instanceof QualitorRefusal r ? Text.of("qualitor.failure.refused", r.kind().name(), r.errorCode(), r.qualitorMessage())
                        : !(e instanceof QualitorFailure q) || q.retryable() ? Text.of("qualitor.failure.unavailable")
                        : Text.of("qualitor.failure.not-done")).toString());
    }

    /**
     * A supervisor reiterates a demand from the SLA board: no SOP walk, but the same rule (a reason
     * of at least 10 characters) and the same audit; the caller then {@link #send}s it.
     */
    public DemandAction reiterateFromBoard(String demandNumber, String reason, String supervisor, String sopId, int sopVersion) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 2000) {
            throw InvalidSubmissionException.of("reason", Text.of("demand.reason.required"));
        }
        DemandAction action = new DemandAction(DemandAction.Kind.REITERATE, demandNumber, why, sopId, sopVersion, supervisor, clock.instant());
        em.persist(action);
        em.flush();
        audit.record(supervisor, "demanda.reiteracao", "demanda " + demandNumber, "pelo painel de SLA; " + reasonSummary(why));
        return action;
    }
}
