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
 * after {@value #MAX_REFUSALS} in a row the clock stops reading. Changed only through its {@link SlaClock}.
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

    /** Takes in a reading at {@code now}; returns whether Qualitor shows something new. */
    boolean read(Instant now, String situation, Instant expected) {
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

    void stop() {
        nextSyncAt = null;
    }

    /** Qualitor refused a read: the next waits twice as long, up to an hour, or reads stop. Returns the refusals in a row. */
    int refused(Instant now) {
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
}
