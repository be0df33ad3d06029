package br.com.sopdesk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema to the version this build expects, with Flyway, before anything else
 * at start touches it (start-up beans name it in {@code @DependsOn}). The migrations live in
 * {@code db/migration}; Flyway's lock on its history table lets several instances start together.
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
            throw new IllegalStateException("Recurso JDBC " + DATA_SOURCE + " não encontrado no servidor", e);
        }
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Esquema do banco na versão " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrações aplicadas agora)");
    }
}
