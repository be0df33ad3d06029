package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reaches what: every page and every REST endpoint against anonymous, agent, supervisor and
 * admin. Anonymous page visitors are sent to the login form (302), anonymous API callers get 401,
 * a role that may not gets 403, and a role that may gets the page or the endpoint's own answer.
 * All mismatches are reported together.
 */
class AccessMatrixIT {

    enum Who {
        ANONYMOUS(null, null), AGENT(Env.AGENT, Env.AGENT_PASSWORD), SUPERVISOR("supervisor", "supervisor-demo"), ADMIN(Env.ADMIN, Env.ADMIN_PASSWORD);

        final String user;
        final String password;

        Who(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    /** Which callers may: any signed-in role, supervisors only (the SLA monitor), or administrators only. */
    enum Allowed { SIGNED_IN, SUPERVISOR, ADMIN }

    record Endpoint(String method, String path, String body, Allowed allowed) {
    }

    static final List<Endpoint> API = List.of(
            new Endpoint("GET", "sops?q=senha", null, Allowed.SIGNED_IN),
            new Endpoint("GET", "sops/perda-de-senha", null, Allowed.SIGNED_IN),
            new Endpoint("GET", "sops/perda-de-senha/versions/1", null, Allowed.SIGNED_IN),
            new Endpoint("POST", "tickets", "{\"sopId\":\"perda-de-senha\",\"answers\":{}}", Allowed.SIGNED_IN),
            new Endpoint("GET", "tickets/999999999", null, Allowed.SIGNED_IN),
            new Endpoint("GET", "customers/11222333000181/tickets", null, Allowed.SIGNED_IN),
            new Endpoint("GET", "admin/categories", null, Allowed.ADMIN),
            new Endpoint("PUT", "admin/categories/MX1", "{\"name\":\"Matriz de acesso\",\"active\":false}", Allowed.ADMIN),
            new Endpoint("POST", "admin/sops", "{\"id\":\"x\"}", Allowed.ADMIN),
            new Endpoint("GET", "admin/sops/perda-de-senha/export", null, Allowed.ADMIN),
            new Endpoint("GET", "admin/audit?limit=5", null, Allowed.ADMIN),
            new Endpoint("GET", "admin/audit.csv?actor=admin", null, Allowed.ADMIN),
            new Endpoint("GET", "admin/users", null, Allowed.ADMIN),
            new Endpoint("POST", "admin/users", "{\"username\":\"\"}", Allowed.ADMIN),
            new Endpoint("PUT", "admin/users/ninguem-matriz", "{\"active\":false}", Allowed.ADMIN),
            new Endpoint("GET", "tickets/999999999/clock", null, Allowed.SIGNED_IN),
            new Endpoint("GET", "sla/clocks?standing=AT_RISK", null, Allowed.SUPERVISOR),
            new Endpoint("GET", "sla/alerts?open=true", null, Allowed.SUPERVISOR),
            new Endpoint("POST", "sla/alerts/999999999/ack", "{\"comment\":\"matriz\"}", Allowed.SUPERVISOR),
            new Endpoint("GET", "sla/subscription", null, Allowed.SUPERVISOR),
            new Endpoint("GET", "admin/sla/policies", null, Allowed.ADMIN),
            new Endpoint("PUT", "admin/sla/policies/MATRIZ", "{\"name\":\"\"}", Allowed.ADMIN),
            new Endpoint("POST", "admin/sla/scan", null, Allowed.ADMIN));

    record Page(String path, Allowed allowed, boolean protectedView) {
    }

    static final List<Page> PAGES = List.of(
            new Page("app/index.xhtml", Allowed.SIGNED_IN, false),
            new Page("app/sop.xhtml?id=perda-de-senha", Allowed.SIGNED_IN, false),
            new Page("admin/index.xhtml", Allowed.ADMIN, true),
            new Page("admin/users.xhtml", Allowed.ADMIN, true),
            new Page("admin/audit.xhtml", Allowed.ADMIN, false),
            new Page("admin/sla.xhtml", Allowed.ADMIN, false),
            new Page("supervisor/index.xhtml", Allowed.SUPERVISOR, false));

    static final Map<Who, PageSession> sessions = new java.util.EnumMap<>(Who.class);

    @BeforeAll
    static void signIn() throws Exception {
        sessions.put(Who.ANONYMOUS, new PageSession());
        for (Who who : List.of(Who.AGENT, Who.SUPERVISOR, Who.ADMIN)) {
            sessions.put(who, PageSession.signedIn(who.user, who.password));
        }
    }

    static boolean may(Who who, Allowed allowed) {
        return who != Who.ANONYMOUS && (allowed == Allowed.SIGNED_IN || who == Who.ADMIN && allowed == Allowed.ADMIN
                || who == Who.SUPERVISOR && allowed == Allowed.SUPERVISOR);
    }

    @Test
    void everyRestEndpointAgainstEveryRole() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : API) {
            for (Who who : Who.values()) {
                HttpResponse<String> r = Env.api(e.method(), e.path(), who.user, who.password, e.body(), null);
                int s = r.statusCode();
                boolean ok;
                if (who == Who.ANONYMOUS) {
                    ok = s == 401 && r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic");
                } else if (may(who, e.allowed())) {
                    ok = s != 401 && s != 403 && s < 500;
                } else {
                    ok = s == 403;
                }
                if (!ok) {
                    wrong.add(who + " " + e.method() + " " + e.path() + " -> " + s);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyPageAgainstEveryRole() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Page p : PAGES) {
            for (Who who : Who.values()) {
                HttpResponse<String> r = sessions.get(who).get(p.path());
                int s = r.statusCode();
                String expected;
                boolean ok;
                if (who == Who.ANONYMOUS) {
                    expected = "302 to the login form";
                    ok = s == 302 && r.headers().firstValue("Location").orElse("").contains("login.xhtml");
                } else if (!may(who, p.allowed())) {
                    expected = "403";
                    ok = s == 403;
                } else if (p.protectedView()) {
                    expected = "the protected-view refusal (no token in a typed address)";
                    ok = r.body().contains("id=\"protected-view\"");
                } else {
                    expected = "200";
                    ok = s == 200 && !r.body().contains("id=\"protected-view\"");
                }
                if (!ok) {
                    wrong.add(who + " GET " + p.path() + " -> " + s + ", expected " + expected);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void adminReachesTheProtectedPagesThroughTheirLinks() throws Exception {
        PageSession admin = sessions.get(Who.ADMIN);
        String sops = admin.get("app/index.xhtml").body();
        String adminLink = PageSession.link(sops, "admin/index.xhtml");
        assertTrue(adminLink.contains("jakarta.faces.Token="), adminLink);
        HttpResponse<String> index = admin.get(adminLink);
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("admin:categories"), "the administration page itself");
        HttpResponse<String> users = admin.get(PageSession.link(index.body(), "admin/users.xhtml"));
        assertEquals(200, users.statusCode());
        assertTrue(users.body().contains("users:accounts"));
    }

    @Test
    void publicAddressesStayOpen() throws Exception {
        PageSession anonymous = sessions.get(Who.ANONYMOUS);
        assertEquals(200, anonymous.get("login.xhtml").statusCode());
        int health = Env.get(Env.HEALTH + "ready").statusCode();
        assertTrue(health != 401 && health != 403 && health != 302, "health is public: " + health);
        HttpResponse<String> sso = anonymous.get("sso");
        // single sign-on is off by default: the entry is just another protected address
        assertEquals(302, sso.statusCode());
        assertTrue(sso.headers().firstValue("Location").orElse("").contains("login.xhtml"));
        if (sessions.get(Who.AGENT).get("sso").statusCode() != 302) {
            fail("signed-in visitor is sent on from /sso");
        }
    }
}
