package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The group's one budget of Qualitor calls for SLA reads, a token bucket in a single row so that
 * every instance spends from the same one (taken under a row lock, in the transaction that starts
 * the clock's turn). It fills at the allowance's rate up to its burst; each read takes its calls
 * if what stays is above its priority's reserve ({@link ReadPriority}). The read that decides a
 * breach always takes them, even into debt, which the other reads then wait to repay.
 */
@Entity
@Table(name = "sla_sync_budget")
public class SyncBudget {

    /** The row's key: there is one budget. */
    public static final long ID = 1;

    @Id
    private Long id;

    /** Calls that may be made now; negative while breach reads owe them. */
    @Column(nullable = false)
    private double tokens;

    @Column(name = "counted_at")
    private LocalDateTime countedAt;

    /** Calls taken since the row was made, for the figures. */
    @Column(name = "calls_taken", nullable = false)
    private long callsTaken;

    @Column(name = "reads_denied", nullable = false)
    private long readsDenied;

    protected SyncBudget() {
    }

    /** A full budget at {@code now}. */
    public static SyncBudget full(Instant now, SyncAllowance allowance) {
        SyncBudget b = new SyncBudget();
        b.id = ID;
        b.tokens = allowance.capacity();
        b.countedAt = Utc.of(now);
        return b;
    }

    /** Takes the calls of one read of {@code priority} at {@code now}, if the budget allows; returns whether it did. */
    public boolean take(ReadPriority priority, int calls, Instant now, SyncAllowance allowance) {
        fill(now, allowance);
        if (!allowance.unlimited() && tokens - calls < allowance.capacity() * priority.reserve()) {
            readsDenied++;
            return false;
        }
        tokens -= calls;
        callsTaken += calls;
        return true;
    }

    private void fill(Instant now, SyncAllowance allowance) {
        if (countedAt == null) {
            // first use (the migration cannot know the allowance): full
            tokens = allowance.capacity();
            countedAt = Utc.of(now);
            return;
        }
        Instant last = Utc.instant(countedAt);
        if (now.isAfter(last)) {
            // instances' clocks differ a little: time counted never runs backwards
            double earned = allowance.callsPerSecond() * Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(allowance.capacity(), tokens + earned);
            countedAt = Utc.of(now);
        }
    }

    public double getTokens() {
        return tokens;
    }

    public long getCallsTaken() {
        return callsTaken;
    }

    public long getReadsDenied() {
        return readsDenied;
    }
}
