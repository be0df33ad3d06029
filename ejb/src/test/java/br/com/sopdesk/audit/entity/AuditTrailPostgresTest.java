package br.com.sopdesk.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.SchemaMigration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On PostgreSQL the audit trail is append-only in the database itself: entries are added and read,
 * while any UPDATE, DELETE or TRUNCATE sent through the application's connection fails (migration
 * {@code db/postgresql/V12_1}). Runs on the PostgreSQL test database, in a schema of its own.
 */
@EnabledIfSystemProperty(named = "sopdesk.test.pg.url", matches = "jdbc:postgresql:.+")
class AuditTrailPostgresTest {

    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        String base = System.getProperty("sopdesk.test.pg.url");
        String user = System.getProperty("sopdesk.test.pg.user");
        String password = System.getProperty("sopdesk.test.pg.password");
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS audit_test CASCADE");
            s.execute("CREATE SCHEMA audit_test");
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=audit_test";
        Flyway.configure().dataSource(url, user, password).schemas("audit_test")
                .locations(SchemaMigration.locations("PostgreSQL")).load().migrate();
        db = DriverManager.getConnection(url, user, password);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO audit_entry (id, at, actor, action, subject, detail)"
                    + " VALUES (1, CURRENT_TIMESTAMP, 'admin', 'usuario.criado', 'usuário maria', 'papéis: agent')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static SQLException refused(Connection db, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = db.createStatement()) {
                s.executeUpdate(sql);
            }
        }, sql);
    }

    @Test
    void entriesCanBeAddedButNeitherChangedNorRemoved() throws SQLException {
        assertTrue(refused(db, "UPDATE audit_entry SET detail = 'papéis: admin' WHERE id = 1").getMessage()
                .contains("não pode ser alterada nem apagada"));
        refused(db, "DELETE FROM audit_entry WHERE id = 1");
        refused(db, "TRUNCATE audit_entry");
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*), max(detail) FROM audit_entry")) {
            r.next();
            assertEquals(1, r.getInt(1));
            assertEquals("papéis: agent", r.getString(2), "the entry is as it was written");
        }
    }
}
