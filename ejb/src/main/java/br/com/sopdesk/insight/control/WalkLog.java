package br.com.sopdesk.insight.control;

import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.insight.entity.WalkRecord;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Records each walk where it happens (the guided page calls it as the agent opens a SOP, answers,
 * and saves a ticket or a demand request), each step its own short transaction on the walk's row,
 * found by id: the page's next request may reach another instance.
 */
@Stateless
public class WalkLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A walk begins: the agent's walks still open are abandoned (the agent started another first). Returns the walk's id. */
    public long start(SopBundle bundle, SopWalk walk, String agent) {
        Instant now = clock.instant();
        em.createNamedQuery(WalkRecord.ABANDON_OPEN).setParameter("agent", agent).setParameter("now", Utc.of(now)).executeUpdate();
        WalkRecord record = new WalkRecord(bundle.id(), bundle.version(), agent, walk, now);
        em.persist(record);
        em.flush();
        return record.getId();
    }

    /** The walk as the agent's answers now make it. */
    public void walked(long id, SopWalk walk) {
        find(id).walked(walk, clock.instant());
    }

    /** The walk's ticket was saved: the walk escalated in the ticket's category, or its solved call was recorded. */
    public void ticketed(long id, Ticket ticket) {
        String category = ticket.getClassification() == null ? null : ticket.getClassification().getCategory();
        find(id).ticketed(ticket.getId(), category, ticket.isRecordedCall(), clock.instant());
    }

    /** The walk's demand request was saved: the demand was reiterated or restarted. */
    public void demanded(long id, DemandAction action) {
        find(id).demanded(action.getId(), action.getKind() == DemandAction.Kind.REITERATE, clock.instant());
    }

    private WalkRecord find(long id) {
        WalkRecord record = em.find(WalkRecord.class, id);
        if (record == null) {
            throw new IllegalArgumentException("no walk " + id);
        }
        return record;
    }
}
