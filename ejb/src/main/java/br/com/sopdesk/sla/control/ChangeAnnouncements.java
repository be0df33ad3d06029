package br.com.sopdesk.sla.control;

import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
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
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Qualitor's word that a demand changed (its service flow calls SOP Desk on its own trigger), so a
 * return or a closing reaches the clocks at once instead of at their read cadence, which stays as
 * the fallback. It only brings the read forward ({@link SlaClock#changeAnnounced}) and wakes the
 * monitor for it ({@link ClockDue}): what Qualitor shows on that read decides, as always. State lives in the clock's row, so several instances and
 * retries of the call agree without any memory of their own.
 */
@Stateless
public class ChangeAnnouncements {

    private static final Logger LOG = Logger.getLogger(ChangeAnnouncements.class.getName());
    /** A scan may settle the same clock at that moment: the losing transaction tries again. */
    private static final int ATTEMPTS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock time;

    @Resource
    SessionContext context;

    @Inject
    Event<ClockDue> clockDue;

    /**
     * Brings forward the read of the open clocks of {@code demand}; returns how many had it brought
     * forward now (none for a demand without an open clock, or whose read is waiting already).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int announced(String demand) {
        ChangeAnnouncements self = context.getBusinessObject(ChangeAnnouncements.class);
        for (int attempt = 1; ; attempt++) {
            try {
                return self.bringForward(demand);
            } catch (EJBException e) {
                if (attempt == ATTEMPTS || !SlaWork.lostRace(e)) {
                    throw e;
                }
            }
        }
    }

    /** One attempt, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int bringForward(String demand) {
        Instant now = time.instant();
        List<SlaClock> clocks = em.createNamedQuery(SlaClock.BY_DEMANDS, SlaClock.class)
                .setParameter("demands", List.of(demand)).getResultList();
        int brought = 0;
        for (SlaClock clock : clocks) {
            Optional<Happening> line = clock.changeAnnounced(now);
            if (line.isPresent()) {
                em.persist(new SlaEvent(clock.getId(), line.get()));
                brought++;
            }
        }
        em.flush();
        if (brought > 0) {
            clockDue.fire(new ClockDue(now));
        }
        int n = brought;
        LOG.fine(() -> "Qualitor avisou mudança na demanda " + demand + ": " + n + " relógio(s) com leitura antecipada");
        return brought;
    }
}
