package br.com.sopdesk.outbox.control;

import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.outbox.entity.DeliveryState;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.Utc;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's database steps, each in its own short transaction so none stays open while a receiver
 * is called. Claims are conditional updates on the owner's row: of several instances, exactly one
 * wins each delivery.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryStore {

    /** What a lapsed claim that nobody can check leaves on the delivery. */
    static final String LAPSED_UNCHECKABLE = Text.of("outbox.lapsed").stored(Delivery.ERROR_LENGTH);

    @PersistenceContext
    EntityManager em;

    /**
     * Ids of deliveries due now, at most {@code max}: first those whose sender's claim lapsed (taken
     * over, looking first; or, where nobody can look, held at once), then the queued ones that are due.
     */
    public List<Long> due(Queue<?> q, Instant now, int max) {
        List<Long> due = new ArrayList<>();
        if (q.canLook()) {
            due.addAll(em.createQuery(q.lapsed(), Long.class).setParameter("sending", DeliveryState.SENDING)
                    .setParameter("now", Utc.of(now)).setMaxResults(max).getResultList());
        } else {
            em.createQuery(q.holdLapsed()).setParameter("held", DeliveryState.HELD).setParameter("sending", DeliveryState.SENDING)
                    .setParameter("why", LAPSED_UNCHECKABLE).setParameter("now", Utc.of(now)).executeUpdate();
        }
        if (due.size() < max) {
            due.addAll(q.restricted(em.createQuery(q.due(), Long.class)).setParameter("queued", DeliveryState.QUEUED)
                    .setParameter("now", Utc.of(now)).setMaxResults(max - due.size()).getResultList());
        }
        return due;
    }

    /**
     * Claims the delivery for {@code instance} until {@code now + lease}; false when it is not due or
     * another instance holds it. Taking over a lapsed claim marks the outcome unknown: the instance
     * that held it may have died after the receiver took it.
     */
    public boolean claim(Queue<?> q, long id, String instance, Instant now, Duration lease) {
        int claimed = q.restricted(em.createQuery(q.claim())).setParameter("sending", DeliveryState.SENDING).setParameter("queued", DeliveryState.QUEUED)
                .setParameter("instance", instance).setParameter("lease", Utc.of(now.plus(lease)))
                .setParameter("id", id).setParameter("now", Utc.of(now)).executeUpdate();
        if (claimed == 0 && q.canLook()) {
            claimed = em.createQuery(q.reclaim()).setParameter("sending", DeliveryState.SENDING)
                    .setParameter("instance", instance).setParameter("lease", Utc.of(now.plus(lease)))
                    .setParameter("id", id).setParameter("now", Utc.of(now)).executeUpdate();
        }
        return claimed == 1;
    }

    public <T> T find(Queue<T> q, long id) {
        return em.find(q.entity(), id);
    }

    /**
     * Records a failed attempt on a delivery still being sent (any other state is left alone): back to
     * the queue after the back-off, or ended as the failure says; an attempt that may have delivered
     * where nobody can look is held, never sent again. Returns the owner as it stands.
     */
    public <T> T failed(Courier<T, ?> courier, long id, Undelivered why, Instant now) {
        Queue<T> q = courier.queue();
        T owner = em.find(q.entity(), id);
        Delivery d = q.delivery().apply(owner);
        if (!d.is(DeliveryState.SENDING)) {
            return owner;
        }
        switch (why.outcome()) {
            case LATER -> {
                if (why.mayHaveArrived() && !q.canLook()) {
                    d.held(why.text().stored(Delivery.ERROR_LENGTH));
                } else {
                    d.retryLater(why.text().stored(Delivery.ERROR_LENGTH), now, courier.pace().backoff(), why.mayHaveArrived());
                }
            }
            case REFUSED -> d.refused(why.text().stored(Delivery.ERROR_LENGTH));
            case HELD -> d.held(why.text().stored(Delivery.ERROR_LENGTH));
            case WITHDRAWN -> d.withdrawn(why.text().stored(Delivery.ERROR_LENGTH));
        }
        if (!d.getState().isOnItsWay()) {
            courier.ended(owner, why);
        }
        return owner;
    }

    /** How many queued deliveries are pausing between attempts. */
    public long waiting(Queue<?> q, Instant now) {
        return em.createQuery(q.waiting(), Long.class).setParameter("queued", DeliveryState.QUEUED)
                .setParameter("now", Utc.of(now)).getSingleResult();
    }

    /** The receiver is back: every pausing delivery is due now instead of at the end of its back-off. */
    public int retryAllNow(Queue<?> q, Instant now) {
        return em.createQuery(q.retryNow()).setParameter("queued", DeliveryState.QUEUED).setParameter("now", Utc.of(now)).executeUpdate();
    }
}
