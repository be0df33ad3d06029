package br.com.sopdesk.qualitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves an installation's settings against its own Qualitor, reading only: whether it answers and
 * its version, whether the configured transport logs in, which {@code wsdl_file} spelling works,
 * what Qualitor calls each code SOP Desk uses (read back from demands the administrator names as
 * references, and {@code getTicketAdditionalInfoDetail} for extra-information fields), and the exact
 * request a sample of each SOP would send. Nothing is written in Qualitor.
 *
 * <p>Each look-up has short timeouts and the whole check a budget; a check that cannot run says why
 * and does not pass. Results are codes and Qualitor's own words ({@link Check#reason()},
 * {@link Check#args()}); the application words them for people.
 */
public final class SetupCheck {

    /** How one check ended. */
    public enum Status { PASSED, FAILED, NOT_RUN }

    /** What a code is, in Qualitor's classification. */
    public enum CodeKind { CATEGORY, TICKET_TYPE, TEAM, EXTRA_INFO }

    /** A code SOP Desk uses, and where (a SOP, a category), so a failure can say what it affects. */
    public record CodeUse(CodeKind kind, String code, String usedBy) {
    }

    /** A SOP's sample ticket, whose request is shown exactly as it would go. */
    public record Sample(String sop, TicketDraft draft) {
    }

    /**
     * One check: what was checked ({@code id}, and {@code subject} such as a code), how it ended, why
     * ({@code reason}, a code) and the facts to word it with ({@code args}: versions and names as
     * text, Qualitor's own words and our sentences as a {@link Wording} the application renders in the
     * reader's language).
     */
    public record Check(String id, String subject, Status status, String reason, List<Object> args) {

        public Check {
            args = args.stream().map(a -> a instanceof Wording ? a : (Object) (a == null ? "" : String.valueOf(a))).toList();
        }

        public boolean ok() {
            return status == Status.PASSED;
        }
    }

    /** A sample request: the SOP, and the request as it would be sent (password masked), or why it could not be shown. */
    public record SampleRequest(String sop, String request, Wording problem) {
    }

    /**
     * The whole answer: every check, every sample, and what Qualitor calls each category code read
     * back from the reference demands (code → name; only names Qualitor gave).
     */
    public record Report(List<Check> checks, List<SampleRequest> samples, Map<String, String> categoryNames) {

        public boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    private final QualitorSettings settings;
    private final long deadline;
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, String> categoryNames = new LinkedHashMap<>();

    /**
     * Each call may take at most a quarter of the budget to connect and a quarter to answer (at most
     * 1 s and 2 s), and no call starts once the time left is less than that: so the whole check ends
     * within the budget even when every call waits to its limit.
     */
    private SetupCheck(QualitorSettings settings, Duration budget) {
        Duration connect = min(settings.connectTimeout(), min(Duration.ofSeconds(1), budget.dividedBy(4)));
        Duration read = min(settings.readTimeout(), min(Duration.ofSeconds(2), budget.dividedBy(4)));
        this.settings = settings.withTimeouts(connect, read);
        this.deadline = System.nanoTime() + budget.minus(connect).minus(read).toNanos();
    }

    /**
     * Runs every check within {@code budget}.
     *
     * @param referenceCustomer a CNPJ/CPF Qualitor knows (the samples' customer), or null
     * @param referenceDemands  demands whose classification is read back to learn Qualitor's names
     */
    public static Report run(QualitorSettings settings, List<CodeUse> codes, List<Sample> samples, String referenceCustomer,
                             List<String> referenceDemands, Duration budget) {
        SetupCheck c = new SetupCheck(settings, budget);
        List<SampleRequest> shown = new ArrayList<>();
        QualitorClient client = new QualitorClient(c.settings);
        QualitorClient working = null;
        try {
            boolean reached = c.reach(client);
            if (reached && c.late()) {
                c.add("login", null, Status.NOT_RUN, "budget");
            } else if (reached) {
                working = c.login(client, referenceCustomer, referenceDemands).orElse(null);
            }
            // the rest is read with whatever works, so one wrong spelling does not hide the other results
            QualitorClient reader = working == null ? client : working;
            c.codes(reader, codes, referenceDemands, working != null);
            c.defaultContact();
            shown.addAll(c.samples(client, samples, referenceCustomer, working != null, reader));
        } finally {
            client.close();
            if (working != null && working != client) {
                working.close();
            }
        }
        return new Report(List.copyOf(c.checks), List.copyOf(shown), Map.copyOf(c.categoryNames));
    }

    private boolean reach(QualitorClient client) {
        long start = System.nanoTime();
        try {
            String version = client.version();
            add("reach", null, Status.PASSED, "ok", version, String.valueOf((System.nanoTime() - start) / 1_000_000));
            return true;
        } catch (QualitorException.Refused e) {
            // it answered: refusing getVersion (say, for the wsdl_file spelling) is for the next checks to tell
            add("reach", null, Status.PASSED, "refused", words(e), String.valueOf((System.nanoTime() - start) / 1_000_000));
            return true;
        } catch (QualitorException e) {
            add("reach", null, Status.FAILED, "unreachable", settings.baseUri().toString(), e.wording());
            return false;
        }
    }

    /**
     * Logs in on the configured transport; on the stateless endpoint, also finds the {@code wsdl_file}
     * spelling that works. Returns the client that logged in (one with another spelling when only
     * that works), or empty.
     */
    private Optional<QualitorClient> login(QualitorClient client, String referenceCustomer, List<String> referenceDemands) {
        if (settings.mode() == QualitorSettings.Mode.SOAP) {
            boolean all = true;
            for (String service : List.of("WSTicket", "WSGeneral")) {
                try {
                    SoapTransport soap = (SoapTransport) client.transport();
                    add("wsdl", service, Status.PASSED, "ok", soap.wsdlUri(service).toString(), soap.endpoint(service).toString());
                    soap.login(service);
                    add("login", service, Status.PASSED, "soap", settings.user(), service);
                } catch (QualitorException.Unauthorized e) {
                    add("login", service, Status.FAILED, "refused", settings.user(), words(e));
                    all = false;
                } catch (QualitorException e) {
                    add("wsdl", service, Status.FAILED, "unreadable", ((SoapTransport) client.transport()).wsdlUri(service).toString(),
                            e.wording());
                    all = false;
                }
            }
            return all ? Optional.of(client) : Optional.empty();
        }
        Optional<java.util.function.Function<QualitorClient, String>> probe = authenticatedRead(referenceCustomer, referenceDemands);
        if (probe.isEmpty()) {
            add("login", null, Status.NOT_RUN, "no-reference");
            add("wsdl-file", null, Status.NOT_RUN, "no-reference");
            return Optional.empty();
        }
        QualitorSettings.WsdlFile configured = settings.wsdlFile();
        Wording refusal;
        try {
            probe.get().apply(client);
            add("wsdl-file", null, Status.PASSED, "ok", configured.spell("WSTicket"));
            add("login", null, Status.PASSED, "stateless", settings.user(), settings.company());
            return Optional.of(client);
        } catch (QualitorException.Refused e) {
            refusal = words(e);
        } catch (QualitorException e) {
            add("login", null, Status.FAILED, "unreachable", e.wording());
            return Optional.empty();
        }
        for (QualitorSettings.WsdlFile other : QualitorSettings.WsdlFile.values()) {
            if (other == configured || late()) {
                continue;
            }
            QualitorClient trial = new QualitorClient(settings.withWsdlFile(other));
            try {
                probe.get().apply(trial);
                add("wsdl-file", null, Status.FAILED, "other-works", configured.spell("WSTicket"), other.spell("WSTicket"),
                        QualitorSettings.spelling(other), refusal);
                add("login", null, Status.PASSED, "stateless", settings.user(), settings.company());
                return Optional.of(trial);
            } catch (QualitorException ignored) {
                trial.close(); // this spelling does not work either
            }
        }
        add("wsdl-file", null, Status.NOT_RUN, "undecided", configured.spell("WSTicket"));
        add("login", null, Status.FAILED, "refused", settings.user(), refusal);
        return Optional.empty();
    }

    /** A read that needs the integration login: a reference demand, else the reference customer. */
    private static Optional<java.util.function.Function<QualitorClient, String>> authenticatedRead(String customer, List<String> demands) {
        if (!demands.isEmpty()) {
            return Optional.of(c -> c.demandCodes(demands.get(0)).number());
        }
        if (customer != null && !customer.isBlank()) {
            return Optional.of(c -> c.customerCodeOf(customer));
        }
        return Optional.empty();
    }

    private void codes(QualitorClient client, List<CodeUse> codes, List<String> referenceDemands, boolean loggedIn) {
        Map<CodeKind, Map<String, String>> names = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        if (loggedIn) {
            for (String demand : referenceDemands) {
                if (late()) {
                    break;
                }
                try {
                    DemandCodes d = client.demandCodes(demand);
                    put(names, CodeKind.CATEGORY, d.category(), d.categoryName());
                    if (d.category() != null && !d.category().isBlank() && d.categoryName() != null && !d.categoryName().isBlank()) {
                        categoryNames.put(d.category().strip(), d.categoryName().strip());
                    }
                    put(names, CodeKind.TICKET_TYPE, d.ticketType(), d.ticketTypeName());
                    put(names, CodeKind.TEAM, d.team(), d.teamName());
                    add("reference-demand", demand, Status.PASSED, "ok", nz(d.category()), nz(d.categoryName()));
                } catch (QualitorException e) {
                    unreadable.add(demand);
                    add("reference-demand", demand, Status.FAILED, "unreadable", words(e));
                }
            }
        }
        Map<String, Boolean> done = new LinkedHashMap<>();
        for (CodeUse use : codes) {
            String key = use.kind() + "|" + use.code();
            if (done.putIfAbsent(key, true) != null) {
                continue;
            }
            String usedBy = codes.stream().filter(u -> u.kind() == use.kind() && u.code().equals(use.code())).map(CodeUse::usedBy)
                    .distinct().reduce((a, b) -> a + ", " + b).orElse("");
            String id = use.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            if (!loggedIn) {
                add(id, use.code(), Status.NOT_RUN, "no-login", usedBy);
            } else if (late()) {
                add(id, use.code(), Status.NOT_RUN, "budget", usedBy);
            } else if (use.kind() == CodeKind.EXTRA_INFO) {
                try {
                    add(id, use.code(), Status.PASSED, "ok", usedBy, client.additionalInfoName(use.code()));
                } catch (QualitorException.Refused e) {
                    add(id, use.code(), Status.FAILED, "refused", usedBy, words(e));
                } catch (QualitorException e) {
                    add(id, use.code(), Status.NOT_RUN, "unreachable", usedBy, e.wording());
                }
            } else {
                String name = names.getOrDefault(use.kind(), Map.of()).get(use.code());
                if (name != null) {
                    add(id, use.code(), Status.PASSED, "ok", usedBy, name);
                } else {
                    add(id, use.code(), Status.NOT_RUN, "no-reference", usedBy, String.join(", ", referenceDemands));
                }
            }
        }
    }

    private void defaultContact() {
        if (settings.defaultContact() == null) {
            add("default-contact", null, Status.PASSED, "none");
        } else {
            add("default-contact", settings.defaultContact(), Status.NOT_RUN, "no-public-lookup", settings.defaultContact());
        }
    }

    /** Each sample as the configured client would send it (the customer code looked up with whatever logged in). */
    private List<SampleRequest> samples(QualitorClient client, List<Sample> samples, String referenceCustomer, boolean loggedIn,
                                        QualitorClient reader) {
        String customerCode = null;
        if (loggedIn && referenceCustomer != null && !referenceCustomer.isBlank() && !late()) {
            try {
                customerCode = reader.customerCodeOf(referenceCustomer);
            } catch (QualitorException e) {
                customerCode = null;
            }
        }
        String code = customerCode == null ? "{cdcliente do cliente}" : customerCode;
        List<SampleRequest> shown = new ArrayList<>();
        for (Sample s : samples) {
            try {
                shown.add(new SampleRequest(s.sop(), client.previewOpen(s.draft(), code), null));
            } catch (QualitorException e) {
                shown.add(new SampleRequest(s.sop(), null, e.wording()));
            }
        }
        return shown;
    }

    private boolean late() {
        return System.nanoTime() > deadline;
    }

    private void add(String id, String subject, Status status, String reason, Object... args) {
        checks.add(new Check(id, subject, status, reason, List.of(args)));
    }

    private static void put(Map<CodeKind, Map<String, String>> names, CodeKind kind, String code, String name) {
        if (code != null && !code.isBlank()) {
            names.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(code.strip(), name == null || name.isBlank() ? code : name.strip());
        }
    }

    /** Qualitor's own code and words of a refusal, or what we say of any other failure. */
    private static Wording words(QualitorException e) {
        if (e instanceof QualitorException.Refused r) {
            return QualitorException.detail(r.errorCode(), r.qualitorMessage());
        }
        if (e instanceof QualitorException.Unauthorized u) {
            return QualitorException.detail(u.errorCode(), u.qualitorMessage());
        }
        return e.wording();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
