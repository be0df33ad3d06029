package br.com.sopdesk.insight.entity;

/**
 * How a recorded walk stands: still walking, ended at an outcome (and what came of it), or left.
 * A walk still {@link #OPEN} two hours after it started counts as abandoned when the figures are read.
 */
public enum WalkState {
    OPEN, SOLVED, ESCALATED, REITERATED, RESTARTED, FOLLOWED, ABANDONED;

    /** Whether something was saved at the end (a ticket, a demand request): the walk can no longer change. */
    public boolean saved() {
        return this == ESCALATED || this == REITERATED || this == RESTARTED;
    }
}
