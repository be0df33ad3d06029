package br.com.sopdesk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema to the version this build expects, with Flyway, before anything else
 * at start touches it (start-up beans name it in {@code @DependsOn}). The migrations live in
 * {@code db/migration} (portable SQL for H2 and PostgreSQL); on PostgreSQL {@code db/postgresql}
 * adds what H2 cannot express (the audit trail's guard trigger). Flyway's lock on its history
 * table lets several instances start together.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** The application's data source; the same JNDI name the persistence unit uses. */
    static final String DATA_SOURCE = "jdbc/sopdesk";

    @PostConstruct
    void migrate() {
        DataSource dataSource;
        try {
            dataSource = InitialContext.doLookup(DATA_SOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("JDBC resource " + DATA_SOURCE + " not found on the server", e);
        }
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations(productName(dataSource)))
                .load()
                .migrate();
        LOG.info(() -> "Esquema do banco na versão " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrações aplicadas agora)");
    }

    /** Where the migrations for a database are, by its JDBC product name ({@code H2}, {@code PostgreSQL}). */
    public static String[] locations(String databaseProductName) {
        return "PostgreSQL".equalsIgnoreCase(databaseProductName)
                ? new String[]{"classpath:db/migration", "classpath:db/postgresql"}
                : new String[]{"classpath:db/migration"};
    }

    private static String productName(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("database " + DATA_SOURCE + " did not answer", e);
        }
    }
}
