package br.com.sopdesk.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * A read that loses its connection fails at once instead of being retried: EclipseLink retries it
 * three times, five seconds apart, so with the database away a request (and the readiness check)
 * hung for 15 to 30 s instead of answering 503. The pool validates each connection it hands out, so
 * a stale one after a database restart never reaches a query. EclipseLink 4.0 has no persistence
 * property for this, hence the customizer (persistence.xml).
 */
public class FailFastQueries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
        }
    }
}
