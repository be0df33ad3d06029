package br.com.sopdesk.insight.control;

import br.com.sopdesk.platform.SchemaMigration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The same tests on the PostgreSQL test database, in a schema of their own dropped first. */
@EnabledIfSystemProperty(named = "sopdesk.test.pg.url", matches = "jdbc:postgresql:.+")
class WalkInsightsPostgresTest extends WalkInsightsTest {

    @Override
    Map<String, String> freshDatabase() throws SQLException {
        String base = System.getProperty("sopdesk.test.pg.url");
        String user = System.getProperty("sopdesk.test.pg.user");
        String password = System.getProperty("sopdesk.test.pg.password");
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS insights_test CASCADE");
            s.execute("CREATE SCHEMA insights_test");
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=insights_test";
        Flyway.configure().dataSource(url, user, password).schemas("insights_test")
                .locations(SchemaMigration.locations("PostgreSQL")).load().migrate();
        return Map.of("url", url, "user", user, "password", password);
    }
}
