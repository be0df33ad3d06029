package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.QualitorException;
import jakarta.ejb.EJBException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * How the outbox reads a failed call to Qualitor, the one place for every delivery to it: Qualitor's
 * answer by its kind (a lost answer that cannot be checked holds the delivery), an open circuit
 * breaker as an outage (nothing was sent), anything else as the outbox reads it.
 */
public final class QualitorFailures {

    private QualitorFailures() {
    }

    public static Undelivered read(Throwable e) {
        if (e instanceof EJBException && e.getCause() != null) {
            return read(e.getCause());
        }
        if (e instanceof QualitorException q) {
            return read(QualitorFailure.of(q));
        }
        if (e instanceof QualitorFailure q) {
            if (q.type() == QualitorFailure.Type.UNVERIFIABLE) {
                return Undelivered.held(q.text(), Text.of("qualitor.failure.unverifiable").toString());
            }
            if (q.retryable()) {
                return Undelivered.later(q.text(), q.writeMayHaveApplied());
            }
            if (q instanceof QualitorRefusal r) {
                return Undelivered.refused(q.text(), r.kind().name(), Text.of("qualitor.failure.refused", r.kind().name(), r.errorCode(),
                        r.qualitorMessage()).toString());
            }
            return Undelivered.refused(q.text(), null, q.getMessage());
        }
        if (e instanceof CircuitBreakerOpenException) {
            return Undelivered.unreachable(Text.of("qualitor.failure.circuit-open"));
        }
        return Undelivered.of(e);
    }
}
