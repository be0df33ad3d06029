package br.com.sopdesk.outbox.control;

/**
 * What a feature supplies to the outbox for one kind of delivery: where it lives, its pace, and how
 * to send one claimed delivery and record that it arrived. Everything else — claims, fan-out,
 * back-off, reading failures — is the {@link Deliverer}'s. A courier that is a session bean hands
 * the deliverer itself ({@code this}), not its container proxy: what it throws must reach the
 * deliverer as thrown, not wrapped as a system exception (nor logged as one); and it is a
 * {@code @LocalBean}, so this interface does not become its only view.
 *
 * @param <T> the entity that holds the delivery
 * @param <R> what a successful send answers, handed to {@link #delivered}
 */
public interface Courier<T, R> {

    Queue<T> queue();

    Pace pace();

    /**
     * Sends the claimed delivery {@code id}, outside any transaction. Throws {@link Undelivered} for a
     * decision of its own, or whatever the receiver threw: {@link #read} reads it.
     */
    R send(long id) throws Exception;

    /** Records, in a transaction of its own, that the delivery arrived; returns the entity as it stands. */
    T delivered(long id, R result);

    /**
     * Called inside the transaction that ended the delivery without success (refused, held,
     * withdrawn): for the audit, or the owner's own fields.
     */
    default void ended(T entity, Undelivered why) {
    }

    /** Reads a failed send into what follows; the receiver's own reading, or {@link Undelivered#of}. */
    default Undelivered read(Throwable failure) {
        return Undelivered.of(failure);
    }

    /** Runs before each drain; false skips the drain (e.g. while sending is paused). */
    default boolean beforeDrain() {
        return true;
    }
}
