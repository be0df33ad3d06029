package br.com.sopdesk.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The security stamp moves with what the account may do, and only then. */
class UserAccountTest {

    private final UserAccount account = new UserAccount("maria", "Maria", "hash", Set.of("agent"));

    @Test
    void rolesDeactivationAndPasswordResetChangeTheStamp() {
        String first = account.getSecurityStamp();
        account.changeRoles(Set.of("agent", "supervisor"));
        String afterRoles = account.getSecurityStamp();
        assertNotEquals(first, afterRoles);
        account.activate(false);
        String afterDeactivation = account.getSecurityStamp();
        assertNotEquals(afterRoles, afterDeactivation);
        account.activate(true);
        assertNotEquals(afterDeactivation, account.getSecurityStamp());
        String beforeReset = account.getSecurityStamp();
        account.resetPassword("other-hash");
        assertNotEquals(beforeReset, account.getSecurityStamp());
    }

    @Test
    void aRenameOrAChangeToTheSameValuesKeepsIt() {
        String stamp = account.getSecurityStamp();
        account.rename("Maria da Silva");
        account.changeRoles(Set.of("agent"));
        account.activate(true);
        assertEquals(stamp, account.getSecurityStamp());
    }

    @Test
    void everyAccountStartsWithItsOwnStamp() {
        assertNotEquals(account.getSecurityStamp(), new UserAccount("joao", "João", "hash", Set.of("agent")).getSecurityStamp());
    }
}
