package br.com.sopdesk.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own controls, outside Qualitor's protocol: list what it received, reset it, and
 * make it slow or faulty. Used by tests, demos and benchmarks:
 * {@code POST /qualitor-sandbox/control/faults?kind=SLOW_ANSWER&latencyMillis=7000&count=1&operation=addTicketByData}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Path("tickets")
    public List<Map<String, String>> tickets() {
        return sandbox.qualitor().allTickets();
    }

    /**
     * How many tickets were received since the last reset, and the SOP Desk submission keys they
     * carry (for duplicate checks), also of those no longer kept whole: from the {@code from}-th
     * ticket on (default 0, all), so a poller asks only for what arrived since it last looked.
     */
    @GET
    @Path("tickets/keys")
    public Map<String, Object> keys(@QueryParam("from") @DefaultValue("0") int from) {
        SandboxQualitor q = sandbox.qualitor();
        synchronized (q) {
            return Map.of("count", q.received(), "keys", q.keys(from));
        }
    }

    /** The files attached to one ticket (name, size, code, and the text when it is UTF-8 text). */
    @GET
    @Path("tickets/{number}/attachments")
    public List<Map<String, String>> attachments(@PathParam("number") String number) {
        return sandbox.qualitor().attachmentsOf(number);
    }

    /** The SOAP endpoint's logins so far, tokens in force, and how a bad token is refused. */
    @GET
    @Path("soap")
    public Map<String, Object> soap() {
        SoapSessions s = sandbox.sessions();
        return Map.of("logins", s.logins(), "activeTokens", s.active(), "tokenError", s.tokenError().name());
    }

    /** Every SOAP token stops working now: the next call of each client must log in again. */
    @POST
    @Path("soap/expire-tokens")
    public Map<String, Object> expireTokens() {
        return Map.of("expired", sandbox.sessions().expireAll());
    }

    /** How a call with a bad token is refused: {@code FAULT} (SOAP Fault, default) or {@code STATUS_0}. */
    @POST
    @Path("soap/token-error")
    public Map<String, String> tokenError(@QueryParam("as") @DefaultValue("FAULT") SoapSessions.TokenError how) {
        sandbox.sessions().tokenError(how);
        return Map.of("tokenError", how.name());
    }

    @POST
    @Path("reset")
    public Map<String, String> reset() {
        sandbox.qualitor().reset();
        sandbox.faults().clear();
        sandbox.sessions().reset();
        sandbox.expectPassword(null);
        return Map.of("reset", "ok");
    }

    @POST
    @Path("faults")
    public Map<String, String> faults(@QueryParam("latencyMillis") @DefaultValue("0") long latencyMillis,
                                      @QueryParam("kind") @DefaultValue("NONE") Faults.Kind kind,
                                      @QueryParam("count") @DefaultValue("1") int count,
                                      @QueryParam("operation") String operation) {
        sandbox.faults().set(latencyMillis, kind, count, operation);
        return Map.of("faults", sandbox.faults().describe());
    }

    /** A person at Qualitor writes to a demand (for the SLA monitor: the return to the customer). */
    @POST
    @Path("tickets/{number}/history")
    public Map<String, String> history(@PathParam("number") String number, @QueryParam("text") @DefaultValue("Retorno ao cliente realizado.") String text,
                                       @QueryParam("author") @DefaultValue("relacionamento") String author) {
        try {
            sandbox.qualitor().addHistory(number, text, "1", author);
            return Map.of("history", "ok");
        } catch (SandboxQualitor.SandboxFault e) {
            throw new jakarta.ws.rs.NotFoundException(e.getMessage());
        }
    }

    /** A person at Qualitor moves a demand to another situation (e.g. 3 "Aguardando cliente", 5 "Encerrado"). */
    @POST
    @Path("tickets/{number}/situation")
    public Map<String, String> situation(@PathParam("number") String number, @QueryParam("code") String code,
                                         @QueryParam("name") String name) {
        try {
            sandbox.qualitor().situation(number, code, name);
            return Map.of("situation", code + " " + name);
        } catch (SandboxQualitor.SandboxFault e) {
            throw new jakarta.ws.rs.NotFoundException(e.getMessage());
        }
    }

    @POST
    @Path("auto-register")
    public Map<String, String> autoRegister(@QueryParam("on") @DefaultValue("true") boolean on) {
        sandbox.qualitor().autoRegister(on);
        return Map.of("autoRegister", String.valueOf(on));
    }

    /** Unknown e-mails become contacts on look-up ({@code on=true}, the default) or are refused as Qualitor does. */
    @POST
    @Path("auto-contacts")
    public Map<String, String> autoContacts(@QueryParam("on") @DefaultValue("true") boolean on) {
        sandbox.qualitor().autoContacts(on);
        return Map.of("autoContacts", String.valueOf(on));
    }

    /** How much of the submission key comes back ({@code LISTED}, {@code NOT_LISTED}, {@code NOT_KEPT}, {@code UNREADABLE}). */
    @POST
    @Path("keyword-field")
    public Map<String, String> keywordField(@QueryParam("mode") @DefaultValue("LISTED") SandboxQualitor.KeywordField mode) {
        sandbox.qualitor().keywordField(mode);
        return Map.of("keywordField", mode.name());
    }

    /** Someone at Qualitor registers a customer: {@code ?document=&name=}. */
    @POST
    @Path("customers")
    public Map<String, String> registerCustomer(@QueryParam("document") String document, @QueryParam("name") String name) {
        return sandbox.qualitor().registerCustomer(document, name);
    }

    /** Someone at Qualitor registers a contact of a customer: {@code ?document=&email=}. */
    @POST
    @Path("contacts")
    public Map<String, String> registerContact(@QueryParam("document") String document, @QueryParam("email") String email) {
        try {
            return sandbox.qualitor().registerContact(document, email);
        } catch (SandboxQualitor.SandboxFault e) {
            throw new jakarta.ws.rs.NotFoundException(e.getMessage());
        }
    }

    /** The integration password changes at Qualitor ({@code ?password=}; none: back to {@code sandbox.password}). */
    @POST
    @Path("credentials")
    public Map<String, String> credentials(@QueryParam("password") String password) {
        sandbox.expectPassword(password);
        // like a real installation after a password change: sessions opened with the old one end
        sandbox.sessions().expireAll();
        return Map.of("password", password == null || password.isEmpty() ? "configured" : "changed");
    }

    /** Mounts the controls at {@code /qualitor-sandbox/control}. */
    @ApplicationPath("control")
    public static class ControlApplication extends Application {
    }
}
