package br.com.sopdesk.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own controls, outside Qualitor's protocol: list what it received, reset it, make it
 * slow or faulty, and choose between the behaviours public evidence leaves open. Used by tests,
 * demos and benchmarks, e.g.
 * {@code POST /qualitor-sandbox/control/faults?kind=SLOW_ANSWER&latencyMillis=7000&count=1&operation=addTicketByData}.
 * {@link StandaloneSandbox} offers the same as Java methods. Switches (default first):
 * <ul>
 *   <li>{@code POST wsdl-file-spelling?mode=ANY|SUFFIXED_ONLY|BARE_ONLY}: the stateless
 *       {@code wsdl_file} spellings accepted;</li>
 *   <li>{@code POST soap/layout?preset=ADVERTISED|OLD_GUESSES} and/or
 *       {@code &endpoint=&namespace=&action=} (patterns with {base}, {group}, {service},
 *       {operation}): where the SOAP services listen and what they expect;</li>
 *   <li>{@code POST soap/token-scope?scope=SHARED|PER_SERVICE};
 *       {@code POST soap/session-cookie?mode=IGNORED|REQUIRED};
 *       {@code POST soap/token-error?as=FAULT|STATUS_0};</li>
 *   <li>{@code POST period-filter?mode=DTPERIODO_ALONE|NEEDS_PERIOD_TYPE}: how getTicket reads dates;</li>
 *   <li>{@code POST keyword-field?mode=LISTED|NOT_LISTED|NOT_KEPT|UNREADABLE},
 *       {@code auto-register?on=}, {@code auto-contacts?on=}.</li>
 * </ul>
 * Data: {@code GET tickets}, {@code tickets/keys}, {@code tickets/{n}/attachments},
 * {@code tickets/{n}/team}, {@code tickets/{n}/steps}, {@code teams} (and {@code POST teams?code=&name=}),
 * {@code additional-info-types} (and POST), {@code reference-demands}, {@code tickets/{n}/reads}.
 * {@code GET|POST callback}: Qualitor's call to SOP Desk when a demand changes ({@link DemandCallback}).
 * {@code POST reset} restores every default.
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

    /** The files attached to one ticket: cdanexo, nmanexo, idprivado (N/S), nrtamanho, dtanexo, nmusuario, dsconteudo (Base64), texto. */
    @GET
    @Path("tickets/{number}/attachments")
    public List<Map<String, String>> attachments(@PathParam("number") String number) {
        return sandbox.qualitor().attachmentsOf(number);
    }

    /** The SOAP services' logins so far (in all and per service), tokens in force, and the SOAP switches. */
    @GET
    @Path("soap")
    public Map<String, Object> soap() {
        SoapSessions s = sandbox.sessions();
        SoapLayout layout = sandbox.state().soapLayout();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logins", s.logins());
        out.put("loginsByService", s.loginsByService());
        out.put("activeTokens", s.active());
        out.put("tokenError", s.tokenError().name());
        out.put("tokenScope", s.tokenScope().name());
        out.put("sessionCookie", s.sessionCookie().name());
        out.put("layout", Map.of("endpoint", layout.endpoint(), "namespace", layout.namespace(), "action", layout.action()));
        return out;
    }

    /**
     * Where the SOAP services listen and what namespace and SOAPAction they expect: a preset
     * ({@code ADVERTISED}, the default, or {@code OLD_GUESSES}), each pattern overridable.
     */
    @POST
    @Path("soap/layout")
    public Map<String, String> soapLayout(@QueryParam("preset") @DefaultValue("ADVERTISED") String preset,
                                          @QueryParam("endpoint") String endpoint, @QueryParam("namespace") String namespace,
                                          @QueryParam("action") String action) {
        try {
            SoapLayout p = SoapLayout.preset(preset);
            SoapLayout layout = new SoapLayout(endpoint == null ? p.endpoint() : endpoint, namespace == null ? p.namespace() : namespace,
                    action == null ? p.action() : action);
            sandbox.state().soapLayout(layout);
            return Map.of("endpoint", layout.endpoint(), "namespace", layout.namespace(), "action", layout.action());
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage());
        }
    }

    /** Where a token works: {@code SHARED} (any service, default) or {@code PER_SERVICE}. */
    @POST
    @Path("soap/token-scope")
    public Map<String, String> tokenScope(@QueryParam("scope") @DefaultValue("SHARED") SoapSessions.TokenScope scope) {
        sandbox.sessions().tokenScope(scope);
        return Map.of("tokenScope", scope.name());
    }

    /** Whether a token needs the PHPSESSID cookie of its login: {@code IGNORED} (default) or {@code REQUIRED}. */
    @POST
    @Path("soap/session-cookie")
    public Map<String, String> sessionCookie(@QueryParam("mode") @DefaultValue("IGNORED") SoapSessions.SessionCookie mode) {
        sandbox.sessions().sessionCookie(mode);
        return Map.of("sessionCookie", mode.name());
    }

    /** The stateless {@code wsdl_file} spellings accepted: {@code ANY} (default), {@code SUFFIXED_ONLY}, {@code BARE_ONLY}. */
    @POST
    @Path("wsdl-file-spelling")
    public Map<String, String> wsdlFileSpelling(@QueryParam("mode") @DefaultValue("ANY") SandboxState.WsdlFileSpelling mode) {
        sandbox.state().wsdlFileSpelling(mode);
        return Map.of("wsdlFileSpelling", mode.name());
    }

    /** How getTicket reads dtperiodo/dtperiodo2: {@code DTPERIODO_ALONE} (default) or {@code NEEDS_PERIOD_TYPE}. */
    @POST
    @Path("period-filter")
    public Map<String, String> periodFilter(@QueryParam("mode") @DefaultValue("DTPERIODO_ALONE") SandboxQualitor.PeriodFilter mode) {
        sandbox.qualitor().periodFilter(mode);
        return Map.of("periodFilter", mode.name());
    }

    /** Qualitor's teams (code to name). */
    @GET
    @Path("teams")
    public Map<String, String> teams() {
        return sandbox.qualitor().teams();
    }

    /** Someone at Qualitor creates a team: {@code ?code=&name=}. */
    @POST
    @Path("teams")
    public Map<String, String> registerTeam(@QueryParam("code") String code, @QueryParam("name") String name) {
        sandbox.qualitor().registerTeam(required(code), name);
        return sandbox.qualitor().teams();
    }

    /** A ticket's team: {@code {cdequipe, nmequipe}}. */
    @GET
    @Path("tickets/{number}/team")
    public Map<String, String> team(@PathParam("number") String number) {
        return known(() -> sandbox.qualitor().teamOf(number));
    }

    /** A ticket's workflow step and every move to one: {@code {cdetapa, moves}} ({@code moves}: the steps, oldest first, comma-separated). */
    @GET
    @Path("tickets/{number}/steps")
    public Map<String, String> steps(@PathParam("number") String number) {
        return known(() -> sandbox.qualitor().stepsOf(number));
    }

    /** The extra-information types (code to name). */
    @GET
    @Path("additional-info-types")
    public Map<String, String> additionalInfoTypes() {
        return sandbox.qualitor().additionalInfoTypes();
    }

    /** Someone at Qualitor creates an extra-information type: {@code ?code=&name=}. */
    @POST
    @Path("additional-info-types")
    public Map<String, String> registerAdditionalInfoType(@QueryParam("code") String code, @QueryParam("name") String name) {
        sandbox.qualitor().registerAdditionalInfoType(required(code), name);
        return sandbox.qualitor().additionalInfoTypes();
    }

    /** One reference demand per seeded category, {@code [{category, demand}]}; same numbers after every reset. */
    @GET
    @Path("reference-demands")
    public List<Map<String, String>> referenceDemands() {
        return sandbox.qualitor().referenceDemands();
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
        sandbox.state().reset();
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

    /**
     * A person at Qualitor writes to a demand (for the SLA monitor: the return to the customer); with
     * {@code at} (an ISO instant), stamped then instead of now, for tests that moved SOP Desk's time.
     */
    @POST
    @Path("tickets/{number}/history")
    public Map<String, String> history(@PathParam("number") String number, @QueryParam("text") @DefaultValue("Retorno ao cliente realizado.") String text,
                                       @QueryParam("author") @DefaultValue("relacionamento") String author,
                                       @QueryParam("at") String at) {
        return known(() -> {
            if (at == null || at.isBlank()) {
                sandbox.qualitor().addHistory(number, text, "1", author);
            } else {
                sandbox.qualitor().addHistory(number, text, "1", author,
                        java.time.LocalDateTime.ofInstant(java.time.Instant.parse(at), SandboxQualitor.BRASILIA));
            }
            sandbox.state().callback().changed(number);
            return Map.of("history", "ok");
        });
    }

    /** A person at Qualitor moves a demand to another situation (e.g. 3 "Aguardando cliente", 5 "Encerrado"). */
    @POST
    @Path("tickets/{number}/situation")
    public Map<String, String> situation(@PathParam("number") String number, @QueryParam("code") String code,
                                         @QueryParam("name") String name) {
        return known(() -> {
            sandbox.qualitor().situation(number, code, name);
            sandbox.state().callback().changed(number);
            return Map.of("situation", code + " " + name);
        });
    }

    /** How often SOP Desk read a demand, per read operation (getTicketData, getTicketHistoryData), since the last reset. */
    @GET
    @Path("tickets/{number}/reads")
    public Map<String, Integer> reads(@PathParam("number") String number) {
        return sandbox.state().readsOf(number);
    }

    /** Whether the sandbox tells SOP Desk of its demands' changes, where, and what its calls did (never the secret). */
    @GET
    @Path("callback")
    public Map<String, Object> callback() {
        return sandbox.state().callback().describe();
    }

    /**
     * Where the sandbox tells SOP Desk of its demands' changes from now on: {@code ?url=&secret=}
     * ({@code url=off}: nobody); without {@code url}, back to {@code sandbox.callback.*}.
     */
    @POST
    @Path("callback")
    public Map<String, Object> callback(@QueryParam("url") String url, @QueryParam("secret") String secret,
                                        @QueryParam("attempts") @DefaultValue("4") int attempts) {
        DemandCallback callback = sandbox.state().callback();
        if (url == null) {
            callback.reset();
        } else {
            try {
                callback.target(DemandCallback.Target.of(url, secret, attempts, java.time.Duration.ofMillis(500)));
            } catch (IllegalArgumentException e) {
                throw new jakarta.ws.rs.BadRequestException(e.getMessage());
            }
        }
        return callback.describe();
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
        return known(() -> sandbox.qualitor().registerContact(document, email));
    }

    /** The integration password changes at Qualitor ({@code ?password=}; none: back to {@code sandbox.password}). */
    @POST
    @Path("credentials")
    public Map<String, String> credentials(@QueryParam("password") String password) {
        sandbox.state().expectPassword(password);
        // like a real installation after a password change: sessions opened with the old one end
        sandbox.sessions().expireAll();
        return Map.of("password", password == null || password.isEmpty() ? "configured" : "changed");
    }

    /** A sandbox call on a demand or customer Qualitor may not know. */
    private interface Known<T> {
        T read() throws SandboxFault;
    }

    /** Runs {@code call}; what the sandbox does not know answers 404. */
    private static <T> T known(Known<T> call) {
        try {
            return call.read();
        } catch (SandboxFault e) {
            throw new jakarta.ws.rs.NotFoundException(e.getMessage());
        }
    }

    private static String required(String code) {
        if (code == null || code.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException("code é obrigatório");
        }
        return code.strip();
    }

    /** Mounts the controls at {@code /qualitor-sandbox/control}. */
    @ApplicationPath("control")
    public static class ControlApplication extends Application {
    }
}
