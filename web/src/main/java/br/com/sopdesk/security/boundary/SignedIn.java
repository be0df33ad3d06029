package br.com.sopdesk.security.boundary;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in through a session, kept in the session by {@link SopDeskAuthentication} and handed
 * back to the container, name and roles together, on each later request of that session. We keep
 * it ourselves rather than through {@code @AutoApplySession}: that hands Payara the principal alone
 * and lets it find the roles through a thread-bound security context, which under concurrent
 * requests is sometimes another request's, so a signed-in caller intermittently had no roles (403).
 */
record SignedIn(String name, Set<String> groups) implements Serializable {

    /** Session attribute holding the {@link SignedIn} of the session's caller. */
    static final String ATTRIBUTE = "sopdesk.signedIn";

    SignedIn {
        groups = Set.copyOf(groups);
    }
}
