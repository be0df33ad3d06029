package br.com.sopdesk.outbox.control;

import br.com.sopdesk.outbox.entity.Delivery;
import java.util.Map;
import java.util.function.Function;

/**
 * Where one kind of delivery lives: the entity and the path of its {@link Delivery}, a JPQL condition
 * on {@code e} that narrows which rows are deliveries ({@code ""} for all) with its parameters, whether the row carries a JPA version
 * to bump, and whether an attempt after a lost answer can look at the receiver first
 * ({@code canLook}: Qualitor, by the key it carries) or cannot (e-mail: the delivery is held).
 */
public record Queue<T>(Class<T> entity, String path, String restriction, Map<String, Object> parameters, boolean versioned,
        boolean canLook, Function<T, Delivery> delivery) {

    /** Sets the restriction's parameters on a query that carries it. */
    <Q extends jakarta.persistence.Query> Q restricted(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    private String from() {
        return " from " + entity.getSimpleName() + " e where ";
    }

    private String set() {
        return versioned ? ", e.version = e.version + 1" : "";
    }

    private String d() {
        return "e." + path + ".";
    }

    String due() {
        return "select e.id" + from() + d() + "state = :queued and " + d() + "nextAttemptAt <= :now" + restriction
                + " order by " + d() + "nextAttemptAt";
    }

    String lapsed() {
        return "select e.id" + from() + d() + "state = :sending and " + d() + "claimedUntil < :now";
    }

    String holdLapsed() {
        return "update " + entity.getSimpleName() + " e set " + d() + "state = :held, " + d() + "claimedBy = null, "
                + d() + "claimedUntil = null, " + d() + "outcomeUnknown = true, " + d() + "lastError = :why" + set()
                + " where " + d() + "state = :sending and " + d() + "claimedUntil < :now";
    }

    String claim() {
        return "update " + entity.getSimpleName() + " e set " + d() + "state = :sending, " + d() + "claimedBy = :instance, "
                + d() + "claimedUntil = :lease, " + d() + "attempts = " + d() + "attempts + 1" + set()
                + " where e.id = :id and " + d() + "state = :queued and " + d() + "nextAttemptAt <= :now" + restriction;
    }

    String reclaim() {
        return "update " + entity.getSimpleName() + " e set " + d() + "claimedBy = :instance, " + d() + "claimedUntil = :lease, "
                + d() + "attempts = " + d() + "attempts + 1, " + d() + "outcomeUnknown = true" + set()
                + " where e.id = :id and " + d() + "state = :sending and " + d() + "claimedUntil < :now";
    }

    String waiting() {
        return "select count(e)" + from() + d() + "state = :queued and " + d() + "nextAttemptAt > :now";
    }

    String retryNow() {
        return "update " + entity.getSimpleName() + " e set " + d() + "nextAttemptAt = :now" + set()
                + " where " + d() + "state = :queued and " + d() + "nextAttemptAt > :now";
    }
}
