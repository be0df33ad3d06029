package br.com.sopdesk.platform;

/**
 * An exception whose message is meant for a person: the page or the API shows its {@link Text} in
 * the reader's language instead of {@link Throwable#getMessage()} (which is the pt-BR sentence, for
 * the log).
 */
public interface UserFacing {

    Text text();

    /** What to tell a person about {@code e}: its text when it is ours, otherwise its message as it is. */
    static Text textOf(Throwable e) {
        return e instanceof UserFacing u ? u.text() : Text.verbatim(String.valueOf(e.getMessage()));
    }
}
