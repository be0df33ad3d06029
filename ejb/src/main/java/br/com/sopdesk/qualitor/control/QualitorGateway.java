package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.qualitor.DemandProgress;
import br.com.sopdesk.qualitor.OpenedTicket;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.QualitorSettings;
import br.com.sopdesk.qualitor.TicketDraft;
import br.com.sopdesk.qualitor.TicketSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SOP Desk's calls to Qualitor, answered in SOP Desk's terms: the drafts, demands and failures the
 * rest of the application reads are its own types, translated here from the connector's, so only
 * the connector and this gateway know Qualitor's. Fault tolerance (circuit breaker, retries of
 * reads) is {@link QualitorCalls}'; its {@code CircuitBreakerOpenException} passes through as is.
 * Every connector failure comes out as a {@link QualitorFailure} (a refusal as {@link QualitorRefusal}).
 */
@ApplicationScoped
public class QualitorGateway {

    @Inject
    QualitorCalls calls;

    @Inject
    QualitorConnection connection;

    /** Opens the demand; when {@code mayAlreadyExist}, looks first for one a lost answer created. */
    public OpenedDemand open(DemandDraft draft, boolean mayAlreadyExist) {
        OpenedTicket opened = translating(() -> calls.open(ticketDraft(draft), mayAlreadyExist));
        return new OpenedDemand(opened.number(), opened.situation(), opened.alreadyExisted());
    }

    /** The customer's demands in Qualitor, by CNPJ/CPF. */
    public List<ListedDemand> demandsOfCustomer(String document) {
        return translating(() -> calls.ticketsOfCustomer(document)).stream().map(QualitorGateway::listed).toList();
    }

    /** One demand, by its number. */
    public ListedDemand demand(String number) {
        return listed(translating(() -> calls.ticket(number)));
    }

    /** A demand's situation, expected answer and first return since {@code returnsSince} (Qualitor's local time), for the SLA monitor. */
    public DemandStatus status(String number, LocalDateTime returnsSince) {
        DemandProgress p = translating(() -> calls.progress(number));
        return new DemandStatus(p.situationCode(), p.situationName(), p.expectedAnswer(),
                p.firstReturnSince(returnsSince).map(DemandProgress.Entry::latest).orElse(null));
    }

    /**
     * Writes a history entry carrying {@code key}; when {@code mayAlreadyExist}, looks for it first.
     * Returns whether it was written now.
     */
    public boolean addHistory(String number, String text, String key, boolean mayAlreadyExist) {
        return translating(() -> calls.addHistory(number, text, key, mayAlreadyExist));
    }

    /** Attaches a file; when {@code mayAlreadyExist}, looks for it first. */
    public boolean attach(String number, String fileName, byte[] content, boolean mayAlreadyExist) {
        return translating(() -> calls.attach(number, fileName, content, mayAlreadyExist));
    }

    /** Moves a demand to a Qualitor team; when {@code mayAlreadyExist}, reads it first. */
    public boolean transferTeam(String number, String team, boolean mayAlreadyExist) {
        return translating(() -> calls.transferTeam(number, team, mayAlreadyExist));
    }

    /** Moves a demand to a workflow step ({@code cdetapa}); when {@code mayAlreadyExist}, reads its step first. */
    public boolean nextStep(String number, String step, boolean mayAlreadyExist) {
        return translating(() -> calls.nextStep(number, step, mayAlreadyExist));
    }

    /** The workflow step restarted demands are moved to ({@code qualitor.restart-step}); empty when the installation sets none. */
    public Optional<String> restartStep() {
        String step = connection.storedOrConfigured(QualitorSettings.Key.RESTART_STEP);
        return step == null || step.isBlank() ? Optional.empty() : Optional.of(step.strip());
    }

    /** The Qualitor situations of a finished demand ({@code qualitor.finished-situations}), comma-separated. */
    public String finishedSituations() {
        return connection.storedOrConfigured(QualitorSettings.Key.FINISHED_SITUATIONS);
    }

    /** Closes the demand (and its related ones when asked); returns Qualitor's situation afterwards. */
    public String close(String number, boolean closeRelated) {
        return translating(() -> connection.client().close(number, closeRelated));
    }

    /** Qualitor's version: needs no login, so it tells whether Qualitor answers at all. */
    public String version() {
        return translating(() -> connection.client().version());
    }

    /**
     * Whether Qualitor answers at all (its version needs no login), for the readiness check: empty
     * when it does, otherwise why not, for the log. Not retried nor counted by the circuit.
     */
    public Optional<Exception> unreachable() {
        try {
            connection.client().version();
            return Optional.empty();
        } catch (QualitorException e) {
            return Optional.of(e);
        }
    }

    /** Whether Qualitor refused SOP Desk's integration login on the latest authenticated call. */
    public boolean credentialsRefused() {
        return connection.client().credentialsRefusal().isPresent();
    }

    private static <T> T translating(Supplier<T> call) {
        try {
            return call.get();
        } catch (QualitorException e) {
            throw QualitorFailure.of(e);
        }
    }

    private static ListedDemand listed(TicketSummary t) {
        return new ListedDemand(t.number(), t.title(), t.situation(), t.openedAt(), t.expectedAnswer(), t.submissionKey());
    }

    static TicketDraft ticketDraft(DemandDraft d) {
        DemandDraft.Codes c = d.codes();
        DemandDraft.Facts f = d.facts();
        return new TicketDraft(d.customerDocument(), d.contactEmail(), d.title(), d.description(),
                new TicketDraft.Mapping(c.ticketType(), c.category(), c.location(), c.severity()),
                f == null ? null : new TicketDraft.Facts(f.customerName(), f.document(), f.email(), f.phone1(), f.phone2(), f.sop(),
                        f.certificate(), f.walk()),
                d.submissionKey(), d.submittedOn());
    }
}
