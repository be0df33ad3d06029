package br.com.sopdesk.security.control;

import jakarta.ejb.ApplicationException;

/** A user creation or change refused with a message the administrator can act on; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidUserChangeException extends RuntimeException {

    public InvalidUserChangeException(String message) {
        super(message);
    }
}
