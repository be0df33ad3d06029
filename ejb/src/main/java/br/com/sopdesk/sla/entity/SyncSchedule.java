package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * When a clock next reads its demand in Qualitor, and what the last reading showed (Qualitor's
 * situation and its own expected answer). Refused reads back off from a minute up to an hour, and
 * after {@value #MAX_REFUSALS} in a row the clock stops reading. Qualitor may also announce that the
 * demand changed ({@link #announced}): the read then falls due at once, and the announcement is kept
 * until a read that started after it answers it, so a retry of the call costs no second read and a
 * read already under way, which may predate the change, does not count. A person looking at the
 * clock may ask for a read the same way ({@link #asked}), kept apart so that a look never hides an
 * announcement's timeline line. Changed only through its {@link SlaClock}.
 */
@Embeddable
public class SyncSchedule {

    /** Reads Qualitor refused in a row (e.g. it cannot find the demand) before the clock stops reading it. */
    static final int MAX_REFUSALS = 8;

    @Column(name = "next_sync_at")
    private LocalDateTime nextSyncAt;

    @Column(name = "last_synced_at")
    private LocalDateTime lastSyncedAt;

    @Column(name = "qualitor_situation")
    private String qualitorSituation;

    @Column(name = "qualitor_expected")
    private LocalDateTime qualitorExpected;

    @Column(name = "sync_refusals")
    private int syncRefusals;

    /** When Qualitor announced a change that no read has answered yet (null: none waiting). */
    @Column(name = "change_announced_at")
    private LocalDateTime announcedAt;

    /** When a person looking at the clock asked for a read that no read has answered yet (null: none waiting). */
    @Column(name = "read_asked_at")
    private LocalDateTime askedAt;

    /**
     * Takes in a reading at {@code now} of a read that started at {@code readAt} (it answers the
     * announcements made until then); returns whether Qualitor shows something new.
     */
    boolean read(Instant readAt, Instant now, String situation, Instant expected) {
        answered(readAt);
        lastSyncedAt = Utc.of(now);
        String shown = situation == null || situation.length() <= 100 ? situation : situation.substring(0, 100);
        LocalDateTime expectedAt = Utc.of(expected);
        boolean changed = !Objects.equals(shown, qualitorSituation) || !Objects.equals(expectedAt, qualitorExpected);
        qualitorSituation = shown;
        qualitorExpected = expectedAt;
        syncRefusals = 0;
        return changed;
    }

    void plan(Instant now, Duration wait) {
        nextSyncAt = Utc.of(now.plus(wait));
    }

    /** The cadence's next read, or one at once while an announced change or a look waits for a read. */
    void planNext(Instant now, Duration wait) {
        plan(now, announcedAt == null && askedAt == null ? wait : Duration.ZERO);
    }

    void stop() {
        nextSyncAt = null;
        announcedAt = null;
        askedAt = null;
    }

    /**
     * A person looking at the clock asks at {@code now} for a read: the next read falls due now.
     * Returns whether this is news (not when a look already waits for its read, nor when reads stopped).
     */
    boolean asked(Instant now) {
        if (nextSyncAt == null || askedAt != null) {
            return false;
        }
        askedAt = Utc.of(now);
        if (getNextSyncAt().isAfter(now)) {
            nextSyncAt = askedAt;
        }
        return true;
    }

    /** Whether a read was asked for (an announced change, a look) and no read answered it yet. */
    boolean waitingAsked() {
        return announcedAt != null || askedAt != null;
    }

    /**
     * Qualitor announced at {@code now} that the demand changed: the next read falls due now. Returns
     * whether this is news; a repeated announcement while one waits for its read changes nothing,
     * unless a read is under way ({@code reading}): that read may have started before the change, so
     * the announcement is kept as made now and outlives it. Nothing when reads stopped.
     */
    boolean announced(Instant now, boolean reading) {
        if (nextSyncAt == null) {
            return false;
        }
        if (announcedAt != null) {
            if (reading) {
                announcedAt = Utc.of(now);
            }
            return false;
        }
        announcedAt = Utc.of(now);
        if (getNextSyncAt().isAfter(now)) {
            nextSyncAt = announcedAt;
        }
        return true;
    }

    /** A read that started at {@code readAt} answers the announcement and the look made until then. */
    private void answered(Instant readAt) {
        if (announcedAt != null && !getAnnouncedAt().isAfter(readAt)) {
            announcedAt = null;
        }
        if (askedAt != null && !Utc.instant(askedAt).isAfter(readAt)) {
            askedAt = null;
        }
    }

    /** Qualitor refused a read that started at {@code readAt}: the next waits twice as long, up to an hour, or reads stop. Returns the refusals in a row. */
    int refused(Instant readAt, Instant now) {
        answered(readAt);
        syncRefusals++;
        if (stopped()) {
            stop();
        } else {
            plan(now, Duration.ofMinutes(Math.min(60, 1L << (syncRefusals - 1))));
        }
        return syncRefusals;
    }

    /** Whether reads stopped after too many refusals. */
    boolean stopped() {
        return syncRefusals >= MAX_REFUSALS;
    }

    boolean due(Instant now) {
        return nextSyncAt != null && !getNextSyncAt().isAfter(now);
    }

    /** Whether Qualitor was read at or after {@code since}. */
    public boolean readSince(Instant since) {
        return lastSyncedAt != null && !getLastSyncedAt().isBefore(since);
    }

    public Instant getNextSyncAt() {
        return Utc.instant(nextSyncAt);
    }

    public Instant getLastSyncedAt() {
        return Utc.instant(lastSyncedAt);
    }

    public String getQualitorSituation() {
        return qualitorSituation;
    }

    /** Qualitor's own expected answer time, shown beside our deadline. */
    public Instant getQualitorExpectedAt() {
        return Utc.instant(qualitorExpected);
    }

    public int getSyncRefusals() {
        return syncRefusals;
    }

    /** When Qualitor announced a change that no read has answered yet, or null. */
    public Instant getAnnouncedAt() {
        return Utc.instant(announcedAt);
    }
}
