package br.com.sopdesk.security.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.UserFacing;
import jakarta.ejb.ApplicationException;

/** A user creation or change refused with a text the administrator can act on; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidUserChangeException extends RuntimeException implements UserFacing {

    private static final long serialVersionUID = 1L;
    static final String UNKNOWN_USER = "security.user.unknown";

    private final Text text;

    public InvalidUserChangeException(String key, Object... args) {
        super(Text.of(key, args).toString());
        this.text = Text.of(key, args);
    }

    @Override
    public Text text() {
        return text;
    }

    /** The account to change does not exist (the API answers 404). */
    public boolean unknownUser() {
        return UNKNOWN_USER.equals(text.key());
    }
}
