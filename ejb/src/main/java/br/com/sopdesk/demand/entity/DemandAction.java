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
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A request on an existing Qualitor demand made for the customer (seed 004): reiterate an open
 * demand, restart a finished one whose answer did not match, or close one SOP Desk opened. Stored
 * before Qualitor is told, with the reason, which is required.
 */
@Entity
@Table(name = "demand_action")
@NamedQuery(name = DemandAction.PAST_RETENTION, query = """
        select d.id from DemandAction d
        where d.state in :finished and d.createdAt < :cutoff and d.anonymizedAt is null
        order by d.id""")
@NamedQuery(name = DemandAction.ANONYMIZE, query = """
        update DemandAction d set d.reason = :mark, d.lastError = null, d.anonymizedAt = :now
        where d.id in :ids and d.state in :finished and d.anonymizedAt is null""")
public class DemandAction {

    /** Finished requests created before {@code :cutoff} that still hold the customer's reason (retention). */
    public static final String PAST_RETENTION = "DemandAction.pastRetention";
    /** Replaces the customer's reason of finished requests by a mark; the demand number and dates stay. */
    public static final String ANONYMIZE = "DemandAction.anonymize";

    /** What is asked of the demand. */
    public enum Kind { REITERATE, RESTART, CLOSE }

    /** Where the request stands. */
    public enum State {
        PENDING, DONE, FAILED;

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
    }

    /** The history entry Qualitor receives. */
    public String historyText() {
        return switch (kind) {
            case REITERATE -> "Reiteração solicitada pelo cliente. Motivo: " + reason + " (registrado pelo SOP Desk, agente " + createdBy + ")";
            case RESTART -> "Pedido de reinício: a resposta da demanda não corresponde ao assunto; retornar ao setor responsável. Motivo: "
                    + reason + " (registrado pelo SOP Desk, agente " + createdBy + ")";
            case CLOSE -> "Encerramento pelo SOP Desk, agente " + createdBy + ". Motivo: " + reason;
        };
    }

    public void done() {
        state = State.DONE;
        lastError = null;
        doneAt = Utc.of(Instant.now());
    }

    public void failed(String error) {
        state = State.FAILED;
        lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
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
