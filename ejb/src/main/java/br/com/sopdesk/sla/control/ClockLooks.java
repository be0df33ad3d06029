package br.com.sopdesk.sla.control;

import br.com.sopdesk.sla.entity.SlaClock;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A person looks at a clock (a supervisor opens its row, the agent opens the ticket): if its last
 * Qualitor reading is older than {@code sopdesk.sla.sync.look-seconds}, the read is asked for now
 * ({@link SlaClock#lookedAt}), within the group's budget of calls, so far clocks can be read rarely
 * and still be fresh when someone cares. The next look shows what that read found; looking never
 * fails the page.
 */
@Stateless
public class ClockLooks {

    private static final Logger LOG = Logger.getLogger(ClockLooks.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock time;

    @Inject
    SlaSettings settings;

    @Inject
    Event<ClockDue> clockDue;

    @Resource
    SessionContext context;

    /** Asks for a read of clock {@code id} if its reading is old; returns whether it asked. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean lookedAt(long id) {
        try {
            return context.getBusinessObject(ClockLooks.class).ask(id);
        } catch (RuntimeException e) {
            // a scan or an announcement changed the clock at that moment: it is being read anyway
            LOG.log(Level.FINE, "Leitura pedida ao abrir o relógio de SLA " + id + " não registrada", e);
            return false;
        }
    }

    /** One attempt, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean ask(long id) {
        Instant now = time.instant();
        SlaClock clock = em.find(SlaClock.class, id);
        if (clock == null || !clock.lookedAt(now, settings.lookFreshness())) {
            return false;
        }
        em.flush();
        clockDue.fire(new ClockDue(now));
        return true;
    }
}
