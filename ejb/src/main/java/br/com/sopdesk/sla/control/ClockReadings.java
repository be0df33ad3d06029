package br.com.sopdesk.sla.control;

import br.com.sopdesk.sla.entity.ClockState;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.ticket.control.DemandClocks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the SLA clocks of the customer's related demands for the ticket feature ({@link DemandClocks}),
 * with one query on the indexed demand number for all of them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ClockReadings implements DemandClocks {

    @PersistenceContext
    EntityManager em;

    @Override
    public Map<String, Reading> of(List<String> numbers, Instant now) {
        Map<String, SlaClock> newest = new HashMap<>();
        if (!numbers.isEmpty()) {
            em.createNamedQuery(SlaClock.BY_DEMANDS, SlaClock.class).setParameter("demands", numbers).getResultList()
                    .forEach(c -> newest.merge(c.getDemandNumber(), c, (a, b) -> a.getId() > b.getId() ? a : b));
        }
        Map<String, Reading> out = new HashMap<>();
        newest.forEach((number, c) -> out.put(number,
                new Reading(c.remaining(now), c.getState() == ClockState.PAUSED, c.getState() == ClockState.MET)));
        return out;
    }
}
