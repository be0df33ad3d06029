package br.com.sopdesk.health.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Asks the application's own database a trivial question, for the readiness check. */
@Stateless
public class DatabaseProbe {

    @PersistenceContext
    EntityManager em;

    /** Round-trips to the database and returns the number of published SOP bundles. */
    public long sopBundles() {
        return em.createQuery("select count(b) from SopBundleRecord b", Long.class).getSingleResult();
    }
}
