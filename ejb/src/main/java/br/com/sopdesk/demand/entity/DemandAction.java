package br.com.sopdesk.demand.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A request on an existing Qualitor demand made for the customer (seed 004): reiterate an open
 * demand, restart a finished one whose answer did not match, or close one SOP Desk opened. Stored
 * before Qualitor is told, with the reason, which is required.
 *
 * <p>Reiterations and restarts reach Qualitor through an outbox, like tickets: {@code PENDING} (in
 * the queue, due at {@code nextAttemptAt}), claimed by one instance ({@code SENDING}, until
 * {@code claimedUntil}) through a conditional update, then {@code DONE} or {@code FAILED} (refused).
 * Each carries a short {@code actionKey} written at the end of its history entry, so a retry after
 * a lost answer ({@code outcomeUnknown}) finds the entry instead of writing a second one.
 */
@Entity
@Table(name = "demand_action")
@NamedQuery(name = DemandAction.DUE, query = """
        select d.id from DemandAction d
        where d.kind in :sent
          and ((d.state = :pending and d.nextAttemptAt <= :now) or (d.state = :sending and d.claimedUntil < :now))
        order by d.nextAttemptAt""")
@NamedQuery(name = DemandAction.CLAIM, query = """
        update DemandAction d set d.state = :sending, d.claimedUntil = :lease, d.attempts = d.attempts + 1
        where d.id = :id and d.state = :pending and d.nextAttemptAt <= :now""")
@NamedQuery(name = DemandAction.RECLAIM, query = """
        update DemandAction d set d.claimedUntil = :lease, d.attempts = d.attempts + 1, d.outcomeUnknown = true
        where d.id = :id and d.state = :sending and d.claimedUntil < :now""")
@NamedQuery(name = DemandAction.PAST_RETENTION, query = """
        select d.id from DemandAction d
        where d.state in :finished and d.createdAt < :cutoff and d.anonymizedAt is null
        order by d.id""")
@NamedQuery(name = DemandAction.ANONYMIZE, query = """
        update DemandAction d set d.reason = :mark, d.lastError = null, d.anonymizedAt = :now
        where d.id in :ids and d.state in :finished and d.anonymizedAt is null""")
public class DemandAction {

    /** Reiterations and restarts due for an attempt (queued and due, or claimed by an instance whose lease ran out). */
    public static final String DUE = "DemandAction.due";
    public static final String CLAIM = "DemandAction.claim";
    /** Takes over a request whose sender's lease ran out (it may have written the entry). */
    public static final String RECLAIM = "DemandAction.reclaim";
    /** Finished requests created before {@code :cutoff} that still hold the customer's reason (retention). */
    public static final String PAST_RETENTION = "DemandAction.pastRetention";
    /** Replaces the customer's reason of finished requests by a mark; the demand number and dates stay. */
    public static final String ANONYMIZE = "DemandAction.anonymize";

    /** What is asked of the demand; {@code TRANSFER} moves a new demand to its category's Qualitor team. */
    public enum Kind { REITERATE, RESTART, CLOSE, TRANSFER }

    /** The kinds that reach Qualitor through the outbox (closing is answered on the spot). */
    public static final Set<Kind> QUEUED_KINDS = EnumSet.of(Kind.REITERATE, Kind.RESTART, Kind.TRANSFER);

    /** Where the request stands. */
    public enum State {
        /** Stored; waiting for its (next) attempt. */
        PENDING,
        /** Claimed by one application instance, which is talking to Qualitor now. */
        SENDING,
        /** Qualitor has it. */
        DONE,
        /** Qualitor refused it (or it cannot be checked after a lost answer): a person acts. */
        FAILED;

        /** States in which the request's work is over (its reason may go after the retention period). */
        public static final Set<State> FINISHED = EnumSet.of(DONE, FAILED);
    }

    @Id
    @SequenceGenerator(name = "demand_action_seq", sequenceName = "demand_action_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demand_action_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    private Kind kind;

    @Column(name = "demand_number", length = 20, nullable = false)
    private String demandNumber;

    @Column(length = 2000, nullable = false)
    private String reason;

    /** The Qualitor team ({@code cdequipe}) a {@code TRANSFER} moves the demand to. */
    @Column(length = 20)
    private String target;

    @Column(name = "sop_id", length = 80, nullable = false)
    private String sopId;

    @Column(name = "sop_version", nullable = false)
    private int sopVersion;

    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    private State state;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "created_by", length = 80, nullable = false)
    private String createdBy;

    @Column(name = "done_at")
    private LocalDateTime doneAt;

    @Column(name = "anonymized_at")
    private LocalDateTime anonymizedAt;

    @Column(name = "action_key", length = 16, updatable = false)
    private String actionKey;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;

    @Column(name = "claimed_until")
    private LocalDateTime claimedUntil;

    @Column(name = "outcome_unknown", nullable = false)
    private boolean outcomeUnknown;

    protected DemandAction() {
    }

    public DemandAction(Kind kind, String demandNumber, String reason, String sopId, int sopVersion, String createdBy) {
        this.kind = Objects.requireNonNull(kind);
        this.demandNumber = Objects.requireNonNull(demandNumber);
        this.reason = Objects.requireNonNull(reason);
        this.sopId = sopId;
        this.sopVersion = sopVersion;
        this.createdBy = createdBy;
        this.createdAt = Utc.of(Instant.now());
        this.state = State.PENDING;
        this.nextAttemptAt = createdAt;
        this.actionKey = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Moves a demand SOP Desk just opened to the Qualitor team of its category, once; {@code reason}
     * says which category asked for it (no customer text).
     */
    public static DemandAction transfer(String demandNumber, String team, String category, String sopId, int sopVersion, String createdBy) {
        DemandAction a = new DemandAction(Kind.TRANSFER, demandNumber, "categoria " + category, sopId, sopVersion, createdBy);
        a.target = Objects.requireNonNull(team);
        return a;
    }

    public String getTarget() {
        return target;
    }

    /** The history entry Qualitor receives. */
    public String historyText() {
        return switch (kind) {
            case REITERATE -> "Reiteração solicitada pelo cliente. Motivo: " + reason + " (registrado pelo SOP Desk, agente " + createdBy + ")";
            case RESTART -> "Pedido de reinício: a resposta da demanda não corresponde ao assunto; retornar ao setor responsável. Motivo: "
                    + reason + " (registrado pelo SOP Desk, agente " + createdBy + ")";
            case CLOSE -> "Encerramento pelo SOP Desk, agente " + createdBy + ". Motivo: " + reason;
            case TRANSFER -> throw new IllegalStateException("uma transferência de equipe não escreve no histórico");
        };
    }

    public void done() {
        state = State.DONE;
        lastError = null;
        claimedUntil = null;
        doneAt = Utc.of(Instant.now());
    }

    public void failed(String error) {
        state = State.FAILED;
        claimedUntil = null;
        lastError = cut(error);
    }

    /**
     * The attempt failed in a way that may pass: back to the queue after a growing pause (5 s, 10 s,
     * 20 s... up to {@code maxBackoff}).
     *
     * @param mayHaveApplied Qualitor may hold the entry although no answer came; from then on every
     *                       retry looks for it before writing
     */
    public void retryLater(String error, Instant now, Duration maxBackoff, boolean mayHaveApplied) {
        state = State.PENDING;
        outcomeUnknown |= mayHaveApplied;
        lastError = cut(error);
        claimedUntil = null;
        long seconds = Math.min(maxBackoff.toSeconds(), 5L * (1L << Math.min(attempts, 16)));
        nextAttemptAt = Utc.of(now.plusSeconds(seconds));
    }

    /** Whether the request is still on its way to Qualitor (queued or being sent). */
    public boolean isQueued() {
        return state == State.PENDING || state == State.SENDING;
    }

    private static String cut(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }

    /** The short key written at the end of the history entry (null for requests stored before it existed). */
    public String getActionKey() {
        return actionKey;
    }

    public int getAttempts() {
        return attempts;
    }

    /** Whether a retry must first look in the demand's history for the entry an earlier attempt may have written. */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDemandNumber() {
        return demandNumber;
    }

    public String getReason() {
        return reason;
    }

    public State getState() {
        return state;
    }

    public String getLastError() {
        return lastError;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
