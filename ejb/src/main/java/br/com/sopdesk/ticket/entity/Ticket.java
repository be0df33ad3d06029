package br.com.sopdesk.ticket.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import br.com.sopdesk.platform.Utc;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket an agent submitted from a SOP: the customer's intake, the SOP version and answers that
 * led to it, how it is classified in Qualitor, and its way to Qualitor through the outbox.
 *
 * <p>A ticket is committed here before Qualitor is called, so nothing is lost when Qualitor is
 * down. Its {@code submissionKey} travels with the Qualitor ticket so a retry after a lost answer
 * finds the ticket instead of opening a second one. Which instance sends it is decided by a
 * conditional update on the row ({@code state}, {@code claimedUntil}), never in memory.
 */
@Entity
@Table(name = "ticket", indexes = {
        @Index(name = "ix_ticket_outbox", columnList = "state, next_attempt_at"),
        @Index(name = "ix_ticket_customer", columnList = "customer_document"),
        @Index(name = "ix_ticket_summary", columnList = "summary_state, summary_next_at")})
@NamedQuery(name = Ticket.DUE, query = """
        select t.id from Ticket t
        where t.state = br.com.sopdesk.ticket.entity.TicketState.QUEUED and t.nextAttemptAt <= :now
        order by t.nextAttemptAt""")
@NamedQuery(name = Ticket.LAPSED, query = """
        select t.id from Ticket t
        where t.state = br.com.sopdesk.ticket.entity.TicketState.SENDING and t.claimedUntil < :now""")
@NamedQuery(name = Ticket.CLAIM, query = """
        update Ticket t set t.state = br.com.sopdesk.ticket.entity.TicketState.SENDING,
          t.claimedBy = :instance, t.claimedUntil = :lease, t.attempts = t.attempts + 1, t.version = t.version + 1
        where t.id = :id and t.state = br.com.sopdesk.ticket.entity.TicketState.QUEUED and t.nextAttemptAt <= :now""")
@NamedQuery(name = Ticket.RECLAIM, query = """
        update Ticket t set t.claimedBy = :instance, t.claimedUntil = :lease, t.attempts = t.attempts + 1,
          t.outcomeUnknown = true, t.version = t.version + 1
        where t.id = :id and t.state = br.com.sopdesk.ticket.entity.TicketState.SENDING and t.claimedUntil < :now""")
@NamedQuery(name = Ticket.WAITING, query = """
        select count(t) from Ticket t
        where t.state = br.com.sopdesk.ticket.entity.TicketState.QUEUED and t.nextAttemptAt > :now""")
@NamedQuery(name = Ticket.RETRY_NOW, query = """
        update Ticket t set t.nextAttemptAt = :now, t.version = t.version + 1
        where t.state = br.com.sopdesk.ticket.entity.TicketState.QUEUED and t.nextAttemptAt > :now""")
@NamedQuery(name = Ticket.SOP_BY_KEYS, query = "select t.submissionKey, t.sopId from Ticket t where t.submissionKey in :keys")
@NamedQuery(name = Ticket.SOP_BY_NUMBERS, query = "select t.qualitorNumber, t.sopId from Ticket t where t.qualitorNumber in :numbers")
@NamedQuery(name = Ticket.PAST_RETENTION, query = """
        select t.id from Ticket t
        where t.state in :finished and t.createdAt < :cutoff and t.anonymizedAt is null
        order by t.id""")
@NamedQuery(name = Ticket.ANONYMIZE, query = """
        update Ticket t set t.intake.document = :mark, t.intake.customerName = :mark, t.intake.description = :mark,
          t.intake.phone1 = :mark, t.intake.phone2 = :mark, t.intake.email = :mark, t.lastError = null, t.summaryError = null,
          t.anonymizedAt = :now, t.version = t.version + 1
        where t.id in :ids and t.state in :finished and t.anonymizedAt is null""")
@NamedQuery(name = Ticket.SUMMARY_DUE, query = """
        select t.id from Ticket t
        where t.summaryState = br.com.sopdesk.ticket.entity.SummaryState.PENDING and t.summaryNextAt <= :now
          and t.state = br.com.sopdesk.ticket.entity.TicketState.SENT
        order by t.summaryNextAt""")
@NamedQuery(name = Ticket.SUMMARY_LAPSED, query = """
        select t.id from Ticket t
        where t.summaryState = br.com.sopdesk.ticket.entity.SummaryState.SENDING and t.summaryClaimedUntil < :now""")
@NamedQuery(name = Ticket.SUMMARY_CLAIM, query = """
        update Ticket t set t.summaryState = br.com.sopdesk.ticket.entity.SummaryState.SENDING,
          t.summaryClaimedUntil = :lease, t.summaryAttempts = t.summaryAttempts + 1, t.version = t.version + 1
        where t.id = :id and t.state = br.com.sopdesk.ticket.entity.TicketState.SENT
          and t.summaryState = br.com.sopdesk.ticket.entity.SummaryState.PENDING and t.summaryNextAt <= :now""")
@NamedQuery(name = Ticket.SUMMARY_RECLAIM, query = """
        update Ticket t set t.summaryClaimedUntil = :lease, t.summaryAttempts = t.summaryAttempts + 1,
          t.summaryOutcomeUnknown = true, t.version = t.version + 1
        where t.id = :id and t.summaryState = br.com.sopdesk.ticket.entity.SummaryState.SENDING and t.summaryClaimedUntil < :now""")
@NamedQuery(name = Ticket.BY_IDS, query = "select t from Ticket t where t.id in :ids")
@NamedQuery(name = Ticket.SITUATION, query = """
        update Ticket t set t.qualitorSituation = :situation, t.version = t.version + 1 where t.id = :id""")
public class Ticket {

    /**
     * Queued tickets due for an attempt. Kept apart from {@link #LAPSED} (no {@code or}) so each
     * reads only its few rows through {@code ix_ticket_outbox}, however many tickets were sent.
     */
    public static final String DUE = "Ticket.due";
    /** Tickets an instance claimed and did not finish within its lease (it may have died). */
    public static final String LAPSED = "Ticket.lapsed";
    public static final String CLAIM = "Ticket.claim";
    /** Takes over a ticket whose sender's lease ran out (it may have died after Qualitor created the ticket). */
    public static final String RECLAIM = "Ticket.reclaim";
    public static final String SOP_BY_KEYS = "Ticket.sopByKeys";
    /** The SOP of each listed demand SOP Desk opened, by Qualitor's number (whatever Qualitor lists of the key). */
    public static final String SOP_BY_NUMBERS = "Ticket.sopByNumbers";
    /** {@link #getRefusal()} of a ticket held because a lost answer cannot be checked in Qualitor. */
    public static final String UNVERIFIABLE = "UNVERIFIABLE";
    public static final String WAITING = "Ticket.waiting";
    public static final String RETRY_NOW = "Ticket.retryNow";
    /** Finished tickets created before {@code :cutoff} that still hold the customer's data (retention). */
    public static final String PAST_RETENTION = "Ticket.pastRetention";
    /**
     * Replaces the customer's data of finished tickets by {@link #ANONYMIZED} (a bulk update: the
     * intake's own rules would refuse the mark). The SOP path, classification, dates and Qualitor's
     * number stay, for statistics; the SOP's own fields go with a separate delete.
     */
    public static final String ANONYMIZE = "Ticket.anonymize";
    /** What takes the place of personal data removed after the retention period. */
    public static final String ANONYMIZED = "[anonimizado]";
    /** Sent tickets whose walk summary is due to be attached in Qualitor. */
    public static final String SUMMARY_DUE = "Ticket.summaryDue";
    /** Summaries an instance claimed and did not finish within its lease. */
    public static final String SUMMARY_LAPSED = "Ticket.summaryLapsed";
    public static final String SUMMARY_CLAIM = "Ticket.summaryClaim";
    /** Takes over a summary whose sender's lease ran out (it may have arrived in Qualitor). */
    public static final String SUMMARY_RECLAIM = "Ticket.summaryReclaim";
    /** Records Qualitor's situation after an action on the demand (e.g. closing it). */
    public static final String SITUATION = "Ticket.situation";
    public static final String BY_IDS = "Ticket.byIds";

    @Id
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "submission_key", length = 36, nullable = false, updatable = false)
    private String submissionKey;

    @Column(name = "sop_id", length = 80, nullable = false, updatable = false)
    private String sopId;

    @Column(name = "sop_version", nullable = false, updatable = false)
    private int sopVersion;

    @Column(name = "title", length = 200, nullable = false)
    private String title;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ticket_answer", joinColumns = @JoinColumn(name = "ticket_id"))
    @MapKeyColumn(name = "question", length = 80)
    @Column(name = "answer", length = 200)
    private Map<String, String> answers = new LinkedHashMap<>();

    @Column(name = "decisions", length = 2000)
    private String decisions;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ticket_field", joinColumns = @JoinColumn(name = "ticket_id"))
    @MapKeyColumn(name = "name", length = 40)
    @Column(name = "field_value", length = 500)
    private Map<String, String> fields = new LinkedHashMap<>();

    @Valid
    @NotNull
    @Embedded
    private Intake intake;

    @Embedded
    private Classification classification;

    @Column(name = "return_hours", nullable = false)
    private int returnHours;

    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    private TicketState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private LocalDateTime nextAttemptAt;

    @Column(name = "claimed_by", length = 80)
    private String claimedBy;

    @Column(name = "claimed_until")
    private LocalDateTime claimedUntil;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "outcome_unknown", nullable = false)
    private boolean outcomeUnknown;

    /** Why it is REJECTED (the connector's refusal kind) or HELD ({@link #UNVERIFIABLE}); null otherwise. */
    @Column(name = "refusal", length = 24)
    private String refusal;

    @Column(name = "qualitor_number", length = 20)
    private String qualitorNumber;

    @Column(name = "qualitor_situation", length = 100)
    private String qualitorSituation;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "created_by", length = 80, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "sent_at")
    private LocalDateTime sentAt;

    @Column(name = "anonymized_at")
    private LocalDateTime anonymizedAt;

    /** The walk summary attached to the Qualitor ticket; null for tickets stored before it existed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "summary_state", length = 12)
    private SummaryState summaryState;

    @Column(name = "summary_attempts", nullable = false)
    private int summaryAttempts;

    @Column(name = "summary_next_at")
    private LocalDateTime summaryNextAt;

    @Column(name = "summary_claimed_until")
    private LocalDateTime summaryClaimedUntil;

    @Column(name = "summary_outcome_unknown", nullable = false)
    private boolean summaryOutcomeUnknown;

    @Column(name = "summary_error", length = 1000)
    private String summaryError;

    protected Ticket() {
    }

    /** A new ticket, queued for Qualitor; {@code fields} are the SOP's own fields, already checked. */
    public Ticket(String sopId, int sopVersion, String title, Map<String, String> answers, String decisions,
                  Map<String, String> fields, Intake intake, Classification classification, int returnHours, String createdBy,
                  Instant now) {
        this.submissionKey = UUID.randomUUID().toString();
        this.sopId = Objects.requireNonNull(sopId);
        this.sopVersion = sopVersion;
        this.title = Objects.requireNonNull(title);
        this.answers = new LinkedHashMap<>(answers);
        this.decisions = decisions;
        this.fields = new LinkedHashMap<>(fields);
        this.intake = Objects.requireNonNull(intake);
        this.classification = Objects.requireNonNull(classification);
        this.returnHours = returnHours;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Utc.of(now);
        this.state = TicketState.QUEUED;
        this.nextAttemptAt = Utc.of(now);
        this.summaryState = SummaryState.PENDING;
        this.summaryNextAt = Utc.of(now);
    }

    /**
     * Claims the new ticket's first attempt for the instance that stores it and pushes it at once,
     * saving a claim round trip; should that instance stop before the push ends, the lease runs out
     * and another instance takes it over like any lapsed claim (looking for it in Qualitor first).
     */
    public void claimFirstAttempt(String instance, Instant until) {
        if (id != null || state != TicketState.QUEUED) {
            throw new IllegalStateException("only a new queued ticket can be claimed before it is stored");
        }
        this.state = TicketState.SENDING;
        this.claimedBy = Objects.requireNonNull(instance);
        this.claimedUntil = Utc.of(until);
        this.attempts = 1;
    }

    /**
     * Claims the walk summary's first attempt for the instance that just recorded Qualitor's number,
     * in the same update, so it goes at once; a lapsed claim falls to the outbox timer.
     */
    public void claimSummary(Instant until) {
        if (state != TicketState.SENT || summaryState != SummaryState.PENDING) {
            throw new IllegalStateException("the summary can be claimed only once the ticket is in Qualitor");
        }
        this.summaryState = SummaryState.SENDING;
        this.summaryClaimedUntil = Utc.of(until);
        this.summaryAttempts++;
    }

    /** Qualitor has the walk summary (attached now, or found there after a lost answer). */
    public void summaryAttached() {
        this.summaryState = SummaryState.ATTACHED;
        this.summaryClaimedUntil = null;
        this.summaryError = null;
    }

    /**
     * Attaching the summary failed in a way that may pass: pending again after a growing pause.
     *
     * @param mayHaveArrived Qualitor may hold the file although no answer came; from then on every
     *                       retry looks for it before attaching
     */
    public void summaryRetryLater(String error, Instant now, Duration maxBackoff, boolean mayHaveArrived) {
        this.summaryState = SummaryState.PENDING;
        this.summaryOutcomeUnknown |= mayHaveArrived;
        this.summaryError = error;
        this.summaryClaimedUntil = null;
        long seconds = Math.min(maxBackoff.toSeconds(), 5L * (1L << Math.min(summaryAttempts, 16)));
        this.summaryNextAt = Utc.of(now.plusSeconds(seconds));
    }

    /**
     * A person attaches the refused summary again: after a refusal, once its cause is fixed; after a
     * lost answer (no public operation lists a demand's files), once they checked the demand has no
     * such file ({@code checkedInQualitor}), so the next attempt attaches without asking.
     *
     * @throws IllegalStateException when the summary was not refused, or the check was not confirmed
     */
    public void summaryResend(Instant now, boolean checkedInQualitor) {
        if (summaryState != SummaryState.REFUSED) {
            throw new IllegalStateException("Só um resumo recusado pode ser anexado de novo (situação: " + summaryState + ").");
        }
        if (summaryOutcomeUnknown) {
            if (!checkedInQualitor) {
                throw new IllegalStateException("Antes de anexar de novo, confira na demanda " + qualitorNumber
                        + " do Qualitor que o resumo não está lá (a resposta de uma tentativa anterior se perdeu) e confirme a conferência.");
            }
            this.summaryOutcomeUnknown = false;
        }
        this.summaryState = SummaryState.PENDING;
        this.summaryError = null;
        this.summaryNextAt = Utc.of(now);
    }

    /** Qualitor refused the file: kept with its message, not resent. */
    public void summaryRefused(String error) {
        this.summaryState = SummaryState.REFUSED;
        this.summaryError = error;
        this.summaryClaimedUntil = null;
    }

    public SummaryState getSummaryState() {
        return summaryState;
    }

    public int getSummaryAttempts() {
        return summaryAttempts;
    }

    public String getSummaryError() {
        return summaryError;
    }

    /** Whether a retry must first look in Qualitor for the file an earlier attempt may have attached. */
    public boolean isSummaryOutcomeUnknown() {
        return summaryOutcomeUnknown;
    }

    /** Qualitor confirmed the ticket under {@code number}. */
    public void sent(String number, String situation, Instant now) {
        this.state = TicketState.SENT;
        this.qualitorNumber = number;
        this.qualitorSituation = situation;
        this.sentAt = Utc.of(now);
        this.claimedBy = null;
        this.claimedUntil = null;
        this.lastError = null;
        this.refusal = null;
    }

    /**
     * The attempt failed in a way that may pass later: back to the queue, after a growing pause.
     *
     * @param mayHaveBeenCreated Qualitor may hold the ticket although no answer came; from then on
     *                           every retry looks for it before creating
     */
    public void retryLater(String error, Instant now, Duration maxBackoff, boolean mayHaveBeenCreated) {
        this.state = TicketState.QUEUED;
        this.outcomeUnknown |= mayHaveBeenCreated;
        this.lastError = error;
        this.claimedBy = null;
        this.claimedUntil = null;
        long seconds = Math.min(maxBackoff.toSeconds(), 5L * (1L << Math.min(attempts, 16)));
        this.nextAttemptAt = Utc.of(now.plusSeconds(seconds));
    }

    /** Qualitor refused it: stays here, visible, for a person to act on. */
    public void rejected(String error) {
        rejected(error, null);
    }

    /** Qualitor refused it, for {@code why} (the connector's refusal kind): a person acts, then sends it again. */
    public void rejected(String error, String why) {
        this.state = TicketState.REJECTED;
        this.lastError = error;
        this.refusal = why;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    /** A lost answer that cannot be checked in Qualitor: held for a person, never resent on its own. */
    public void held(String error) {
        this.state = TicketState.HELD;
        this.lastError = error;
        this.refusal = UNVERIFIABLE;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    /**
     * A person sends it again ({@code Reenviar}), with the same submission key: after a refusal,
     * once what Qualitor refused is fixed; after a hold, once they checked in Qualitor that the
     * ticket is not there ({@code checkedInQualitor}), so the next attempt opens it without looking.
     *
     * @throws IllegalStateException when it is not refused or held, or its data was already removed
     */
    public void resend(Instant now, boolean checkedInQualitor) {
        if (state != TicketState.REJECTED && state != TicketState.HELD) {
            throw new IllegalStateException("Só um chamado recusado pelo Qualitor ou retido para conferência pode ser reenviado (situação: "
                    + state + ").");
        }
        if (anonymizedAt != null) {
            throw new IllegalStateException("Os dados deste chamado já foram anonimizados pela retenção: registre um novo chamado.");
        }
        if (state == TicketState.HELD) {
            if (!checkedInQualitor) {
                throw new IllegalStateException("Antes de reenviar, confira no Qualitor que o chamado não foi criado (a resposta de uma "
                        + "tentativa anterior se perdeu) e confirme a conferência.");
            }
            this.outcomeUnknown = false;
        }
        this.state = TicketState.QUEUED;
        this.refusal = null;
        this.lastError = null;
        this.nextAttemptAt = Utc.of(now);
    }

    /**
     * A refusal turned out to be the installation's (the same one for several tickets in a row): back
     * to the queue, due now, saying why it waits. Nothing was created in Qualitor by a refusal.
     */
    public void requeuedByPause(String why, Instant now) {
        if (state != TicketState.REJECTED) {
            return;
        }
        this.state = TicketState.QUEUED;
        this.refusal = null;
        this.lastError = why;
        this.nextAttemptAt = Utc.of(now);
    }

    /** Whether a retry must first look in Qualitor for the ticket an earlier attempt may have created. */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /** Why it was refused (the connector's refusal kind) or held ({@link #UNVERIFIABLE}); null otherwise. */
    public String getRefusal() {
        return refusal;
    }

    public Long getId() {
        return id;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public String getSopId() {
        return sopId;
    }

    public int getSopVersion() {
        return sopVersion;
    }

    public String getTitle() {
        return title;
    }

    public Map<String, String> getAnswers() {
        return Map.copyOf(answers);
    }

    public String getDecisions() {
        return decisions;
    }

    public Map<String, String> getFields() {
        return Map.copyOf(fields);
    }

    public Intake getIntake() {
        return intake;
    }

    public Classification getClassification() {
        return classification;
    }

    public int getReturnHours() {
        return returnHours;
    }

    public TicketState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return Utc.instant(nextAttemptAt);
    }

    public String getLastError() {
        return lastError;
    }

    public String getQualitorNumber() {
        return qualitorNumber;
    }

    public String getQualitorSituation() {
        return qualitorSituation;
    }

    public Instant getCreatedAt() {
        return Utc.instant(createdAt);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getSentAt() {
        return Utc.instant(sentAt);
    }

    /** When the customer's data was removed after the retention period; null while it is kept. */
    public Instant getAnonymizedAt() {
        return Utc.instant(anonymizedAt);
    }
}
