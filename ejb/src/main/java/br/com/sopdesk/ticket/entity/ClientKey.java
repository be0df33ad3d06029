package br.com.sopdesk.ticket.entity;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A sender's own key for one submission (the API's {@code Idempotency-Key}), which belongs to the
 * agent sending it: the same agent sending the same key again finds the ticket stored under it, and
 * the ticket's unique submission key, derived from both, refuses a second one however two requests cross.
 */
public record ClientKey(String agent, String key) {

    /** Visible ASCII, as HTTP header values are safest; at most 200 characters. */
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    public ClientKey {
        Objects.requireNonNull(agent);
        if (key == null || !valid(key)) {
            throw new IllegalArgumentException("not a submission key: " + key);
        }
    }

    public static boolean valid(String key) {
        return VALID.matcher(key).matches();
    }

    /** The ticket's submission key under this key: one per agent and key, of the submission key's length. */
    public String submissionKey() {
        return UUID.nameUUIDFromBytes(("sopdesk-submission\n" + agent + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
