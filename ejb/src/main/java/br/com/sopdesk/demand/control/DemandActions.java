package br.com.sopdesk.demand.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.qualitor.control.ListedDemand;
import br.com.sopdesk.qualitor.control.QualitorFailure;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reiterates or restarts an existing demand for the customer, as the customer portal does (seed
 * 004): the request is checked against the demand in Qualitor, stored, then written to the
 * demand's history through the {@link DemandOutbox} (retried, never twice). The reason is required;
 * it goes to Qualitor but never into the audit trail. Qualitor publishes no dedicated operation for
 * either, so both are history entries.
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

    /**
     * Stores the request after checking the walk, the fields and the demand; the caller then
     * {@link #send}s it. The demand must be one of the customer's in Qualitor when the customer's
     * document is known (otherwise it must exist), not closed for a reiteration, not cancelled for a
     * restart. When Qualitor cannot be asked now, the request is stored anyway: the outbox delivers
     * it when Qualitor answers (and Qualitor refuses a demand that does not exist).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DemandAction request(String sopId, int sopVersion, Map<String, String> answers, String demandNumber, String reason,
                                String customerDocument, String agent) {
        SopBundle bundle = catalog.version(sopId, sopVersion)
                .orElseThrow(() -> new InvalidSubmissionException(Map.of("sop", "SOP desconhecido: " + sopId + " v" + sopVersion)));
        SopWalk walk = SopWalk.of(bundle, answers);
        if (!walk.current().actsOnDemand()) {
            throw new InvalidSubmissionException(Map.of("answers", "As respostas não levam a uma reiteração ou reinício neste SOP."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String number = demandNumber == null ? "" : demandNumber.strip();
        if (!number.matches("\\d{1,20}")) {
            errors.put("demandNumber", "Informe o número da demanda (somente dígitos).");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 2000) {
            errors.put("reason", "Informe o motivo, com pelo menos 10 caracteres: ele é obrigatório para o Relacionamento.");
        }
        DemandAction.Kind kind = walk.current().outcome() == SopNode.Outcome.REITERATE ? DemandAction.Kind.REITERATE : DemandAction.Kind.RESTART;
        if (errors.isEmpty()) {
            demandProblem(kind, number, customerDocument).ifPresent(problem -> errors.put("demandNumber", problem));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        return context.getBusinessObject(DemandActions.class).store(new DemandAction(kind, number, why, bundle.id(), bundle.version(), agent),
                kind == DemandAction.Kind.REITERATE ? "demanda.reiteracao" : "demanda.reinicio", reasonSummary(why));
    }

    /** Stores and audits a request (its own transaction, called through the container). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DemandAction store(DemandAction action, String auditAction, String auditDetail) {
        em.persist(action);
        em.flush();
        audit.record(action.getCreatedBy(), auditAction, "demanda " + action.getDemandNumber(), auditDetail);
        return action;
    }

    /**
     * The audit trail is append-only and retention cannot clear it, so it never holds the
     * customer's free-text reason: only its length.
     */
    static String reasonSummary(String reason) {
        return "motivo informado (" + (reason == null ? 0 : reason.strip().length()) + " caracteres)";
    }

    /** Why the demand cannot take this request, if Qualitor says so; empty when it can, or when Qualitor cannot be asked now. */
    Optional<String> demandProblem(DemandAction.Kind kind, String number, String customerDocument) {
        String document = BrazilianDocuments.normalize(customerDocument);
        ListedDemand demand;
        try {
            if (BrazilianDocuments.isCpfOrCnpj(document)) {
                Optional<ListedDemand> ofCustomer = qualitor.demandsOfCustomer(document).stream()
                        .filter(t -> number.equals(t.number())).findFirst();
                if (ofCustomer.isEmpty()) {
                    return Optional.of("A demanda " + number + " não está entre as demandas do cliente " + BrazilianDocuments.format(document)
                            + " no Qualitor: confira o número com o cliente (ou o CNPJ/CPF).");
                }
                demand = ofCustomer.get();
            } else {
                demand = qualitor.demand(number);
            }
        } catch (QualitorRefusal e) {
            return Optional.of(e.kind() == QualitorRefusal.Kind.CUSTOMER_NOT_FOUND ? e.advice().replace(" e use Reenviar", "")
                    : "A demanda " + number + " não foi encontrada no Qualitor: confira o número. (" + e.qualitorMessage() + ")");
        } catch (QualitorFailure | FaultToleranceException e) {
            return Optional.empty();
        }
        String situation = demand.situation() == null ? "" : demand.situation();
        if (kind == DemandAction.Kind.REITERATE && RelatedTickets.closed(situation)) {
            return Optional.of("A demanda " + number + " já está encerrada no Qualitor (situação: " + situation + "): uma demanda encerrada "
                    + "não pode ser reiterada. Se a resposta não resolveu, use o SOP de reinício da demanda.");
        }
        if (kind == DemandAction.Kind.RESTART && situation.toLowerCase(java.util.Locale.ROOT).contains("cancelad")) {
            return Optional.of("A demanda " + number + " foi cancelada no Qualitor (situação: " + situation + "): ela não pode ser reiniciada; "
                    + "registre uma nova demanda.");
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
            self.closeFailed(action.getId(), QualitorFailure.unavailable("consultas suspensas por alguns segundos após falhas seguidas", e));
        }
        return em.find(DemandAction.class, action.getId());
    }

    /** Checks and stores the request to close (its own transaction, called through the container by {@link #close}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DemandAction requestClose(long ticketId, boolean closeRelated, String reason, String agent) {
        Ticket ticket = em.find(Ticket.class, ticketId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (ticket == null) {
            throw new InvalidSubmissionException(Map.of("ticket", "Chamado não encontrado: " + ticketId));
        }
        if (ticket.getState() != TicketState.SENT || ticket.getQualitorNumber() == null) {
            errors.put("ticket", "O chamado ainda não tem número no Qualitor (situação: " + ticket.getState() + "): não há demanda a encerrar.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 2000) {
            errors.put("reason", "Informe o motivo do encerramento, com pelo menos 10 caracteres.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        DemandAction action = new DemandAction(DemandAction.Kind.CLOSE, ticket.getQualitorNumber(), why, ticket.getSopId(),
                ticket.getSopVersion(), agent);
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
        action.done();
        em.createNamedQuery(Ticket.SITUATION).setParameter("id", ticketId).setParameter("situation", situation).executeUpdate();
        audit.record(action.getCreatedBy(), "demanda.encerrada", "demanda " + action.getDemandNumber(), "situação no Qualitor: " + situation);
    }

    /** Qualitor refused to close the demand or could not be reached: kept as failed, and audited. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void closeFailed(long id, QualitorFailure e) {
        DemandAction action = em.find(DemandAction.class, id);
        action.failed(e.getMessage());
        audit.record(action.getCreatedBy(), "demanda.encerramento-falhou", "demanda " + action.getDemandNumber(),
                e instanceof QualitorRefusal r ? r.kind().name() + ": código " + r.errorCode() + ": " + r.qualitorMessage()
                        : e.retryable() ? "Qualitor indisponível; pode ser pedido de novo" : "não concluído");
    }

    /**
     * A supervisor reiterates a demand from the SLA board: no SOP walk, but the same rule (a reason
     * of at least 10 characters) and the same audit; the caller then {@link #send}s it.
     */
    public DemandAction reiterateFromBoard(String demandNumber, String reason, String supervisor, String sopId, int sopVersion) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 2000) {
            throw new InvalidSubmissionException(Map.of("reason", "Informe o motivo, com pelo menos 10 caracteres: ele é obrigatório para o Relacionamento."));
        }
        DemandAction action = new DemandAction(DemandAction.Kind.REITERATE, demandNumber, why, sopId, sopVersion, supervisor);
        em.persist(action);
        em.flush();
        audit.record(supervisor, "demanda.reiteracao", "demanda " + demandNumber, "pelo painel de SLA; " + reasonSummary(why));
        return action;
    }
}
