package br.com.sopdesk.sla.entity;

/**
 * Which Qualitor reads go first when the shared budget of calls runs short ({@link SyncBudget}):
 * the read that decides a breach always goes (it may put the budget in debt); a read someone asked
 * for (Qualitor announced a change, a person looks at the clock) and a clock in its last minutes
 * spend the budget down to nothing; nearer deadlines keep a share of it from farther ones.
 */
public enum ReadPriority {

    BREACH(Double.NEGATIVE_INFINITY),
    ASKED(0),
    LAST(0),
    NEAR(0.25),
    FAR(0.5);

    private final double reserve;

    ReadPriority(double reserve) {
        this.reserve = reserve;
    }

    /** The share of the budget's burst that must stay after this read, for the reads before it. */
    public double reserve() {
        return reserve;
    }
}
