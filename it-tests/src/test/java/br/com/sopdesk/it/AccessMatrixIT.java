package br.com.sopdesk.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reaches what: every page and every REST endpoint against anonymous, agent, supervisor and
 * admin. Anonymous page visitors are sent to the login form (302), anonymous API callers get 401,
 * a role that may not gets 403, and a role that may gets the page or the endpoint's own answer.
 * All mismatches are reported together.
 */
@BlackBox
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

    /**
     * Which callers may: any signed-in role, supervisors only (the SLA monitor), administrators
     * only, or both (what the SOPs achieve). Deliberately, an administrator is not a supervisor: the SLA dashboard and its API are
     * for those who hold the supervisor role (an account may hold both). {@code INTEGRATION}: none of
     * the people, only Qualitor's own secret ({@link QualitorInboundIT}).
     */
    enum Allowed { SIGNED_IN, SUPERVISOR, ADMIN, SUPERVISOR_OR_ADMIN, INTEGRATION }

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
            new Endpoint("GET", "admin/sops/perda-de-senha/diff?from=1&to=1", null, Allowed.ADMIN),
            // an unknown SOP: refused (404) without retiring or restoring anything
            new Endpoint("POST", "admin/sops/matriz-inexistente/retire", "{\"reason\":\"matriz de acesso\"}", Allowed.ADMIN),
            new Endpoint("POST", "admin/sops/matriz-inexistente/restore", "{\"reason\":\"matriz de acesso\"}", Allowed.ADMIN),
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
            new Endpoint("POST", "admin/sla/scan", null, Allowed.ADMIN),
            new Endpoint("POST", "admin/retention/run", null, Allowed.ADMIN),
            new Endpoint("GET", "admin/test/clock", null, Allowed.ADMIN),
            new Endpoint("GET", "sla/clocks/999999999", null, Allowed.SUPERVISOR),
            new Endpoint("POST", "sla/clocks/999999999/reiterate", "{\"comment\":\"matriz de acesso\"}", Allowed.SUPERVISOR),
            // an empty body: refused (422) without touching the demo supervisor's subscription
            new Endpoint("PUT", "sla/subscription", "", Allowed.SUPERVISOR),
            new Endpoint("POST", "tickets/999999999/close", "{\"reason\":\"matriz de acesso\"}", Allowed.SIGNED_IN),
            new Endpoint("POST", "tickets/999999999/resend", "{}", Allowed.SIGNED_IN),
            new Endpoint("POST", "tickets/999999999/found", "{\"demandNumber\":\"1\"}", Allowed.SIGNED_IN),
            new Endpoint("POST", "certificates/inspect", "{}", Allowed.SIGNED_IN),
            new Endpoint("GET", "admin/sla/sops", null, Allowed.ADMIN),
            new Endpoint("PUT", "admin/sla/sops/matriz-inexistente", "{\"policy\":\"NAO-EXISTE\"}", Allowed.ADMIN),
            new Endpoint("PUT", "admin/sla/teams/ninguem-matriz", "{\"team\":\"\"}", Allowed.ADMIN),
            new Endpoint("GET", "admin/sla/policies/RETORNO-24H", null, Allowed.ADMIN),
            new Endpoint("GET", "admin/revocation-letter", null, Allowed.ADMIN),
            new Endpoint("PUT", "admin/revocation-letter", "{\"template\":\"\"}", Allowed.ADMIN),
            new Endpoint("POST", "qualitor/demand-changed", "{\"cdchamado\":\"999999999\"}", Allowed.INTEGRATION));

    /** A page, and how it answers one who may: the page itself, or a redirect to {@code to}. */
    record Page(String path, Allowed allowed, String to) {
        Page(String path, Allowed allowed) {
            this(path, allowed, null);
        }
    }

    static final List<Page> PAGES = List.of(
            new Page("app/", Allowed.SIGNED_IN),
            new Page("app/index.xhtml", Allowed.SIGNED_IN),
            new Page("app/sop.xhtml?id=perda-de-senha", Allowed.SIGNED_IN),
            // every page opens by its typed address, the administration's included (no protected views)
            new Page("admin/", Allowed.ADMIN),
            new Page("admin/index.xhtml", Allowed.ADMIN),
            new Page("admin/users.xhtml", Allowed.ADMIN),
            new Page("admin/audit.xhtml", Allowed.ADMIN),
            new Page("admin/sla.xhtml", Allowed.ADMIN),
            new Page("admin/revocation-letter.xhtml", Allowed.ADMIN),
            new Page("admin/sop-editor.xhtml", Allowed.ADMIN),
            new Page("supervisor/", Allowed.SUPERVISOR),
            new Page("supervisor/index.xhtml", Allowed.SUPERVISOR),
            new Page("supervisor/insights.xhtml", Allowed.SUPERVISOR_OR_ADMIN));

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
                || who == Who.SUPERVISOR && allowed == Allowed.SUPERVISOR
                || allowed == Allowed.SUPERVISOR_OR_ADMIN && (who == Who.SUPERVISOR || who == Who.ADMIN));
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
                } else if (p.to() != null) {
                    expected = "302 to " + p.to();
                    ok = s == 302 && r.headers().firstValue("Location").orElse("").contains("/sopdesk/" + p.to());
                } else {
                    expected = "200";
                    ok = s == 200;
                }
                if (!ok) {
                    wrong.add(who + " GET " + p.path() + " -> " + s + ", expected " + expected);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anAgentReachesOnlyTheirOwnTicketsAndOnlySupervisorsSeeWhoAlertsWentTo() throws Exception {
        String other = "agente-matriz-" + UUID.randomUUID().toString().substring(0, 6);
        String otherPassword = "senha-da-matriz-1";
        HttpResponse<String> created = Env.adminApi("POST", "admin/users", "{\"username\":\"" + other + "\",\"displayName\":\"Outro agente\","
                + "\"password\":\"" + otherPassword + "\",\"roles\":[\"agent\"]}");
        assertEquals(201, created.statusCode(), created.body());
        ShortClocks.Alerted t = ShortClocks.ticketWithAlert("Matriz de acesso");
        String ticket = "tickets/" + t.ticketId();

        List<String> wrong = new ArrayList<>();
        for (String path : List.of(ticket, ticket + "/clock")) {
            expect(wrong, "owner GET " + path, 200, Env.agentApi("GET", path, null));
            expect(wrong, "supervisor GET " + path, 200, Env.api("GET", path, Who.SUPERVISOR.user, Who.SUPERVISOR.password, null, null));
            expect(wrong, "admin GET " + path, 200, Env.adminApi("GET", path, null));
            HttpResponse<String> foreign = Env.api("GET", path, other, otherPassword, null, null);
            expect(wrong, "another agent GET " + path, 404, foreign);
            if (foreign.body().contains(t.demand())) {
                wrong.add("another agent's 404 names the demand: " + foreign.body());
            }
        }
        expect(wrong, "another agent POST close", 404, Env.api("POST", ticket + "/close", other, otherPassword,
                "{\"reason\":\"Encerrado por quem não é o dono.\"}", null));
        expect(wrong, "another agent POST resend", 404, Env.api("POST", ticket + "/resend", other, otherPassword, "{}", null));
        expect(wrong, "another agent POST found", 404, Env.api("POST", ticket + "/found", other, otherPassword,
                "{\"demandNumber\":\"123\"}", null));
        expect(wrong, "owner POST resend of a ticket Qualitor numbered", 409, Env.agentApi("POST", ticket + "/resend", "{}"));
        String situation = Env.field(Env.agentApi("GET", ticket, null).body(), "situation");
        if ("Encerrado".equals(situation)) {
            wrong.add("another agent closed the demand");
        }

        String recipient = "supervisor@sopdesk.local";
        String bySupervisor = Env.api("GET", ticket + "/clock", Who.SUPERVISOR.user, Who.SUPERVISOR.password, null, null).body();
        if (!bySupervisor.contains("\"recipient\":\"" + recipient + "\"")) {
            wrong.add("the supervisor does not see the alert's recipient: " + bySupervisor);
        }
        for (Who who : List.of(Who.AGENT, Who.ADMIN)) {
            String body = Env.api("GET", ticket + "/clock", who.user, who.password, null, null).body();
            if (body.contains(recipient) || !body.contains("\"channel\":\"EMAIL\"")) {
                wrong.add(who + " sees the recipients, or no deliveries at all: " + body);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void expect(List<String> wrong, String what, int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            wrong.add(what + " -> " + r.statusCode() + ", expected " + status + ": " + r.body());
        }
    }

    @Test
    void aSessionIsSignedOutOnItsNextRequestOnceItsAccountChanges() throws Exception {
        String user = "sessao-matriz-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "senha-da-sessao-1";
        assertEquals(201, Env.adminApi("POST", "admin/users", "{\"username\":\"" + user + "\",\"displayName\":\"Sessão\","
                + "\"password\":\"" + password + "\",\"roles\":[\"agent\",\"supervisor\"]}").statusCode());
        PageSession page = PageSession.signedIn(user, password);
        PageSession api = new PageSession();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, api.send("GET", "api/sla/subscription", null, null, "Authorization", basic).statusCode(), "signed in with Basic");
        assertEquals(200, api.send("GET", "api/sla/subscription", null, null).statusCode(), "then by the session cookie alone");
        assertEquals(200, page.get("supervisor/index.xhtml").statusCode());

        // the supervisor role is removed: both sessions are signed out on their next request
        assertEquals(200, Env.adminApi("PUT", "admin/users/" + user, "{\"roles\":[\"agent\"]}").statusCode());
        HttpResponse<String> dashboard = page.get("supervisor/index.xhtml");
        assertEquals(302, dashboard.statusCode());
        assertTrue(dashboard.headers().firstValue("Location").orElse("").contains("login.xhtml?sessao=encerrada"), dashboard.headers().toString());
        HttpResponse<String> cookieOnly = api.send("GET", "api/sla/subscription", null, null);
        assertEquals(401, cookieOnly.statusCode(), cookieOnly.body());
        assertTrue(cookieOnly.body().contains("sessão foi encerrada"), cookieOnly.body());

        // signed in again, the new roles apply; a deactivation signs that session out too
        PageSession again = PageSession.signedIn(user, password);
        assertEquals(403, again.get("supervisor/index.xhtml").statusCode(), "no longer a supervisor");
        assertEquals(200, again.get("app/index.xhtml").statusCode());
        assertEquals(200, Env.adminApi("PUT", "admin/users/" + user, "{\"active\":false}").statusCode());
        HttpResponse<String> after = again.get("app/index.xhtml");
        assertEquals(302, after.statusCode());
        assertTrue(after.headers().firstValue("Location").orElse("").contains("login.xhtml"));
        assertEquals(302, again.get("app/index.xhtml").statusCode(), "and stays signed out");
    }

    @Test
    void aSessionCreatedByAnApiSignInIdlesOutSoonAPageSessionDoesNot() throws Exception {
        PageSession api = new PageSession();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((Env.AGENT + ":" + Env.AGENT_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> first = api.send("GET", "api/sops?q=senha", null, null, "Authorization", basic);
        assertEquals(200, first.statusCode());
        assertTrue(first.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")), "the sign-in's session");
        assertEquals(200, api.send("GET", "api/sops?q=senha", null, null).statusCode(), "reused by its cookie: no password hash per call");
        PageSession page = PageSession.signedIn(Env.AGENT, Env.AGENT_PASSWORD);
        // the test server sets sopdesk.api.session-idle-seconds=5 (300 by default), a container time: each probe comes a
        // whole idle period after the last use of the session (a probe of a live session would keep it alive)
        Duration idle = Duration.ofSeconds(5 + 1);
        await("the API's session idling out").pollDelay(idle).pollInterval(idle).atMost(Duration.ofSeconds(20))
                .until(() -> api.send("GET", "api/sops?q=senha", null, null).statusCode() == 401);
        assertEquals(200, page.get("app/index.xhtml").statusCode(), "a page session keeps its 8 hours");
    }

    @Test
    void adminReachesTheAdministrationPagesThroughTheirLinksAndByAddress() throws Exception {
        PageSession admin = sessions.get(Who.ADMIN);
        String sops = admin.get("app/index.xhtml").body();
        HttpResponse<String> index = admin.get(PageSession.link(sops, "admin/index.xhtml"));
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("admin:categories"), "the administration page itself");
        HttpResponse<String> users = admin.get(PageSession.link(index.body(), "admin/users.xhtml"));
        assertEquals(200, users.statusCode());
        assertTrue(users.body().contains("users:accounts"));
        // a bookmark or a link from elsewhere opens them too
        assertTrue(admin.get("admin/").body().contains("admin:categories"), "the folder opens the catalog");
        assertTrue(admin.get("admin/users.xhtml").body().contains("users:accounts"), "a typed address");
        assertTrue(admin.get("admin/sla.xhtml").body().contains("sla:code"), "a typed address");
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
