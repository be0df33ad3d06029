package br.com.sopdesk.sop.entity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One version of a Standard Operating Procedure as data: what the agent reads and does, the
 * decisions that pick a path, how each path ends, and, for paths that escalate, how the ticket is
 * classified in Qualitor and how long Relacionamento has to return. Immutable; a change is a new
 * version, and a ticket keeps the version it was made with.
 *
 * @param id               stable id, e.g. {@code perda-de-senha}
 * @param version          version number, from 1
 * @param seed             the seed document it comes from, e.g. {@code 000}
 * @param title            pt-BR title
 * @param summary          one line saying when to use it
 * @param keywords         pt-BR search words
 * @param certificateTypes certificate types it applies to (A1, A3)
 * @param start            id of the first node
 * @param nodes            steps, questions and outcomes
 * @param fields           what the ticket form asks beyond the customer intake, with its rules
 * @param qualitor         classification of the escalation ticket
 * @param sla              the return promise
 * @param warranty         how the SOP meets seed 003's warranty, or null when it does not
 */
public record SopBundle(String id, int version, String seed, String title, String summary, List<String> keywords,
                        List<String> certificateTypes, String start, List<SopNode> nodes, List<FieldSpec> fields,
                        QualitorMapping qualitor, SlaPolicy sla, WarrantySpec warranty) implements java.io.Serializable {

    /** The room for a ticket's title (its column). */
    public static final int TITLE_MAX = 200;

    public SopBundle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        certificateTypes = certificateTypes == null ? List.of() : List.copyOf(certificateTypes);
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        fields = fields == null ? List.of() : List.copyOf(fields);
        sla = sla == null ? SlaPolicy.DEFAULT : sla;
    }

    /** The certificate types it applies to, for display: "A1, A3". */
    public String appliesTo() {
        return String.join(", ", certificateTypes);
    }

    public Map<String, SopNode> nodesById() {
        return nodes.stream().collect(Collectors.toMap(SopNode::id, Function.identity()));
    }

    public SopNode node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node in SOP " + id + ": " + nodeId));
    }

    /**
     * How a ticket opened at this outcome is classified: the outcome's own classification over the
     * SOP's, or the SOP's when the outcome has none (null when neither has one).
     */
    public QualitorMapping classification(SopNode outcome) {
        return outcome == null || outcome.qualitor() == null ? qualitor : outcome.qualitor().over(qualitor);
    }

    /**
     * Every classification a ticket of this SOP may get, by where it is set ({@code ""} for the SOP's
     * own, else the outcome's node id), in node order after the SOP's.
     */
    public Map<String, QualitorMapping> classifications() {
        Map<String, QualitorMapping> all = new java.util.LinkedHashMap<>();
        if (qualitor != null) {
            all.put("", qualitor);
        }
        nodes.stream().filter(n -> n.qualitor() != null).forEach(n -> all.put(n.id(), classification(n)));
        return all;
    }

    /** The SOP's fields the walk's answers bring in, in the bundle's order. */
    public List<FieldSpec> fieldsFor(Map<String, String> answers) {
        return fields.stream().filter(f -> f.appliesTo(answers)).toList();
    }

    /**
     * The title for the Qualitor ticket, with {@code {question-id}} placeholders replaced by the
     * labels of the options chosen (what the agent read, never the stored codes), at most
     * {@value #TITLE_MAX} characters.
     */
    public String ticketTitle(Map<String, String> answers) {
        return ticketTitle(answers, qualitor);
    }

    /** {@link #ticketTitle(Map)} with the title template of the classification the ticket gets. */
    public String ticketTitle(Map<String, String> answers, QualitorMapping classification) {
        String title = classification == null || classification.titleTemplate() == null ? this.title : classification.titleTemplate();
        for (SopNode node : nodes) {
            SopOption chosen = node.kind() == SopNode.Kind.QUESTION ? node.option(answers.get(node.id())) : null;
            if (chosen != null) {
                title = title.replace("{" + node.id() + "}", chosen.label() == null ? chosen.value() : chosen.label());
            }
        }
        title = title.replaceAll("\\{[^}]*}", "").strip();
        return title.length() <= TITLE_MAX ? title : title.substring(0, TITLE_MAX - 1).strip() + "…";
    }
}
