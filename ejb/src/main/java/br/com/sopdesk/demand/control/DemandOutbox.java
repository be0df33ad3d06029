package br.com.sopdesk.demand.control;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.platform.PersonalData;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.QualitorGateway;
import br.com.sopdesk.ticket.control.OutboxSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Writes stored reiterations and restarts to their demand's history in Qualitor, and moves new
 * demands to their category's Qualitor team ({@code transferTicketTeam}): once right after
 * the agent asks ({@link #send}), and again from the outbox timer for those that could not go
 * ({@link #drain}). Outside transactions, like the ticket outbox: Qualitor is never called inside
 * one. A failure that may pass (Qualitor down, slow, garbage, our login refused) is retried with
 * back-off; after one whose outcome is unknown, the retry looks in the demand's history for the
 * entry carrying the request's key before writing, so a lost answer never becomes a second entry.
 * A refusal is final and kept with Qualitor's message.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemandOutbox {

    private static final Logger LOG = Logger.getLogger(DemandOutbox.class.getName());

    @EJB
    DemandStore store;

    @Inject
    QualitorGateway qualitor;

    @Resource
    SessionContext context;

    @Inject
    OutboxSettings settings;

    /** Tries to write one request now, if this instance wins its claim; returns it as it stands afterwards. */
    public DemandAction send(long id) {
        if (store.claim(id, Instant.now(), settings.lease())) {
            DemandAction action = store.find(id);
            Duration maxBackoff = settings.maxBackoff();
            try {
                boolean written = action.getKind() == DemandAction.Kind.TRANSFER
                        ? qualitor.transferTeam(action.getDemandNumber(), action.getTarget(), action.isOutcomeUnknown())
                        : qualitor.addHistory(action.getDemandNumber(), action.historyText(), action.getActionKey(), action.isOutcomeUnknown());
                store.done(id, written);
            } catch (QualitorException e) {
                if (e.retryable()) {
                    store.retryLater(id, e.getMessage(), Instant.now(), maxBackoff, e.writeMayHaveApplied());
                } else {
                    store.failed(id, e.getMessage(), e instanceof QualitorException.Refused r
                            ? r.kind().name() + ": código " + r.errorCode() + ": " + r.qualitorMessage()
                            : "não foi possível conferir no Qualitor se o registro chegou");
                }
            } catch (CircuitBreakerOpenException e) {
                store.retryLater(id, "Qualitor indisponível: envios suspensos por alguns segundos após falhas seguidas",
                        Instant.now(), maxBackoff, false);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Falha inesperada ao registrar o pedido " + id + " no Qualitor", PersonalData.mask(e));
                store.retryLater(id, "Falha inesperada: " + e, Instant.now(), maxBackoff, true);
            }
        }
        return store.find(id);
    }

    /** Writes every due request, one after another (they are few); returns how many were tried. */
    public int drain() {
        List<Long> due = store.due(Instant.now(), 200);
        DemandOutbox self = context.getBusinessObject(DemandOutbox.class);
        due.forEach(self::send);
        return due.size();
    }
}
