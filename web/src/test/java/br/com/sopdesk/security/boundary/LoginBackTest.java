package br.com.sopdesk.security.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the login page may send the agent back to: a page of SOP Desk's desk, never anywhere else. */
class LoginBackTest {

    @Test
    void deskPagesWithPlainParametersAreAccepted() {
        assertTrue(LoginView.safe("/app/index.xhtml"));
        assertTrue(LoginView.safe("/app/index.xhtml?cnpj=04.252.011/0001-10&chamado=1000"));
        assertTrue(LoginView.safe("/app/sop.xhtml?id=perda-de-senha&cnpj=04.252.011%2F0001-10"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String back : new String[] {null, "", "https://evil.example/app/index.xhtml", "//evil.example/app/index.xhtml",
                "/admin/users.xhtml", "/app/../admin/users.xhtml", "/app/index.xhtml?x=<script>", "/app/index.xhtml?next=\"x\"",
                "/app/index.xhtml#frag", "/app/", "app/index.xhtml", "/app/index.xhtml\r\nSet-Cookie: x=y"}) {
            assertFalse(LoginView.safe(back), String.valueOf(back));
        }
    }
}
