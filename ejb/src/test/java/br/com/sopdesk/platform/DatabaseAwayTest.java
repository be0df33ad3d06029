package br.com.sopdesk.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseAwayTest {

    @Test
    void aConnectionThePoolCouldNotHandOutIsTheDatabaseAway() {
        // as Payara's pool reported PostgreSQL stopped, under EclipseLink's and the EJB container's wrappers
        Throwable refused = new EJBException(new RuntimeException("Exception [EclipseLink-4002]",
                new SQLException("Error in allocating a connection", new ResourceAllocationException("Connection to localhost:5432 refused"))));
        assertTrue(DatabaseAway.in(refused));
        assertTrue(DatabaseAway.in(new RuntimeException(new SQLException("An I/O error occurred", "08006"))), "a connection broken mid-query");
        assertTrue(DatabaseAway.in(new SQLException("FATAL: terminating connection due to administrator command", "57P01")), "PostgreSQL stopping");
        assertTrue(DatabaseAway.in(new SQLException("FATAL: the database system is starting up", "57P03")), "PostgreSQL starting");
    }

    @Test
    void otherFailuresStayServerErrors() {
        assertFalse(DatabaseAway.in(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseAway.in(new IllegalStateException("a bug")));
        assertFalse(DatabaseAway.in(null));
    }
}
