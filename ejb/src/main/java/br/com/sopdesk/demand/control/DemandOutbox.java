package br.com.sopdesk.demand.control;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.outbox.control.Courier;
import br.com.sopdesk.outbox.control.Deliverer;
import br.com.sopdesk.outbox.control.OutboxSettings;
import br.com.sopdesk.outbox.control.OutboxTimer;
import br.com.sopdesk.outbox.control.Pace;
import br.com.sopdesk.outbox.control.Queue;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import br.com.sopdesk.qualitor.control.QualitorFailures;
import br.com.sopdesk.ticket.control.RelatedTickets;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The courier of requests on existing demands: writes reiterations and restarts to their demand's
 * history in Qualitor (a restart first moves its demand to the installation's workflow step, when
 * one is set: {@code setTicketNextStep}) and moves new demands to their category's Qualitor team
 * ({@code transferTicketTeam}), once right after they are stored ({@link #push}) and again from the
 * outbox timer ({@link #drain}). After a lost answer the retry looks in the demand's history for the
 * entry carrying the request's key (or at the demand's team or step) before writing, so a lost answer never
 * becomes a second entry.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemandOutbox implements Courier<DemandAction, Boolean> {

    /** The requests that go through the outbox: all but closing, which is answered on the spot. */
    public static final Queue<DemandAction> QUEUE = new Queue<>(DemandAction.class, "delivery", " and e.kind in :queuedKinds",
            Map.of("queuedKinds", DemandAction.QUEUED_KINDS), false, true, DemandAction::getDelivery);

    @EJB
    DemandStore store;

    @EJB
    Deliverer deliverer;

    @Inject
    QualitorGateway qualitor;

    @Inject
    OutboxSettings settings;

    @Override
    public Queue<DemandAction> queue() {
        return QUEUE;
    }

    /** One after another: they are few. */
    @Override
    public Pace pace() {
        return settings.follower(1, 200);
    }

    /** Tries to write one request now, if this instance wins its claim; returns it as it stands afterwards. */
    public DemandAction push(long id) {
        return deliverer.deliver(this, id).orElseGet(() -> store.find(id));
    }

    /** Writes every due request; returns how many were tried. */
    public int drain() {
        return deliverer.drain(this);
    }

    /**
     * Whether Qualitor has it now (false: it was there already). A restart with a workflow step first
     * moves its demand there ({@code setTicketNextStep}) and records that, so a retry of its history
     * entry never moves the demand twice.
     */
    @Override
    public Boolean send(long id) {
        DemandAction action = store.find(id);
        if (action.getKind() == DemandAction.Kind.TRANSFER) {
            return qualitor.transferTeam(action.getDemandNumber(), action.getTarget(), action.isOutcomeUnknown());
        }
        if (action.getKind() == DemandAction.Kind.CLOSE_SOLVED) {
            return closeSolved(action);
        }
        if (action.stepPending()) {
            qualitor.nextStep(action.getDemandNumber(), action.getTarget(), action.isOutcomeUnknown());
            store.stepMoved(id);
        }
        return qualitor.addHistory(action.getDemandNumber(), action.historyText().in(Text.PT_BR), action.getActionKey(),
                action.isOutcomeUnknown());
    }

    /**
     * Closes a recorded call's demand. Qualitor refuses to close a closed demand, so after a lost
     * answer the demand is read first; either way its ticket shows Qualitor's situation afterwards.
     */
    private boolean closeSolved(DemandAction action) {
        String number = action.getDemandNumber();
        if (action.isOutcomeUnknown()) {
            String situation = qualitor.demand(number).situation();
            if (RelatedTickets.closed(situation)) {
                store.situation(number, situation);
                return false;
            }
        }
        String situation = qualitor.close(number, false);
        store.situation(number, situation == null || situation.isBlank() ? qualitor.demand(number).situation() : situation);
        return true;
    }

    @Override
    public DemandAction delivered(long id, Boolean writtenNow) {
        return store.done(id, writtenNow);
    }

    @Override
    public Undelivered read(Throwable failure) {
        return QualitorFailures.read(failure);
    }

    @Override
    public void ended(DemandAction action, Undelivered why) {
        store.ended(action, why);
    }

    /** The outbox timer's turn ({@link OutboxTimer}): after the earlier couriers, before the later. */
    public void tick(@Observes @Priority(300) OutboxTimer.Tick tick) {
        drain();
    }
}
