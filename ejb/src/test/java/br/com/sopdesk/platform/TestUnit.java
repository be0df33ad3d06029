package br.com.sopdesk.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code sopdesk} persistence unit outside the server, for the JPA-level tests: resource-local on
 * a JDBC URL, and without the cache coordination over Payara's data grid, whose transport only the
 * server has.
 */
public final class TestUnit {

    private TestUnit() {
    }

    public static EntityManagerFactory open(String url, String user, String password, String logLevel) {
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.user", user);
        props.put("jakarta.persistence.jdbc.password", password);
        props.put("eclipselink.logging.level", logLevel);
        props.put("eclipselink.cache.coordination.protocol", null);
        return Persistence.createEntityManagerFactory("sopdesk", props);
    }

    /** Runs {@code work} in a transaction of its own, committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
