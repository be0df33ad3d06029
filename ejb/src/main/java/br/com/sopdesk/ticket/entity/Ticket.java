package br.com.sopdesk.ticket.entity;

import br.com.sopdesk.outbox.entity.Delivery;
import br.com.sopdesk.outbox.entity.DeliveryState;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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
import br.com.sopdesk.platform.InvalidState;
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
 * finds the ticket instead of opening a second one. Its way to Qualitor and its walk summary's are
 * two outbox deliveries ({@link Delivery}), claimed through the database, never in memory.
 */
@Entity
@Table(name = "ticket", indexes = {
        @Index(name = "ix_ticket_outbox", columnList = "state, next_attempt_at"),
        @Index(name = "ix_ticket_customer", columnList = "customer_document"),
        @Index(name = "ix_ticket_summary", columnList = "summary_state, summary_next_at")})
@NamedQuery(name = Ticket.SOP_BY_KEYS, query = "select t.submissionKey, t.sopId from Ticket t where t.submissionKey in :keys")
@NamedQuery(name = Ticket.SOP_BY_NUMBERS, query = "select t.qualitorNumber, t.sopId from Ticket t where t.qualitorNumber in :numbers")
@NamedQuery(name = Ticket.PAST_RETENTION, query = """
        select t.id from Ticket t where t.delivery.state in :finished and t.createdAt < :cutoff and t.anonymizedAt is null order by t.id""")
@NamedQuery(name = Ticket.ANONYMIZE, query = """
        update Ticket t set t.intake.document = :mark, t.intake.customerName = :mark, t.intake.description = :mark, t.intake.triedSolution = :mark,
          t.intake.phone1 = :mark, t.intake.phone2 = :mark, t.intake.email = :mark, t.delivery.lastError = null, t.summary.lastError = null,
          t.anonymizedAt = :now, t.version = t.version + 1
        where t.id in :ids and t.delivery.state in :finished and t.anonymizedAt is null""")
@NamedQuery(name = Ticket.BY_IDS, query = "select t from Ticket t where t.id in :ids")
@NamedQuery(name = Ticket.SITUATION, query = "update Ticket t set t.qualitorSituation = :situation, t.version = t.version + 1 where t.id = :id")
public class Ticket {

    public static final String SOP_BY_KEYS = "Ticket.sopByKeys";
    /** The SOP of each listed demand SOP Desk opened, by Qualitor's number (whatever Qualitor lists of the key). */
    public static final String SOP_BY_NUMBERS = "Ticket.sopByNumbers";
    /** {@link #getRefusal()} of a ticket held because a lost answer cannot be checked in Qualitor. */
    public static final String UNVERIFIABLE = "UNVERIFIABLE";
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

    /** The return promised, in hours; 0 for a call solved at first contact, recorded and closed at once. */
    @Column(name = "return_hours", nullable = false)
    private int returnHours;

    /** The ticket's way to Qualitor. */
    @Embedded
    private Delivery delivery;

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

    /** The walk summary's way to the Qualitor ticket, once it has a number; its state is null for tickets stored before it existed. */
    @Embedded
    @AttributeOverride(name = "state", column = @Column(name = "summary_state", length = 12))
    @AttributeOverride(name = "attempts", column = @Column(name = "summary_attempts", nullable = false))
    @AttributeOverride(name = "nextAttemptAt", column = @Column(name = "summary_next_at"))
    @AttributeOverride(name = "claimedBy", column = @Column(name = "summary_claimed_by", length = 80))
    @AttributeOverride(name = "claimedUntil", column = @Column(name = "summary_claimed_until"))
    @AttributeOverride(name = "outcomeUnknown", column = @Column(name = "summary_outcome_unknown", nullable = false))
    @AttributeOverride(name = "lastError", column = @Column(name = "summary_error", length = 1000))
    private Delivery summary;

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
        this.delivery = Delivery.queued(now);
        this.summary = Delivery.queued(now);
    }

    /**
     * Claims the new ticket's first attempt for the instance that stores it and pushes it at once,
     * saving a claim round trip; should that instance stop before the push ends, the lease runs out
     * and another instance takes it over like any lapsed claim (looking for it in Qualitor first).
     * Keyed by its agent's own key for the submission ({@link ClientKey}) when there is one.
     */
    public void claimFirstAttempt(String instance, Instant until, ClientKey key) {
        if (id != null || key != null && !key.agent().equals(createdBy)) {
            throw new IllegalStateException("only a new ticket can be claimed before it is stored, keyed by its own agent's key");
        }
        submissionKey = key == null ? submissionKey : key.submissionKey();
        delivery.claimFirst(instance, until);
    }

    /** Claims the walk summary's first attempt with the update that records Qualitor's number, so it goes at once. */
    public void claimSummary(String instance, Instant until) {
        if (!delivery.is(DeliveryState.DONE) || !summary.is(DeliveryState.QUEUED)) {
            throw new IllegalStateException("the summary can be claimed only once the ticket is in Qualitor");
        }
        summary.claim(instance, until);
    }

    /** Qualitor confirmed the ticket under {@code number}. */
    public void sent(String number, String situation, Instant now) {
        delivery.done();
        this.qualitorNumber = number;
        this.qualitorSituation = situation;
        this.sentAt = Utc.of(now);
        this.refusal = null;
    }

    /** The ticket's way to Qualitor ended without a number: records why, the refusal's kind or {@link #UNVERIFIABLE} when held. */
    public void ended(String refusalKind) {
        this.refusal = delivery.is(DeliveryState.HELD) ? UNVERIFIABLE : refusalKind;
    }

    /**
     * A person sends it again ({@code Reenviar}), with the same submission key: after a refusal,
     * once what Qualitor refused is fixed; after a hold, once they checked in Qualitor that the
     * ticket is not there ({@code checkedInQualitor}), so the next attempt opens it without looking.
     *
     * @throws InvalidState when it is not refused or held, or its data was already removed
     */
    public void resend(Instant now, boolean checkedInQualitor) {
        TicketState state = getState();
        if (state != TicketState.REJECTED && state != TicketState.HELD) {
            throw new InvalidState("ticket.resend.not-refused", state);
        }
        if (anonymizedAt != null) {
            throw new InvalidState("ticket.resend.anonymized");
        }
        if (state == TicketState.HELD && !checkedInQualitor) {
            throw new InvalidState("ticket.resend.check-first");
        }
        delivery.resend(now, checkedInQualitor);
        this.refusal = null;
    }

    /**
     * A person attaches the refused summary again: after a refusal, once its cause is fixed; after a
     * lost answer (no public operation lists a demand's files), once they checked the demand has no
     * such file ({@code checkedInQualitor}), so the next attempt attaches without asking.
     *
     * @throws InvalidState when the summary was not refused, or the check was not confirmed
     */
    public void summaryResend(Instant now, boolean checkedInQualitor) {
        if (getSummaryState() != SummaryState.REFUSED) {
            throw new InvalidState("ticket.summary.resend.not-refused", getSummaryState());
        }
        if (summary.is(DeliveryState.HELD) && !checkedInQualitor) {
            throw new InvalidState("ticket.summary.resend.check-first", qualitorNumber);
        }
        summary.resend(now, checkedInQualitor);
    }

    /**
     * A refusal turned out to be the installation's (the same one for several tickets in a row): back
     * to the queue, due now, saying why it waits. Nothing was created in Qualitor by a refusal.
     */
    public void requeuedByPause(String why, Instant now) {
        if (getState() != TicketState.REJECTED) {
            return;
        }
        delivery.requeue(why, now);
        this.refusal = null;
    }

    /** The ticket's way to Qualitor. */
    public Delivery getDelivery() {
        return delivery;
    }

    /** The walk summary's way to the Qualitor ticket. */
    public Delivery getSummaryDelivery() {
        return summary;
    }

    /** Where the ticket stands, in the words agents and the API know. */
    public TicketState getState() {
        return TicketState.of(delivery.getState());
    }

    public SummaryState getSummaryState() {
        return summary == null ? null : SummaryState.of(summary.getState());
    }

    public int getSummaryAttempts() {
        return summary == null ? 0 : summary.getAttempts();
    }

    public String getSummaryError() {
        return summary == null ? null : summary.getLastError();
    }

    /** Whether a retry must first look in Qualitor for the file an earlier attempt may have attached. */
    public boolean isSummaryOutcomeUnknown() {
        return summary != null && summary.isOutcomeUnknown();
    }

    /** Whether a retry must first look in Qualitor for the ticket an earlier attempt may have created. */
    public boolean isOutcomeUnknown() {
        return delivery.isOutcomeUnknown();
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

    /** A call solved at first contact, recorded in Qualitor as a demand opened and closed at once: no return is promised. */
    public boolean isRecordedCall() {
        return returnHours == 0;
    }

    public int getAttempts() {
        return delivery.getAttempts();
    }

    public Instant getNextAttemptAt() {
        return delivery.getNextAttemptAt();
    }

    public String getLastError() {
        return delivery.getLastError();
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
