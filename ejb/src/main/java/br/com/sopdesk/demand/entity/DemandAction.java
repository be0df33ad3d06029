package br.com.sopdesk.demand.entity;

import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.outbox.entity.DeliveryState;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A request on an existing Qualitor demand made for the customer (seed 004): reiterate an open
 * demand, restart a finished one whose answer did not match, or close one SOP Desk opened. Stored
 * before Qualitor is told, with the reason, which is required. A restart carries the workflow step
 * the installation moves restarted demands to, when it sets one, and remembers once it moved there.
 *
 * <p>Reiterations, restarts and team moves reach Qualitor through the outbox ({@link Delivery}).
 * Each carries a short {@code actionKey} written at the end of its history entry, so a retry after
 * a lost answer finds the entry instead of writing a second one.
 */
@Entity
@Table(name = "demand_action")
@NamedQuery(name = DemandAction.PAST_RETENTION, query = """
        select d.id from DemandAction d
        where d.delivery.state in :finished and d.createdAt < :cutoff and d.anonymizedAt is null
        order by d.id""")
@NamedQuery(name = DemandAction.ANONYMIZE, query = """
        update DemandAction d set d.reason = :mark, d.delivery.lastError = null, d.anonymizedAt = :now
        where d.id in :ids and d.delivery.state in :finished and d.anonymizedAt is null""")
public class DemandAction {

    /** Finished requests created before {@code :cutoff} that still hold the customer's reason (retention). */
    public static final String PAST_RETENTION = "DemandAction.pastRetention";
    /** Replaces the customer's reason of finished requests by a mark; the demand number and dates stay. */
    public static final String ANONYMIZE = "DemandAction.anonymize";

    /**
     * What is asked of the demand; {@code TRANSFER} moves a new demand to its category's Qualitor
     * team; {@code CLOSE_SOLVED} closes the demand of a call solved at first contact, just recorded.
     */
    public enum Kind { REITERATE, RESTART, CLOSE, TRANSFER, CLOSE_SOLVED }

    /** The kinds that reach Qualitor through the outbox (an agent's closing is answered on the spot). */
    public static final Set<Kind> QUEUED_KINDS = EnumSet.of(Kind.REITERATE, Kind.RESTART, Kind.TRANSFER, Kind.CLOSE_SOLVED);

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

        /** The deliveries of requests whose work is over (their reason may go after the retention period). */
        public static final Set<DeliveryState> FINISHED = EnumSet.of(DeliveryState.DONE, DeliveryState.REFUSED, DeliveryState.HELD);

        /** The request's state for its delivery's. */
        public static State of(DeliveryState d) {
            return switch (d) {
                case QUEUED -> PENDING;
                case SENDING -> SENDING;
                case DONE -> DONE;
                case REFUSED, HELD, WITHDRAWN -> FAILED;
            };
        }
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

    /**
     * The Qualitor team ({@code cdequipe}) a {@code TRANSFER} moves the demand to, or the workflow
     * step ({@code cdetapa}) a {@code RESTART} moves it to (null: the restart only asks for it in the history).
     */
    @Column(length = 20)
    private String target;

    /** When a {@code RESTART}'s demand was moved to its step (a retry then writes only the history entry). */
    @Column(name = "step_moved_at")
    private LocalDateTime stepMovedAt;

    @Column(name = "sop_id", length = 80, nullable = false)
    private String sopId;

    @Column(name = "sop_version", nullable = false)
    private int sopVersion;

    /** The request's way to Qualitor. */
    @Embedded
    private Delivery delivery;

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


    protected DemandAction() {
    }

    public DemandAction(Kind kind, String demandNumber, String reason, String sopId, int sopVersion, String createdBy, Instant at) {
        this.kind = Objects.requireNonNull(kind);
        this.demandNumber = Objects.requireNonNull(demandNumber);
        this.reason = Objects.requireNonNull(reason);
        this.sopId = sopId;
        this.sopVersion = sopVersion;
        this.createdBy = createdBy;
        this.createdAt = Utc.of(at);
        this.delivery = Delivery.queued(Utc.instant(createdAt));
        this.actionKey = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Moves a demand SOP Desk just opened to the Qualitor team of its category, once; {@code reason}
     * says which category asked for it (no customer text).
     */
    public static DemandAction transfer(String demandNumber, String team, String category, String sopId, int sopVersion, String createdBy,
                                        Instant at) {
        DemandAction a = new DemandAction(Kind.TRANSFER, demandNumber, "categoria " + category, sopId, sopVersion, createdBy, at);
        a.target = Objects.requireNonNull(team);
        return a;
    }

    /** Closes the demand of a call solved at first contact, once it is recorded; {@code reason} names the ticket (no customer text). */
    public static DemandAction closeSolved(String demandNumber, long ticketId, String sopId, int sopVersion, String createdBy, Instant at) {
        return new DemandAction(Kind.CLOSE_SOLVED, demandNumber, "chamado " + ticketId, sopId, sopVersion, createdBy, at);
    }

    /**
     * Restarts a finished demand; with {@code step} (the installation's {@code cdetapa}, blank: none)
     * the demand is also moved to that workflow step, otherwise the history entry asks the team to reopen it.
     */
    public static DemandAction restart(String demandNumber, String reason, String step, String sopId, int sopVersion, String createdBy,
                                       Instant at) {
        DemandAction a = new DemandAction(Kind.RESTART, demandNumber, reason, sopId, sopVersion, createdBy, at);
        a.target = step == null || step.isBlank() ? null : step.strip();
        return a;
    }

    public String getTarget() {
        return target;
    }

    /** The workflow step a restart moves its demand to; empty when the installation sets none. */
    public java.util.Optional<String> restartStep() {
        return kind == Kind.RESTART ? java.util.Optional.ofNullable(target) : java.util.Optional.empty();
    }

    /** Whether this restart still has to move its demand to its step before writing the history entry. */
    public boolean stepPending() {
        return restartStep().isPresent() && stepMovedAt == null;
    }

    /** Its demand is at its step since {@code at} (moved, or found there after a lost answer). */
    public void stepMoved(Instant at) {
        if (restartStep().isEmpty()) {
            throw new IllegalStateException("only a restart with a step moves its demand");
        }
        if (stepMovedAt == null) {
            stepMovedAt = Utc.of(at);
        }
    }

    /** The history entry Qualitor receives (rendered in pt-BR, as Qualitor's people read it). */
    public Text historyText() {
        return switch (kind) {
            case REITERATE -> Text.of("demand.history.reiterate", reason, createdBy);
            case RESTART -> target == null ? Text.of("demand.history.restart.reopen", reason, createdBy)
                    : Text.of("demand.history.restart.step", reason, createdBy, target);
            case CLOSE -> Text.of("demand.history.close", reason, createdBy);
            case TRANSFER, CLOSE_SOLVED -> throw new IllegalStateException(kind + " writes no history entry");
        };
    }

    /** Qualitor has it (closing answers on the spot; the outbox records the others). */
    public void done(Instant at) {
        delivery.done();
        doneAt = Utc.of(at);
    }

    /** Qualitor refused it (or could not be reached, when closing on the spot): kept with the message. */
    public void failed(String error) {
        delivery.refused(error);
    }

    /** Whether the request is still on its way to Qualitor (queued or being sent). */
    public boolean isQueued() {
        return delivery.getState().isOnItsWay();
    }

    /** The request's way to Qualitor. */
    public Delivery getDelivery() {
        return delivery;
    }

    /** The short key written at the end of the history entry (null for requests stored before it existed). */
    public String getActionKey() {
        return actionKey;
    }

    public int getAttempts() {
        return delivery.getAttempts();
    }

    /** Whether a retry must first look in the demand's history for the entry an earlier attempt may have written. */
    public boolean isOutcomeUnknown() {
        return delivery.isOutcomeUnknown();
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
        return State.of(delivery.getState());
    }

    public String getLastError() {
        return delivery.getLastError();
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
