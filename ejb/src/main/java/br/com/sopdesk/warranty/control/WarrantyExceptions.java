package br.com.sopdesk.warranty.control;

import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The tickets agents filed as warranty exceptions, newest first, for the supervisor's review. */
@Stateless
public class WarrantyExceptions {

    @PersistenceContext
    EntityManager em;

    public List<Ticket> latest(int max) {
        return em.createNamedQuery(Ticket.WARRANTY_EXCEPTIONS, Ticket.class).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }
}
