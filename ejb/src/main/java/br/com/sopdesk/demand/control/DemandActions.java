package br.com.sopdesk.demand.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.qualitor.QualitorGateway;
import br.com.sopdesk.qualitor.QualitorException;
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
 * 004): the request is stored, then written to the demand's history in Qualitor. The reason is
 * required. Qualitor publishes no dedicated operation for either, so both are history entries.
 * Also closes the demand of a ticket SOP Desk opened ({@link #close}, Qualitor's {@code closeTicket}).
 */
@Stateless
public class DemandActions {

    @PersistenceContext
    EntityManager em;

    @Inject
    SopCatalog catalog;

    @Inject
    QualitorGateway qualitor;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext context;

    /** Stores the request after checking the walk and the fields; the caller then {@link #send}s it. */
    public DemandAction request(String sopId, int sopVersion, Map<String, String> answers, String demandNumber, String reason, String agent) {
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
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        DemandAction.Kind kind = walk.current().outcome() == SopNode.Outcome.REITERATE ? DemandAction.Kind.REITERATE : DemandAction.Kind.RESTART;
        DemandAction action = new DemandAction(kind, number, why, bundle.id(), bundle.version(), agent);
        em.persist(action);
        em.flush();
        audit.record(agent, kind == DemandAction.Kind.REITERATE ? "demanda.reiteracao" : "demanda.reinicio", "demanda " + number, why);
        return action;
    }

    /** Writes the request to the demand's history in Qualitor; the outcome is stored either way. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DemandAction send(long id) {
        DemandAction action = em.find(DemandAction.class, id);
        DemandActions self = context.getBusinessObject(DemandActions.class);
        try {
            qualitor.addHistory(action.getDemandNumber(), action.historyText());
            self.mark(id, null);
        } catch (QualitorException e) {
            self.mark(id, e.getMessage());
        }
        return em.find(DemandAction.class, id);
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
        } catch (QualitorException e) {
            self.mark(action.getId(), e.getMessage());
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
                "chamado " + ticketId + (closeRelated ? "; com as relacionadas" : "") + "; motivo: " + why);
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

    /** Records the outcome in its own transaction (called through the container, see {@link #send}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void mark(long id, String error) {
        DemandAction action = em.find(DemandAction.class, id);
        if (error == null) {
            action.done();
        } else {
            action.failed(error);
        }
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
        audit.record(supervisor, "demanda.reiteracao", "demanda " + demandNumber, "pelo painel de SLA: " + why);
        return action;
    }
}
