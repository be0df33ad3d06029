package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.qualitor.DemandProgress;
import br.com.sopdesk.qualitor.OpenedTicket;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.TicketDraft;
import br.com.sopdesk.qualitor.TicketSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The connector's calls behind MicroProfile Fault Tolerance, for {@link QualitorGateway} alone (which
 * answers the rest of SOP Desk in its own terms): when most recent calls
 * failed (Qualitor down, timing out, answering garbage), the circuit opens and calls fail at once
 * for a while instead of each waiting for its timeout; the outbox keeps the tickets meanwhile.
 * Qualitor refusing a request ({@code status 0}) is an answer, not an outage, and does not count;
 * Qualitor refusing SOP Desk's own login ({@link QualitorException.Unauthorized}) is an outage and
 * counts, so a wrong password does not hammer Qualitor (nor lock the integration account).
 * Reads are retried once (not after a refusal of either kind); writes are not retried here (the
 * outboxes retry them, looking first for what a lost answer may have written). Thresholds are overridable through MicroProfile Config, e.g.
 * {@code br.com.sopdesk.qualitor.control.QualitorCalls/open/CircuitBreaker/delay=30000}.
 */
@ApplicationScoped
public class QualitorCalls {

    @Inject
    QualitorConnection connection;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            skipOn = {QualitorException.Refused.class, QualitorException.Unverifiable.class})
    public OpenedTicket open(TicketDraft draft, boolean mayAlreadyExist) {
        return connection.client().openTicket(draft, mayAlreadyExist);
    }

    @Retry(maxRetries = 1, delay = 200, abortOn = {QualitorException.Refused.class, QualitorException.Unauthorized.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            skipOn = QualitorException.Refused.class)
    public List<TicketSummary> ticketsOfCustomer(String document) {
        return connection.client().ticketsOfCustomer(document);
    }

    @Retry(maxRetries = 1, delay = 200, abortOn = {QualitorException.Refused.class, QualitorException.Unauthorized.class})
    public TicketSummary ticket(String number) {
        return connection.client().ticket(number);
    }

    /** A demand's situation and history, for the SLA monitor's syncs. */
    @Retry(maxRetries = 1, delay = 200, abortOn = {QualitorException.Refused.class, QualitorException.Unauthorized.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            skipOn = QualitorException.Refused.class)
    public DemandProgress progress(String number) {
        return connection.client().progress(number);
    }

    /**
     * Writes a history entry carrying {@code key}; when {@code mayAlreadyExist}, looks for it first.
     * Returns whether it was written now. Not retried here (the demand outbox retries it).
     */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            skipOn = {QualitorException.Refused.class, QualitorException.Unverifiable.class})
    public boolean addHistory(String number, String text, String key, boolean mayAlreadyExist) {
        return connection.client().addHistory(number, text, key, mayAlreadyExist);
    }

    /** Attaches a file; like opening a ticket, not retried here (the caller retries, looking first). */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            skipOn = QualitorException.Refused.class)
    public boolean attach(String number, String fileName, byte[] content, boolean mayAlreadyExist) {
        connection.client().attach(number, fileName, content, mayAlreadyExist);
        return true;
    }

    /** Moves a demand to a Qualitor team; like a write, not retried here (the demand outbox retries it, reading first). */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            skipOn = {QualitorException.Refused.class, QualitorException.Unverifiable.class})
    public boolean transferTeam(String number, String team, boolean mayAlreadyExist) {
        return connection.client().transferTeam(number, team, mayAlreadyExist);
    }

    /** Moves a demand to a workflow step; like a write, not retried here (the demand outbox retries it, reading first). */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            skipOn = {QualitorException.Refused.class, QualitorException.Unverifiable.class})
    public boolean nextStep(String number, String step, boolean mayAlreadyExist) {
        return connection.client().nextStep(number, step, mayAlreadyExist);
    }
}
