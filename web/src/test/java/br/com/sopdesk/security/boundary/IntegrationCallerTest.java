package br.com.sopdesk.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrationCallerTest {

    static final String SECRET = "s3gredo-do-qualitor-2026";

    @Test
    void withoutASecretOfSixteenCharactersTheEndpointsAreOffAndNothingMatches() {
        assertFalse(new IntegrationCaller.Credential("", "qualitor").on());
        assertFalse(new IntegrationCaller.Credential(null, "qualitor").on());
        assertFalse(new IntegrationCaller.Credential("curto-demais-15", "qualitor").on());
        assertFalse(new IntegrationCaller.Credential("", "qualitor").matches(""), "an empty secret never opens the door");
        assertTrue(new IntegrationCaller.Credential("dezesseis-chars!", "qualitor").on());
    }

    @Test
    void onlyTheSecretItselfMatches() {
        IntegrationCaller.Credential c = new IntegrationCaller.Credential(" " + SECRET + " ", "qualitor");
        assertTrue(c.matches(SECRET));
        assertFalse(c.matches(SECRET + "x"));
        assertFalse(c.matches(SECRET.substring(1)));
        assertFalse(c.matches(SECRET.toUpperCase()));
        assertFalse(c.matches(null));
    }

    @Test
    void theSecretTravelsAsBearerOrAsTheBasicPasswordOfTheIntegrationsUser() {
        assertEquals(Optional.of(SECRET), IntegrationCaller.Credential.bearer("Bearer " + SECRET));
        assertEquals(Optional.of(SECRET), IntegrationCaller.Credential.bearer("bearer  " + SECRET + " "));
        assertEquals(Optional.empty(), IntegrationCaller.Credential.bearer("Basic YWdlbnQ6YWdlbnQtZGVtbw=="));
        assertEquals(Optional.empty(), IntegrationCaller.Credential.bearer(null));
        IntegrationCaller.Credential c = new IntegrationCaller.Credential(SECRET, " Qualitor ");
        assertTrue(c.isUser("qualitor"));
        assertTrue(c.isUser("QUALITOR "));
        assertFalse(c.isUser("agent"), "a person's Basic sign-in is not the integration's");
        assertFalse(new IntegrationCaller.Credential(SECRET, "").isUser(""));
    }
}
