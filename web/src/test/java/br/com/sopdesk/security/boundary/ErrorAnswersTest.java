package br.com.sopdesk.security.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorAnswersTest {

    @Test
    void aConnectionThePoolCouldNotHandOutIsTheDatabaseAway() {
        // as Payara's pool reported PostgreSQL stopped, under EclipseLink's and the EJB container's wrappers
        Throwable refused = new EJBException(new RuntimeException("Exception [EclipseLink-4002]",
                new SQLException("Error in allocating a connection", new ResourceAllocationException("Connection to localhost:5432 refused"))));
        assertTrue(ErrorAnswers.databaseAway(refused));
        assertTrue(ErrorAnswers.databaseAway(new RuntimeException(new SQLException("An I/O error occurred", "08006"))), "a connection broken mid-query");
    }

    @Test
    void otherFailuresStayServerErrors() {
        assertFalse(ErrorAnswers.databaseAway(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(ErrorAnswers.databaseAway(new IllegalStateException("a bug")));
        assertFalse(ErrorAnswers.databaseAway(null));
    }
}
