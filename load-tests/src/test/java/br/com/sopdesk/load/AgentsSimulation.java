package br.com.sopdesk.load;

import br.com.sopdesk.load.Customers.Customer;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * Agents' clicks under a busy desk (issue 24): each virtual user is an agent in a browser session of
 * their own, signed in through the login form, who then serves customer after customer: the SOP
 * list, a search, the SOP (certificate lost password), the two answers of its escalating path, now
 * and then the customer's certificate read by upload, the CNPJ typed (whose change looks up the
 * customer's earlier tickets), the ticket saved (the demand number comes back from the sandbox) and
 * a new call, with think times between clicks. Every request is what the page's script sends: the
 * page's GET, then PrimeFaces' partial Ajax posts with the form serialized, its view state, the
 * source, execute and render ids and the CSP nonce.
 *
 * <p>Each response is checked (a failure counts as an error in the report): pages answer 200 with
 * their content (a redirect to the login form or the error page is not 200: redirects are not
 * followed); an Ajax answer is a partial response without an {@code <error>} or a
 * {@code <redirect>} (an expired view or session); no validation message anywhere (a valid form
 * refused is a wrong refusal); the search finds the SOP, each answer opens the next step, the
 * certificate's CNPJ is the customer's and the save shows the demand number.
 *
 * <p>Three phases in one run, each once the one before has ended: a warm-up of
 * {@code agents.warmupUsers} agents for {@code agents.warmupMinutes} (the server's JIT compiles the
 * pages' code), a baseline of one agent alone ({@code agents.baselineMinutes}), both with think times
 * shortened by {@code agents.quickThinkScale} (more calls, the same requests), then
 * {@code agents.users} agents, ramped up over {@code agents.rampSeconds}, for {@code agents.minutes}
 * at full strength. Requests are grouped by phase ("warm-up", "baseline", "load"); the report's
 * assertions say whether the load's targets held (p95 ≤ 150 ms, p99 ≤ 300 ms, no failed request).
 * Each agent signs in as an account of their own ({@code carga-001}...), created or reset through
 * the admin API before the run.
 */
public class AgentsSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("agents.baseUrl", "http://localhost:8080/sopdesk/");
    static final int USERS = Integer.getInteger("agents.users", 200);
    static final int RAMP_SECONDS = Integer.getInteger("agents.rampSeconds", 60);
    static final double MINUTES = Double.parseDouble(System.getProperty("agents.minutes", "10"));
    static final double BASELINE_MINUTES = Double.parseDouble(System.getProperty("agents.baselineMinutes", "2"));
    static final double WARMUP_MINUTES = Double.parseDouble(System.getProperty("agents.warmupMinutes", "1"));
    static final int WARMUP_USERS = Integer.getInteger("agents.warmupUsers", 20);
    static final double THINK = Double.parseDouble(System.getProperty("agents.thinkScale", "1.0"));
    /** The warm-up's and the baseline's think times, shorter: more calls for the JIT and for the baseline's percentiles. */
    static final double QUICK_THINK = Double.parseDouble(System.getProperty("agents.quickThinkScale", "0.1"));
    static final double CERTIFICATE_SHARE = Double.parseDouble(System.getProperty("agents.certificateShare", "0.3"));
    static final String PASSWORD = "carga-agente-2026";
    static final String ADMIN = System.getProperty("agents.admin", "admin:admin-demo");

    private static final String SOP = "perda-de-senha";
    /** Every request an agent makes, by its name in the report. */
    static final List<String> REQUESTS = List.of("login page", "sign in", "SOP list", "search", "open SOP", "answer", "certificate",
            "CNPJ look-up", "save", "new call");
    private static final String[] SEARCHES = {"senha", "senha do certificado", "perda de senha", "senha A1", "senha instalação", "esqueci a senha"};
    private static final List<Customer> CUSTOMERS = Customers.generate(200, 24);
    private static final AtomicInteger NEXT_AGENT = new AtomicInteger();
    /** When each phase's agents stop taking new calls (set by the phase's first agent). */
    private static final AtomicLong WARMUP_END = new AtomicLong();
    private static final AtomicLong BASELINE_END = new AtomicLong();
    private static final AtomicLong LOAD_END = new AtomicLong();

    /** Anything in a page or partial response that means the request did not do what the agent asked. */
    private static final String[] REFUSALS = {"<error>", "<redirect", "ui-message-error", "ui-messages-error", "ui-state-error",
        "id=\"certificate-error\"", "ViewExpired", "login.xhtml"};

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .disableFollowRedirect()
            .acceptLanguageHeader("pt-BR,pt;q=0.9")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) SOP-Desk-load/1.0")
            .header("Origin", origin(BASE_URL));

    {
        ScenarioBuilder warmUp = scenario("warm-up: " + WARMUP_USERS + " agents")
                .exec(deadline(WARMUP_END, 0, WARMUP_MINUTES))
                .exec(agent("warm-up", WARMUP_END, QUICK_THINK));
        ScenarioBuilder baseline = scenario("baseline: one agent alone")
                .exec(deadline(BASELINE_END, 0, BASELINE_MINUTES))
                .exec(agent("baseline", BASELINE_END, QUICK_THINK));
        ScenarioBuilder load = scenario("load: " + USERS + " agents")
                .exec(deadline(LOAD_END, RAMP_SECONDS, MINUTES))
                .exec(agent("load", LOAD_END, THINK));
        // in turn, each once the one before has ended: the server's JIT warmed by a short load, the
        // baseline of one agent alone, then the load
        PopulationBuilder phases = load.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(RAMP_SECONDS)));
        if (BASELINE_MINUTES > 0) {
            phases = baseline.injectOpen(atOnceUsers(1)).andThen(phases);
        }
        if (WARMUP_MINUTES > 0) {
            phases = warmUp.injectOpen(rampUsers(WARMUP_USERS).during(Duration.ofSeconds(10))).andThen(phases);
        }
        setUp(phases)
                .protocols(protocol)
                .assertions(targets());
    }

    /** The load's targets, request by request: p95 ≤ 150 ms, p99 ≤ 300 ms, and not one failed request in the phase. */
    private static List<Assertion> targets() {
        List<Assertion> targets = new ArrayList<>();
        targets.add(details("load").failedRequests().count().is(0L));
        for (String request : REQUESTS) {
            targets.add(details("load", request).responseTime().percentile(95.0).lte(150));
            targets.add(details("load", request).responseTime().percentile(99.0).lte(300));
        }
        return targets;
    }

    @Override
    public void before() {
        accounts(USERS + 1);
    }

    /** Sets the phase's end once, when its first agent starts: the ramp, then {@code minutes} at full strength. */
    private static Function<Session, Session> deadline(AtomicLong end, int rampSeconds, double minutes) {
        return session -> {
            end.compareAndSet(0, System.currentTimeMillis() + rampSeconds * 1000L + (long) (minutes * 60_000));
            return session;
        };
    }

    /** One agent's day: sign in once, then call after call until the phase ends. */
    private static ChainBuilder agent(String phase, AtomicLong end, double think) {
        Iterator<Map<String, Object>> customers = java.util.stream.Stream.generate(
                () -> Map.<String, Object>of("customer", CUSTOMERS.get(ThreadLocalRandom.current().nextInt(CUSTOMERS.size())))).iterator();
        return group(phase).on(
                exec(session -> session.set("username", String.format("carga-%03d", "baseline".equals(phase) ? 0 : 1 + NEXT_AGENT.getAndIncrement() % USERS)))
                .exec(signIn(think))
                .exitHereIfFailed()
                .asLongAs(session -> System.currentTimeMillis() < end.get()).on(
                        feed(customers)
                        .exec(session -> customer(session))
                        .exitBlockOnFail().on(call(think))));
    }

    private static Session customer(Session session) {
        Customer c = session.get("customer");
        return session.set("cnpj", c.cnpj()).set("cnpjDigits", c.cnpjDigits()).set("customerName", c.name())
                .set("email", c.email()).set("phone1", c.phone1()).set("phone2", c.phone2())
                .set("search", SEARCHES[ThreadLocalRandom.current().nextInt(SEARCHES.length)])
                .set("withCertificate", ThreadLocalRandom.current().nextDouble() < CERTIFICATE_SHARE);
    }

    private static ChainBuilder signIn(double scale) {
        return exec(http("login page").get("login.xhtml")
                        .check(status().is(200), substring("id=\"login:username\""), viewState(), pageNonce()))
                .pause(think(2, scale), think(5, scale))
                .exec(http("sign in").post("login.xhtml")
                        .formParam("login", "login")
                        .formParam("login:username", "#{username}")
                        .formParam("login:password", PASSWORD)
                        .formParam("login:submit", "")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam("primefaces.nonce", "#{nonce}")
                        .check(status().is(302), header("Location").transform(l -> l.contains("app/index.xhtml")).is(true)));
    }

    /** How much of the ticket form a post of the walk form carries. */
    private enum Intake { HIDDEN, EMPTY, CNPJ, FILLED }

    /** One customer's call, from the SOP list to the demand number and a new call. */
    private static ChainBuilder call(double scale) {
        return exec(page("SOP list", "app/index.xhtml", "id=\"search:q\""))
                .pause(think(3, scale), think(8, scale))
                .exec(ajax("search", "app/index.xhtml", "search", "search:q", "search:q", "search:results", "keyup")
                        .formParam("search:q", "#{search}")
                        .check(substring("data-sop=\"" + SOP + "\"")))
                .pause(think(2, scale), think(5, scale))
                .exec(page("open SOP", "app/sop.xhtml?id=" + SOP, "name=\"walk:path:0:answer\""))
                .pause(think(3, scale), think(8, scale))
                .exec(walkForm(ajax("answer", "app/sop.xhtml", "walk", "walk:path:0:answer", "walk:path:0:answer", "walk overview-chart", "change"),
                        1, Intake.HIDDEN)
                        .check(substring("name=\"walk:path:2:answer\"")))
                .pause(think(3, scale), think(8, scale))
                .exec(walkForm(ajax("answer", "app/sop.xhtml", "walk", "walk:path:2:answer", "walk:path:2:answer", "walk overview-chart", "change"),
                        2, Intake.HIDDEN)
                        .check(substring("id=\"walk:save\""), substring("id=\"walk:document\"")))
                .doIf("#{withCertificate}").then(
                        pause(think(5, scale), think(15, scale))
                        .exec(certificate()))
                .pause(think(8, scale), think(20, scale))
                .exec(walkForm(ajax("CNPJ look-up", "app/sop.xhtml", "walk", "walk:document", "walk:document", "walk:related-before", "change"),
                        2, Intake.CNPJ))
                .pause(think(15, scale), think(40, scale))
                .exec(walkForm(ajax("save", "app/sop.xhtml", "walk", "walk:save", "walk", "walk", null), 2, Intake.FILLED)
                        .formParam("walk:save", "walk:save")
                        .check(substring("class=\"result result-sent\""), regex("id=\"demand-number\"[^>]*>([0-9]+)<").exists()))
                .pause(think(3, scale), think(8, scale))
                // "new call" answers with a redirect to a fresh SOP page, which the browser opens; the
                // answers are disabled once the ticket is saved, so the browser no longer sends them
                .exec(walkForm(ajax("new call", "app/sop.xhtml", "walk", "walk:new-call", "walk:new-call", "walk", null, true), 0, Intake.HIDDEN)
                        .formParam("walk:new-call", "walk:new-call")
                        .check(regex("<redirect url=\"([^\"]+)\"").transform(u -> u.replace("&amp;", "&").substring(u.indexOf("app/"))).saveAs("fresh"),
                                regex("<redirect url=\"[^\"]*/app/sop\\.xhtml\\?id=" + SOP + "[\"&]").exists()))
                .exec(page("open SOP", "#{fresh}", "name=\"walk:path:0:answer\""))
                .pause(think(2, scale), think(5, scale));
    }

    /** The certificate panel's upload: PrimeFaces posts the whole form, multipart, with the file and the Ajax parameters. */
    private static HttpRequestActionBuilder certificate() {
        HttpRequestActionBuilder upload = http("certificate").post("app/sop.xhtml")
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .asMultipartForm()
                .formParam("walk", "walk");
        return walkForm(upload, 2, Intake.EMPTY)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("primefaces.nonce", "#{nonce}")
                .formParam("jakarta.faces.partial.ajax", "true")
                .formParam("jakarta.faces.partial.execute", "walk:certificate-file walk")
                .formParam("jakarta.faces.source", "walk:certificate-file")
                .formParam("walk:certificate-file_totalFilesCount", "1")
                .formParam("jakarta.faces.partial.render", "walk")
                .formParam("X-File-Id", session -> "cliente.cer,1764979200000,application/pkix-cert,"
                        + session.<Customer>get("customer").certificate().length)
                .bodyPart(ByteArrayBodyPart("walk:certificate-file", session -> session.<Customer>get("customer").certificate())
                        .fileName("cliente.cer").contentType("application/pkix-cert"))
                .check(partial())
                .check(substring("id=\"cert-holder\""),
                        regex("id=\"cert-cnpj\">([^<]+)<").transform(v -> v.replaceAll("[^0-9A-Z]", "")).isEL("#{cnpjDigits}"),
                        nonce());
    }

    /**
     * The walk form as the browser serializes it: the SOP switch's select, the first {@code answers}
     * answers, the certificate panel's password and paste box, and the ticket form's fields as far
     * as {@code intake} says.
     */
    private static HttpRequestActionBuilder walkForm(HttpRequestActionBuilder request, int answers, Intake intake) {
        HttpRequestActionBuilder r = request.formParam("walk:switchTo_input", "");
        if (answers >= 1) {
            r = r.formParam("walk:path:0:answer", "A1");
        }
        if (answers >= 2) {
            r = r.formParam("walk:path:2:answer", "sim");
        }
        if (answers > 0) {
            r = r.formParam("walk:certificate-password", "").formParam("walk:certificate-pem", "");
        }
        if (intake == Intake.HIDDEN) {
            return r;
        }
        boolean filled = intake == Intake.FILLED;
        return r.formParam("walk:document", intake == Intake.EMPTY ? "" : "#{cnpj}")
                .formParam("walk:customerName", filled ? "#{customerName}" : "")
                .formParam("walk:description", filled ? "Cliente perdeu a senha de instalação do certificado A1 e não tem cópia de segurança." : "")
                .formParam("walk:triedSolution", filled ? "Tentou as senhas anotadas na emissão; tentativas esgotadas." : "")
                .formParam("walk:phone1", filled ? "#{phone1}" : "")
                .formParam("walk:phone2", filled ? "#{phone2}" : "")
                .formParam("walk:email", filled ? "#{email}" : "")
                .formParam("walk:extra:1:field", "");
    }

    /** A page by GET: 200 with its content, its view state and CSP nonce kept for the posts that follow. */
    private static HttpRequestActionBuilder page(String name, String path, String content) {
        return http(name).get(path)
                .check(status().is(200), substring(content), viewState(), pageNonce())
                .check(refusals());
    }

    /**
     * A PrimeFaces Ajax post of {@code form}: the form's own parameter, its view state and nonce, and
     * the partial request's source, execute and render ids ({@code event} for a behaviour, null for a
     * button).
     */
    private static HttpRequestActionBuilder ajax(String name, String path, String form, String source, String execute, String render, String event) {
        return ajax(name, path, form, source, execute, render, event, false);
    }

    /** The same; {@code redirect}: the answer is a redirect to another page (a navigation), no refusal. */
    private static HttpRequestActionBuilder ajax(String name, String path, String form, String source, String execute, String render, String event,
            boolean redirect) {
        HttpRequestActionBuilder r = http(name).post(path)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .formParam(form, form)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("primefaces.nonce", "#{nonce}")
                .formParam("jakarta.faces.partial.ajax", "true")
                .formParam("jakarta.faces.source", source)
                .formParam("jakarta.faces.partial.execute", execute)
                .formParam("jakarta.faces.partial.render", render);
        if (event != null) {
            r = r.formParam("jakarta.faces.behavior.event", "keyup".equals(event) ? "keyup" : "valueChange")
                    .formParam("jakarta.faces.partial.event", event);
        }
        return r.check(redirect ? new CheckBuilder[]{status().is(200), substring("<partial-response>"), not("<error>")} : partial())
                .check(nonce());
    }

    private static CheckBuilder[] refusals() {
        List<CheckBuilder> checks = new ArrayList<>();
        for (String refusal : REFUSALS) {
            checks.add(not(refusal));
        }
        return checks.toArray(CheckBuilder[]::new);
    }

    private static CheckBuilder not(String text) {
        return substring(text).notExists();
    }

    /** A partial response: 200, XML, none of the refusals; the view state it carries (if any) kept. */
    private static CheckBuilder[] partial() {
        List<CheckBuilder> checks = new ArrayList<>(List.of(status().is(200), substring("<partial-response>"),
                regex("jakarta\\.faces\\.ViewState:0\"><!\\[CDATA\\[([^\\]]+)\\]\\]>").optional().saveAs("viewState")));
        checks.addAll(List.of(refusals()));
        return checks.toArray(CheckBuilder[]::new);
    }

    private static CheckBuilder viewState() {
        return regex("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"").find().transform(v -> v.replace("&#58;", ":")).saveAs("viewState");
    }

    private static CheckBuilder pageNonce() {
        return regex("<script[^>]*\\snonce=\"([^\"]+)\"").find().saveAs("nonce");
    }

    /** PrimeFaces' script takes the nonce each partial response announces for the next post. */
    private static CheckBuilder nonce() {
        return regex("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").optional().saveAs("nonce");
    }

    private static Duration think(double seconds, double scale) {
        return Duration.ofMillis((long) (seconds * 1000 * scale));
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    /**
     * The agents' accounts, {@code carga-000} (the baseline's) to {@code carga-NNN}: created through
     * the admin API, or reset (active, agent, the load's password) when a run made them already.
     */
    static void accounts(int count) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8));
        String api = BASE_URL + "api/admin/users";
        try {
            for (int i = 0; i < count; i++) {
                String name = String.format("carga-%03d", i);
                HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(api)).header("Authorization", auth)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + name + "\",\"displayName\":\"Agente de carga " + i + "\",\"password\":\"" + PASSWORD
                                        + "\",\"roles\":[\"agent\"]}")).build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() == 201) {
                    continue;
                }
                HttpResponse<String> reset = client.send(HttpRequest.newBuilder(URI.create(api + "/" + name)).header("Authorization", auth)
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"password\":\"" + PASSWORD + "\",\"roles\":[\"agent\"],\"active\":true}")).build(), HttpResponse.BodyHandlers.ofString());
                if (reset.statusCode() != 200) {
                    throw new IllegalStateException("account " + name + ": create answered " + created.statusCode() + " " + created.body()
                            + ", reset " + reset.statusCode() + " " + reset.body());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the agents' accounts: is the demo running at " + BASE_URL + "?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
