package br.com.sopdesk.sop.entity;

import br.com.sopdesk.platform.Text;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a SOP bundle must follow before it is published, each broken rule reported with a reason
 * an administrator can act on (pt-BR or English) and where it shows: the line of the bundle's text
 * (JSON/YAML import) and the node or field it belongs to (the on-screen editor). One set of rules for both.
 */
public final class BundleCheck {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    /** A node id is the key of its answer in tickets and URLs: no markup, spaces or quotes. */
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");
    /** The intake every escalation has; a SOP field may not take one of these names. */
    private static final Set<String> INTAKE_FIELDS = Set.of("document", "customerName", "description", "triedSolution", "phone1", "phone2",
            "email", "category");
    /** A step's tutorial or required reading: a web address the page can link to, nothing a browser would run. */
    private static final Pattern VIDEO = Pattern.compile("https?://[^\\s\"'<>]{1,500}");

    private BundleCheck() {
    }

    /**
     * One broken rule: the line (1-based, 0 when unknown), why, and the node id or field name it
     * belongs to (both null: the SOP as a whole).
     */
    public record Problem(int line, Text text, String node, String field) implements Serializable {

        public Problem(int line, Text text) {
            this(line, text, null, null);
        }

        public Problem(int line, String key, Object... args) {
            this(line, Text.of(key, args));
        }

        static Problem atNode(int line, String node, String key, Object... args) {
            return new Problem(line, Text.of(key, args), node, null);
        }

        static Problem atField(int line, String field, String key, Object... args) {
            return new Problem(line, Text.of(key, args), null, field);
        }

        /** The reason in pt-BR. */
        public String reason() {
            return text.toString();
        }

        /** The reason with its line ("linha 3: ..."), in pt-BR or English. */
        public String in(Locale locale) {
            return line > 0 ? Text.of("sop.problem.line", line, text).in(locale) : text.in(locale);
        }

        @Override
        public String toString() {
            return in(Text.PT_BR);
        }
    }

    public static List<Problem> problems(SopBundle bundle, String text) {
        return problems(bundle, text, SopLimits.DEFAULTS);
    }

    /** The broken rules of a bundle that has no text (the editor's): each at its node or field, no line. */
    public static List<Problem> problems(SopBundle bundle, SopLimits limits) {
        return problems(bundle, null, limits);
    }

    /** The broken rules, the limits on the number of nodes and fields included. */
    public static List<Problem> problems(SopBundle bundle, String text, SopLimits limits) {
        List<Problem> problems = new ArrayList<>();
        if (bundle.nodes().size() > limits.maxNodes()) {
            problems.add(new Problem(0, "sop.bundle.too-many-nodes", bundle.nodes().size(), limits.maxNodes()));
            return problems;
        }
        if (bundle.fields().size() > limits.maxFields()) {
            problems.add(new Problem(lineOf(text, "fields", null), "sop.bundle.too-many-fields", bundle.fields().size(),
                    limits.maxFields()));
            return problems;
        }
        if (!ID.matcher(bundle.id()).matches()) {
            problems.add(new Problem(lineOf(text, "id", bundle.id()), "sop.bundle.id-invalid", bundle.id()));
        }
        if (bundle.version() < 1) {
            problems.add(new Problem(lineOf(text, "version", null), "sop.bundle.version-invalid"));
        }
        if (bundle.title().isBlank()) {
            problems.add(new Problem(lineOf(text, "title", null), "sop.bundle.title-required"));
        }
        if (tooLong(limits, bundle.title(), bundle.summary(), bundle.seed()) || tooLong(limits, bundle.keywords())
                || bundle.qualitor() != null && tooLong(limits, bundle.qualitor().titleTemplate(), bundle.qualitor().ticketType(),
                bundle.qualitor().category(), bundle.qualitor().location(), bundle.qualitor().severity())) {
            problems.add(new Problem(0, "sop.bundle.text-too-long", limits.maxTextChars()));
        }
        boolean linksBroken = false;
        Set<String> ids = new HashSet<>();
        for (SopNode node : bundle.nodes()) {
            if (node.id() == null || !ids.add(node.id())) {
                problems.add(Problem.atNode(lineOf(text, "id", node.id()), node.id(), "sop.node.id-repeated", node.id()));
                linksBroken = true;
            } else if (!NODE_ID.matcher(node.id()).matches()) {
                problems.add(Problem.atNode(lineOf(text, "id", node.id()), node.id(), "sop.node.id-invalid"));
            }
        }
        Map<String, SopNode> byId = bundle.nodes().stream().filter(n -> n.id() != null)
                .collect(java.util.stream.Collectors.toMap(SopNode::id, n -> n, (a, b) -> a));
        if (!byId.containsKey(bundle.start())) {
            problems.add(new Problem(lineOf(text, "start", bundle.start()), "sop.bundle.start-unknown", bundle.start()));
            linksBroken = true;
        }
        boolean escalates = false;
        for (SopNode node : bundle.nodes()) {
            int line = lineOf(text, "id", node.id());
            if (node.kind() == null) {
                problems.add(Problem.atNode(line, node.id(), "sop.node.kind-missing", node.id()));
                linksBroken = true;
                continue;
            }
            if (tooLong(limits, node.title(), node.text(), node.video(), node.see(), node.sop())
                    || tooLong(limits, node.checks()) || tooLong(limits, node.guidance()) || tooLong(limits, node.ticketNotes())
                    || node.options().stream().anyMatch(o -> tooLong(limits, o.value(), o.label()))) {
                problems.add(Problem.atNode(line, node.id(), "sop.node.text-too-long", node.id(), limits.maxTextChars()));
            }
            if (node.title() == null || node.title().isBlank()) {
                problems.add(Problem.atNode(line, node.id(), "sop.node.title-missing", node.id()));
            }
            if (node.video() != null && !VIDEO.matcher(node.video()).matches()) {
                problems.add(Problem.atNode(lineOrNode(text, "video", node.video(), line), node.id(), "sop.node.video-invalid", node.id()));
            }
            if (node.see() != null && !ID.matcher(node.see()).matches()) {
                problems.add(Problem.atNode(lineOrNode(text, "see", node.see(), line), node.id(), "sop.node.see-invalid", node.id()));
            }
            if (node.reading() != null) {
                problems.addAll(readingProblems(node, line, limits));
            }
            switch (node.kind()) {
                case STEP -> {
                    if (blank(node.next())) {
                        problems.add(Problem.atNode(line, node.id(), "sop.step.next-missing", node.id()));
                        linksBroken = true;
                    } else if (!byId.containsKey(node.next())) {
                        problems.add(Problem.atNode(lineOrNode(text, "next", node.next(), line), node.id(), "sop.step.next-unknown", node.id(), node.next()));
                        linksBroken = true;
                    }
                }
                case QUESTION -> {
                    if (node.options().size() < 2) {
                        problems.add(Problem.atNode(line, node.id(), "sop.question.options", node.id()));
                    }
                    Set<String> values = new HashSet<>();
                    int position = 0;
                    for (SopOption o : node.options()) {
                        // an option being built on screen may have neither value nor label yet: named by its position
                        String named = !blank(o.label()) ? o.label() : !blank(o.value()) ? o.value() : "#" + (position + 1);
                        position++;
                        if (o.value() == null || !values.add(o.value())) {
                            problems.add(Problem.atNode(line, node.id(), "sop.question.option-repeated", node.id(), o.value() == null ? named : o.value()));
                        }
                        if (blank(o.next())) {
                            problems.add(Problem.atNode(line, node.id(), "sop.option.next-missing", named, node.id()));
                            linksBroken = true;
                        } else if (!byId.containsKey(o.next())) {
                            problems.add(Problem.atNode(lineOrNode(text, "next", o.next(), line), node.id(), "sop.option.next-unknown", o.value(), node.id(), o.next()));
                            linksBroken = true;
                        }
                    }
                }
                case OUTCOME -> {
                    if (node.outcome() == null) {
                        problems.add(Problem.atNode(line, node.id(), "sop.outcome.missing", node.id()));
                    } else if (node.follows() && (node.sop() == null || !ID.matcher(node.sop()).matches())) {
                        problems.add(Problem.atNode(line, node.id(), "sop.outcome.follow-sop", node.id()));
                    }
                    if (Boolean.TRUE.equals(node.record()) && node.outcome() != SopNode.Outcome.SOLVED) {
                        problems.add(Problem.atNode(lineOrNode(text, "record", null, line), node.id(), "sop.outcome.record-not-solved", node.id()));
                    }
                    if (node.qualitor() != null && !node.opensTicket()) {
                        problems.add(Problem.atNode(lineOrNode(text, "qualitor", null, line), node.id(), "sop.outcome.qualitor-not-escalation", node.id()));
                    } else if (node.opensTicket() && node.qualitor() != null && incomplete(bundle.classification(node))) {
                        problems.add(Problem.atNode(lineOrNode(text, "qualitor", null, line), node.id(), "sop.outcome.qualitor-mapping", node.id()));
                    }
                    escalates |= node.opensTicket() && node.qualitor() == null;
                }
            }
        }
        if (escalates) {
            if (incomplete(bundle.qualitor())) {
                problems.add(new Problem(lineOf(text, "qualitor", null),
                        "sop.bundle.qualitor-mapping"));
            }
        }
        Set<String> fieldNames = new HashSet<>();
        for (FieldSpec f : bundle.fields()) {
            int line = lineOf(text, "name", f.name());
            if (f.name() == null || !f.name().matches("[a-z][A-Za-z0-9]{0,39}") || INTAKE_FIELDS.contains(f.name())) {
                problems.add(Problem.atField(line, f.name(), "sop.field.name-invalid", f.name()));
            } else if (!fieldNames.add(f.name())) {
                problems.add(Problem.atField(line, f.name(), "sop.field.repeated", f.name()));
            }
            if (tooLong(limits, f.label(), f.help())) {
                problems.add(Problem.atField(line, f.name(), "sop.field.text-too-long", f.name(), limits.maxTextChars()));
            }
            if (f.label() == null || f.label().isBlank()) {
                problems.add(Problem.atField(line, f.name(), "sop.field.label-missing", f.name()));
            }
            if (f.when() != null) {
                SopNode question = byId.get(f.when().question());
                if (question == null || question.kind() != SopNode.Kind.QUESTION || question.option(f.when().answer()) == null) {
                    problems.add(Problem.atField(line, f.name(), "sop.field.when-unknown", f.name(), f.when().question(), f.when().answer()));
                }
            }
        }
        if (bundle.warranty() != null) {
            problems.addAll(warrantyProblems(bundle.warranty(), byId, bundle.fields(), text));
        }
        if (bundle.sla().returnHours() < 1) {
            problems.add(new Problem(lineOf(text, "returnHours", null), "sop.bundle.return-hours"));
        }
        if (!linksBroken) {
            problems.addAll(reachability(bundle, byId, text));
        }
        return problems;
    }

    /** A required reading sits on a step, has a title, and one document: a web address like a video's, or a text. */
    private static List<Problem> readingProblems(SopNode node, int line, SopLimits limits) {
        List<Problem> problems = new ArrayList<>();
        SopReading r = node.reading();
        if (node.kind() != SopNode.Kind.STEP) {
            problems.add(Problem.atNode(line, node.id(), "sop.node.reading-not-step", node.id()));
        }
        if (r.title() == null) {
            problems.add(Problem.atNode(line, node.id(), "sop.node.reading-title", node.id()));
        } else if (r.title().length() > limits.maxTextChars()) {
            problems.add(Problem.atNode(line, node.id(), "sop.node.reading-too-long", node.id(), limits.maxTextChars()));
        }
        if ((r.url() == null) == (r.text() == null)) {
            problems.add(Problem.atNode(line, node.id(), "sop.node.reading-one-document", node.id()));
        }
        if (r.url() != null && !VIDEO.matcher(r.url()).matches()) {
            problems.add(Problem.atNode(line, node.id(), "sop.node.reading-url-invalid", node.id()));
        }
        if (r.text() != null && r.text().length() > limits.maxTextChars()) {
            problems.add(Problem.atNode(line, node.id(), "sop.node.reading-too-long", node.id(), limits.maxTextChars()));
        }
        return problems;
    }

    /** The warranty part names one case (fixed or asked), a date field, and questions, answers and an outcome that exist. */
    private static List<Problem> warrantyProblems(WarrantySpec w, Map<String, SopNode> byId, List<FieldSpec> fields, String text) {
        List<Problem> problems = new ArrayList<>();
        int line = lineOf(text, "warranty", null);
        SopNode asked = w.caseQuestion() == null ? null : byId.get(w.caseQuestion());
        if ((w.fixedCase() == null) == (w.caseQuestion() == null) || (w.caseQuestion() != null && (asked == null || asked.kind() != SopNode.Kind.QUESTION))) {
            problems.add(new Problem(line, "sop.warranty.case"));
        }
        if (w.dateField() != null && fields.stream().noneMatch(f -> w.dateField().equals(f.name()) && f.type() == FieldSpec.Type.DATE)) {
            problems.add(new Problem(line, "sop.warranty.date-field", w.dateField()));
        }
        w.withinAnswers().forEach((question, value) -> {
            SopNode q = byId.get(question);
            if (q == null || q.kind() != SopNode.Kind.QUESTION || q.option(value) == null) {
                problems.add(new Problem(line, "sop.warranty.within-unknown", question, value));
            }
        });
        if (w.letterNode() != null && (byId.get(w.letterNode()) == null || byId.get(w.letterNode()).kind() != SopNode.Kind.OUTCOME)) {
            problems.add(new Problem(line, "sop.warranty.letter-node", w.letterNode()));
        }
        return problems;
    }

    /** Every node must be reachable from the start, and every path must end in an outcome. */
    private static List<Problem> reachability(SopBundle bundle, Map<String, SopNode> byId, String text) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(bundle.start()));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (!seen.add(id)) {
                continue;
            }
            SopNode n = byId.get(id);
            if (n.kind() == SopNode.Kind.STEP) {
                todo.add(n.next());
            } else if (n.kind() == SopNode.Kind.QUESTION) {
                n.options().forEach(o -> todo.add(o.next()));
            }
        }
        for (SopNode n : bundle.nodes()) {
            if (!seen.contains(n.id())) {
                problems.add(Problem.atNode(lineOf(text, "id", n.id()), n.id(), "sop.node.unreachable", n.id()));
            }
        }
        String cycle = cycleFrom(byId, bundle.start(), new HashSet<>(), new ArrayList<>());
        if (cycle != null) {
            problems.add(Problem.atNode(lineOf(text, "id", cycle), cycle, "sop.node.cycle", cycle));
        }
        return problems;
    }

    /** Depth-first search over every edge; returns a node on a cycle, or null. */
    private static String cycleFrom(Map<String, SopNode> byId, String id, Set<String> done, List<String> stack) {
        if (stack.contains(id)) {
            return id;
        }
        if (!done.add(id)) {
            return null;
        }
        stack.add(id);
        SopNode n = byId.get(id);
        List<String> next = switch (n.kind()) {
            case STEP -> List.of(n.next());
            case QUESTION -> n.options().stream().map(SopOption::next).toList();
            case OUTCOME -> List.of();
        };
        for (String to : next) {
            String found = cycleFrom(byId, to, done, stack);
            if (found != null) {
                return found;
            }
        }
        stack.remove(stack.size() - 1);
        return null;
    }

    /**
     * The line of {@code key: value} (or of the key alone) in the bundle's text, JSON
     * ({@code "key": "value"}) or YAML ({@code key: value}); 0 when not found.
     */
    public static int lineOf(String text, String key, String value) {
        if (text == null) {
            return 0;
        }
        String k = "(?:\"" + Pattern.quote(key) + "\"|(?<=^|[\\s{,-])" + Pattern.quote(key) + ")";
        String v = value == null ? "" : "\\s*(?:\"" + Pattern.quote(value) + "\"|'" + Pattern.quote(value) + "'|" + Pattern.quote(value) + "(?=\\s|,|}|$))";
        Matcher m = Pattern.compile(k + "\\s*:" + v, Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOrNode(String text, String key, String value, int nodeLine) {
        int line = value == null ? 0 : lineOf(text, key, value);
        return line > 0 ? line : nodeLine;
    }

    /** Whether a ticket classified so could not be opened: no ticket type or no category. */
    private static boolean incomplete(QualitorMapping m) {
        return m == null || blank(m.ticketType()) || blank(m.category());
    }

    private static boolean tooLong(SopLimits limits, String... texts) {
        return tooLong(limits, java.util.Arrays.asList(texts));
    }

    private static boolean tooLong(SopLimits limits, List<String> texts) {
        return texts.stream().anyMatch(t -> t != null && t.length() > limits.maxTextChars());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
