package br.com.sopdesk.platform;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;

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
}
