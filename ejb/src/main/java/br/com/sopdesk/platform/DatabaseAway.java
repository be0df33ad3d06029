package br.com.sopdesk.platform;

import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is the database not answering (stopped, restarting, out of reach), which a
 * request answers with 503 and a periodic job simply waits out: the pool could not hand out a
 * connection ({@link ResourceAllocationException}, how Payara reports a refused one), or the driver
 * reports a broken one (SQL state class {@code 08}) or the server going down or coming up
 * ({@code 57P01} terminated by the administrator, {@code 57P03} shutting down or starting up),
 * anywhere in the causes.
 */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    public static boolean in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResourceAllocationException || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
